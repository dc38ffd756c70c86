package org.tornadojava.spring.boot.actuate;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.actuate.web.mappings.MappingDescriptionProvider;
import org.springframework.context.ApplicationContext;
import org.tornadojava.spring.boot.Handler;
import org.tornadojava.web.Application;
import org.tornadojava.web.HandlerVerbs;
import org.tornadojava.web.RequestHandler;
import org.tornadojava.web.UrlSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Describes Tornado's routes for the actuator's {@code mappings} endpoint, under the name {@value #NAME}: for the
 * main server ({@code server}) and, when it runs, the management server ({@code management}), each route in
 * matching order with its pattern, name, handler class and the HTTP methods that class answers; the actuator's
 * route is listed as its endpoint paths (Boot's path syntax) with their methods. The class of a {@code @Handler}
 * route comes from its bean definition; for other routes the route's factory makes one handler to look at.
 * Called on the thread serving the endpoint (an executor thread).
 */
public class TornadoMappingDescriptionProvider implements MappingDescriptionProvider {
    /** Key of Tornado's routes in the mappings endpoint's output. */
    public static final String NAME = "tornado";

    private final Supplier<Application> application;
    private final Supplier<TornadoManagementServer> managementServer;

    /**
     * Creates the provider; the servers are looked up when the mappings are described.
     *
     * @param application the main server's application
     * @param managementServer the management server, or null when actuator endpoints are on the main server
     */
    public TornadoMappingDescriptionProvider(Supplier<Application> application,
                                             Supplier<TornadoManagementServer> managementServer) {
        this.application = application;
        this.managementServer = managementServer;
    }

    /**
     * The name the routes are listed under. Any thread.
     *
     * @return {@value #NAME}
     */
    @Override
    public String getMappingName() {
        return NAME;
    }

    /**
     * The routes of each server. Any thread.
     *
     * @param context the application context, for the classes of {@code @Handler} beans
     * @return {@code {"server": [...], "management": [...]}}
     */
    @Override
    public Map<String, List<RouteDescription>> describeMappings(ApplicationContext context) {
        Map<String, Class<?>> handlerTypes = handlerTypes(context);
        Map<String, List<RouteDescription>> servers = new LinkedHashMap<>();
        servers.put("server", describe(application.get(), handlerTypes));
        TornadoManagementServer management = managementServer.get();
        if (management != null) {
            servers.put("management", describe(management.application(), handlerTypes));
        }
        return servers;
    }

    private static List<RouteDescription> describe(Application application, Map<String, Class<?>> handlerTypes) {
        List<RouteDescription> routes = new ArrayList<>();
        for (UrlSpec spec : application.routes()) {
            if (spec.initArgs().get(WebEndpointTable.INIT_ARG) instanceof WebEndpointTable table) {
                table.methodsByPath().forEach((path, methods) -> routes.add(new RouteDescription(path, null,
                        WebEndpointHandler.class.getName(), methods)));
            } else {
                routes.add(describe(spec, handlerTypes));
            }
        }
        return routes;
    }

    private static RouteDescription describe(UrlSpec spec, Map<String, Class<?>> handlerTypes) {
        Class<? extends RequestHandler> type = handlerTypes.containsKey(spec.pattern())
                ? handlerTypes.get(spec.pattern()).asSubclass(RequestHandler.class)
                : spec.factory().get().getClass();
        return new RouteDescription(spec.pattern(), spec.name(), type.getName(), HandlerVerbs.of(type));
    }

    private static Map<String, Class<?>> handlerTypes(ApplicationContext context) {
        Map<String, Class<?>> types = new HashMap<>();
        if (context.getAutowireCapableBeanFactory() instanceof ConfigurableListableBeanFactory beanFactory) {
            for (String name : beanFactory.getBeanNamesForAnnotation(Handler.class)) {
                Handler handler = beanFactory.findAnnotationOnBean(name, Handler.class);
                Class<?> type = beanFactory.getType(name);
                if (handler != null && type != null && RequestHandler.class.isAssignableFrom(type)) {
                    types.put(handler.value(), type);
                }
            }
        }
        return types;
    }

    /**
     * One route as the mappings endpoint shows it.
     *
     * @param pattern the path regex
     * @param name the route's name for {@code reverseUrl}, or null
     * @param handler the handler class
     * @param methods the HTTP methods the handler answers
     */
    public record RouteDescription(String pattern, String name, String handler, List<String> methods) {
    }
}
