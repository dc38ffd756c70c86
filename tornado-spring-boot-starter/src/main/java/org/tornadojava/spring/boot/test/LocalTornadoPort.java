package org.tornadojava.spring.boot.test;

import org.springframework.beans.factory.annotation.Value;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Injects the port the Tornado server is bound to ({@code local.tornado.port}), the real one when started with
 * {@code tornado.server.port=0}; like Boot's {@code @LocalServerPort}. Resolved when the field or parameter is
 * injected, which must happen after the server started (test instances are injected after the context
 * refresh, so tests can use it freely).
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Value("${local.tornado.port}")
public @interface LocalTornadoPort {
}
