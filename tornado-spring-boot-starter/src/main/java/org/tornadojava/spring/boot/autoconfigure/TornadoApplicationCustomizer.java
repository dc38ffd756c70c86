package org.tornadojava.spring.boot.autoconfigure;

import org.tornadojava.web.Application;

/**
 * Adjusts the {@link Application.Builder} of the auto-configured application after the discovered
 * {@code @Handler} routes and the {@code tornado.*} properties were applied: add routes that are not beans,
 * a default handler, a JSON mapper, request listeners. Declare beans of this type; they run in
 * {@link org.springframework.core.Ordered} / {@code @Order} order, once, on the thread refreshing the
 * application context.
 */
@FunctionalInterface
public interface TornadoApplicationCustomizer {
    /**
     * Changes the builder before the application is built. Context refresh thread.
     *
     * @param builder the builder, already holding the discovered routes and the settings from the properties
     */
    void customize(Application.Builder builder);
}
