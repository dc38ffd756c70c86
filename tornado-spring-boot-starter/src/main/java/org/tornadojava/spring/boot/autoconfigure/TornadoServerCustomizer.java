package org.tornadojava.spring.boot.autoconfigure;

import org.tornadojava.http.HttpServerOptions;

/**
 * Adjusts the {@link HttpServerOptions} of the auto-configured server after the {@code tornado.server.*}
 * properties were applied. Declare beans of this type; they run in {@link org.springframework.core.Ordered} /
 * {@code @Order} order, once, on the thread refreshing the application context.
 */
@FunctionalInterface
public interface TornadoServerCustomizer {
    /**
     * Changes the options before the server is created. Context refresh thread.
     *
     * @param options the options, already set from the properties
     */
    void customize(HttpServerOptions options);
}
