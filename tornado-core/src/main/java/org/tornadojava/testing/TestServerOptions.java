package org.tornadojava.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the member of an {@link AsyncHttpTest} class that supplies the server's
 * {@link org.tornadojava.http.HttpServerOptions}, Tornado's {@code get_httpserver_options()}: a method without
 * parameters or a field, static or not like the {@link TestApplication} member. Optional; the port is always a
 * free one.
 */
@Target({ElementType.METHOD, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface TestServerOptions {
}
