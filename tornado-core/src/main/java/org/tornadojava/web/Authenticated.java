package org.tornadojava.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Requires a logged-in user, Tornado's {@code @tornado.web.authenticated}. On a verb method (or a handler class,
 * for all its verbs): when {@link RequestHandler#currentUser()} is null, a GET or HEAD is redirected (302) to the
 * login URL ({@link Application.Builder#loginUrl}, default {@code /login}) with {@code ?next=} the requested path
 * and query, URL-encoded (the full URL when the login URL is absolute; nothing is added when the login URL already
 * has a query); any other method answers 403. The check runs after {@code prepare}, right before the verb method.
 *
 * <pre>{@code
 * class RoomHandler extends RequestHandler {
 *     @Authenticated
 *     public void get() {
 *         write("Hello, " + currentUser());
 *     }
 * }
 * }</pre>
 *
 * <p>Found once per handler class, when its verbs are first looked up. If one overload of a verb method carries
 * it (or a method it overrides), the verb requires a user whatever the number of path arguments.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Authenticated {
}
