package org.tornadojava.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler that receives its request body piece by piece, Tornado's {@code @stream_request_body}:
 * {@code prepare()} runs as soon as the head arrived, {@link RequestHandler#dataReceived} then runs for each piece
 * (returning a stage pauses reading until it completes), and the verb method runs after the last piece.
 * {@code request().body()} and body arguments stay empty.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface StreamRequestBody {
}
