package org.tornadojava.spring.boot;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Scope;
import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Component;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code org.tornadojava.web.RequestHandler} subclass as the handler of a route; the starter finds it in
 * the application context and adds it to the {@code Application}, Tornado's {@code (r"/story/([0-9]+)",
 * StoryHandler)} as an annotation:
 *
 * <pre>{@code
 * @Handler(value = "/story/([0-9]+)", name = "story")
 * class StoryHandler extends RequestHandler {
 *     private final StoryRepository stories;
 *
 *     StoryHandler(StoryRepository stories) {      // injected once resolved, reused for every request
 *         this.stories = stories;
 *     }
 *
 *     public void get(String id) {
 *         write(stories.find(id));
 *     }
 * }
 * }</pre>
 *
 * <p>The class becomes a prototype-scoped component (found by component scanning): every request gets a new
 * instance, created on the connection's IOLoop. Constructor arguments and {@code @Autowired}/{@code @Value}
 * fields that are singletons or values are resolved once at start-up, and each request only calls the
 * constructor; see the starter's documentation for the rules and for when it falls back to a bean factory
 * lookup per request.
 *
 * <p>Routes are tried by {@link #order()}, then routes with {@link #hosts()} before routes for any host, then
 * literal paths before regexes, then in bean registration order.
 * Two handlers with the same pattern and hosts fail start-up.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
@Scope(BeanDefinition.SCOPE_PROTOTYPE)
public @interface Handler {
    /**
     * The path regex, anchored at both ends; each group becomes a {@code String} argument of the verb method.
     * Same as {@link #pattern()}.
     *
     * @return the path regex, e.g. {@code /story/([0-9]+)}
     */
    @AliasFor("pattern")
    String value() default "";

    /**
     * The path regex; same as {@link #value()}.
     *
     * @return the path regex
     */
    @AliasFor("value")
    String pattern() default "";

    /**
     * Name of the route for {@code reverseUrl(name, args...)}; empty for none.
     *
     * @return the route name
     */
    String name() default "";

    /**
     * Host regex (port stripped, case-insensitive) the route is restricted to; empty for any host.
     *
     * @return the host regex, e.g. {@code (www\.)?example\.com}
     */
    String hosts() default "";

    /**
     * Networks allowed to reach this handler: comma-separated CIDRs (IPv4 and IPv6), e.g.
     * {@code "127.0.0.1/32, ::1/128"}, or a placeholder such as {@code "${my-app.admin-whitelist}"} resolved at
     * start-up. Other addresses get 403. Empty (the default): no restriction; a value that resolves to nothing
     * lets nobody in. Passed to the handler as the init argument {@code ip_whitelist}.
     *
     * @return the allowed networks
     */
    String ipWhitelist() default "";

    /**
     * Precedence among routes: lower values are tried first. Routes with equal order keep the rule described on
     * the type.
     *
     * @return the order, 0 by default
     */
    int order() default 0;
}
