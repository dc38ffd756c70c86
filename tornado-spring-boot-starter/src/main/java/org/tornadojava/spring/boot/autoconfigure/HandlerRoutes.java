package org.tornadojava.spring.boot.autoconfigure;

import org.springframework.beans.factory.BeanDefinitionStoreException;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.tornadojava.http.CidrSet;
import org.tornadojava.spring.boot.Handler;
import org.tornadojava.web.InvalidRouteException;
import org.tornadojava.web.RequestHandler;
import org.tornadojava.web.UrlSpec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.PatternSyntaxException;

/**
 * Finds the {@link Handler @Handler} beans of a bean factory and turns them into routes, in matching order:
 * by {@link Handler#order()}, then host-restricted routes before routes for any host, then literal paths before
 * regexes, then bean registration order (for component scanning, the order the classes were found). Fails
 * start-up when a handler is not a prototype {@code RequestHandler}; fails with an {@link InvalidRouteException}
 * (explained by {@link InvalidRouteFailureAnalyzer}) for an invalid pattern, hosts or ipWhitelist, or when two
 * handlers share a pattern and hosts, or a route name, naming both classes. Runs on the thread refreshing the
 * context.
 */
final class HandlerRoutes {
    private static final Comparator<Route> MATCHING_ORDER = Comparator.comparingInt((Route route) -> route.order)
            .thenComparing((Route route) -> route.hosts.isEmpty())
            .thenComparing((Route route) -> !route.spec.isLiteral())
            .thenComparingInt((Route route) -> route.registration);

    private HandlerRoutes() {
    }

    /**
     * The routes of every {@code @Handler} bean, in matching order.
     *
     * @param beanFactory the factory holding the handler bean definitions
     * @return the routes, empty when there are no handlers
     * @throws BeanDefinitionStoreException for a handler bean that is not a prototype {@code RequestHandler}
     * @throws InvalidRouteException for an invalid or duplicate route
     */
    static List<UrlSpec> discover(ConfigurableListableBeanFactory beanFactory) {
        HandlerInstantiator instantiator = new HandlerInstantiator(beanFactory);
        String[] names = beanFactory.getBeanNamesForAnnotation(Handler.class);
        List<Route> routes = new ArrayList<>(names.length);
        for (int i = 0; i < names.length; i++) {
            routes.add(route(beanFactory, instantiator, names[i], i));
        }
        checkUnique(routes);
        routes.sort(MATCHING_ORDER);
        return routes.stream().map((route) -> route.spec).toList();
    }

    private static Route route(ConfigurableListableBeanFactory beanFactory, HandlerInstantiator instantiator,
                               String beanName, int registration) {
        Class<?> type = beanFactory.getType(beanName);
        Handler handler = beanFactory.findAnnotationOnBean(beanName, Handler.class);
        if (type == null || handler == null || !RequestHandler.class.isAssignableFrom(type)) {
            throw new BeanDefinitionStoreException("@Handler bean '" + beanName + "' (" + type
                    + ") must be a subclass of " + RequestHandler.class.getName());
        }
        if (!beanFactory.isPrototype(beanName)) {
            throw new BeanDefinitionStoreException("@Handler bean '" + beanName + "' (" + type.getName()
                    + ") must be prototype-scoped: a RequestHandler serves one request");
        }
        if (handler.value().isEmpty()) {
            throw new BeanDefinitionStoreException("@Handler on " + type.getName() + " has no pattern");
        }
        Class<? extends RequestHandler> handlerType = type.asSubclass(RequestHandler.class);
        UrlSpec spec;
        try {
            spec = UrlSpec.of(handler.value(), handlerType, instantiator.factoryFor(beanName, handlerType));
        } catch (PatternSyntaxException ex) {
            throw new InvalidRouteException(handler.value(), type.getName(), "the pattern is not a valid regex: "
                    + ex.getDescription() + " near index " + ex.getIndex(), ex);
        }
        if (!handler.name().isEmpty()) {
            spec = spec.withName(handler.name());
        }
        if (!handler.hosts().isEmpty()) {
            try {
                spec = spec.withHost(handler.hosts());
            } catch (PatternSyntaxException ex) {
                throw new InvalidRouteException(handler.value(), type.getName(), "hosts '" + handler.hosts()
                        + "' is not a valid regex: " + ex.getDescription() + " near index " + ex.getIndex(), ex);
            }
        }
        if (!handler.ipWhitelist().isEmpty()) {
            spec = spec.withInitArgs(Map.of("ip_whitelist",
                    whitelist(beanFactory, handler.value(), handler.ipWhitelist(), type)));
        }
        return new Route(spec, handler.hosts(), handler.order(), registration, handlerType);
    }

    private static CidrSet whitelist(ConfigurableListableBeanFactory beanFactory, String route, String text,
                                     Class<?> type) {
        String cidrs = beanFactory.resolveEmbeddedValue(text);
        try {
            return CidrSet.parse(cidrs == null ? "" : cidrs);
        } catch (IllegalArgumentException ex) {
            throw new InvalidRouteException(route, type.getName(), "@Handler has an invalid ipWhitelist '" + cidrs
                    + "': " + ex.getMessage(), ex);
        }
    }

    private static void checkUnique(List<Route> routes) {
        Map<String, Route> byPattern = new HashMap<>();
        Map<String, Route> byName = new HashMap<>();
        for (Route route : routes) {
            Route samePattern = byPattern.putIfAbsent(route.spec.pattern() + "\u0000" + route.hosts, route);
            if (samePattern != null) {
                throw new InvalidRouteException(route.spec.pattern(), route.type.getName(),
                        "Two @Handler classes have the pattern '" + route.spec.pattern() + "'"
                        + (route.hosts.isEmpty() ? "" : " for hosts '" + route.hosts + "'") + ": "
                        + samePattern.type.getName() + " and " + route.type.getName());
            }
            if (route.spec.name() != null) {
                Route sameName = byName.putIfAbsent(route.spec.name(), route);
                if (sameName != null) {
                    throw new InvalidRouteException(route.spec.pattern(), route.type.getName(),
                            "Two @Handler classes have the route name '" + route.spec.name() + "': "
                            + sameName.type.getName() + " and " + route.type.getName());
                }
            }
        }
    }

    /** One discovered handler with what decides its place. */
    private static final class Route {
        final UrlSpec spec;
        final String hosts;
        final int order;
        final int registration;
        final Class<?> type;

        Route(UrlSpec spec, String hosts, int order, int registration, Class<?> type) {
            this.spec = spec;
            this.hosts = hosts;
            this.order = order;
            this.registration = registration;
            this.type = type;
        }
    }
}
