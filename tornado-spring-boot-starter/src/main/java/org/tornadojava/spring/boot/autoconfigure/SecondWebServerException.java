package org.tornadojava.spring.boot.autoconfigure;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.util.ClassUtils;

import java.util.ArrayList;
import java.util.List;

/**
 * Start-up failure: the context also starts a servlet or reactive web server (a {@code WebServerFactory} bean,
 * e.g. from spring-boot-starter-web or -webflux) while Tornado serves the {@code @Handler}s, and
 * {@code tornado.server.allow-second-server} is not set. {@link SecondWebServerFailureAnalyzer} explains it.
 */
public class SecondWebServerException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final String WEB_SERVER_FACTORY = "org.springframework.boot.web.server.WebServerFactory";

    private final List<String> factories;

    SecondWebServerException(List<String> factories) {
        super("Tornado and another web server (" + String.join(", ", factories) + ") would both start");
        this.factories = List.copyOf(factories);
    }

    /**
     * The web server factory beans found, as {@code name (type)}. Any thread.
     *
     * @return the other servers' factories
     */
    public List<String> factories() {
        return factories;
    }

    /**
     * Whether a servlet or reactive web server will start in this context; when one will and it is not allowed,
     * fails. Thread refreshing the context.
     *
     * @param beanFactory the context's bean factory
     * @param allowed {@code tornado.server.allow-second-server}
     * @return true when another web server runs beside Tornado (allowed)
     * @throws SecondWebServerException when another web server would start and it is not allowed
     */
    static boolean check(ConfigurableListableBeanFactory beanFactory, boolean allowed) {
        ClassLoader classLoader = beanFactory.getBeanClassLoader();
        if (!ClassUtils.isPresent(WEB_SERVER_FACTORY, classLoader)) {
            return false;
        }
        Class<?> factoryType = ClassUtils.resolveClassName(WEB_SERVER_FACTORY, classLoader);
        List<String> factories = new ArrayList<>();
        for (String name : beanFactory.getBeanNamesForType(factoryType, true, false)) {
            Class<?> type = beanFactory.getType(name);
            factories.add(name + " (" + (type == null ? "?" : type.getName()) + ")");
        }
        if (!factories.isEmpty() && !allowed) {
            throw new SecondWebServerException(factories);
        }
        return !factories.isEmpty();
    }
}
