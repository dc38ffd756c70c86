package org.tornadojava.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the member of an {@link AsyncHttpTest} class that supplies the application under test, Tornado's
 * {@code get_app()}: a method without parameters returning an {@link org.tornadojava.web.Application}, or a field
 * holding one. Static: one server for the whole class, started before the first test. Instance: a new server for
 * each test. Exactly one member per class may carry it.
 */
@Target({ElementType.METHOD, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface TestApplication {
}
