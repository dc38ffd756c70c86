package org.tornadojava.web;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Checks, when an {@link Application} is built, that the verb methods of each route's handler class can serve
 * the route: as in Tornado, the groups of the path regex are the verb method's positional arguments (an unmatched
 * optional group passes null), so every {@code get}, {@code post}, ... takes {@code String}s only, and at least one
 * overload of each verb takes as many as the regex has groups (or {@code String...}). A mismatch fails the build
 * with an exception naming the class, the method and the route, instead of a 405 or 500 on the first request.
 * Called on the thread building the application.
 */
final class VerbMethodCheck {
    private VerbMethodCheck() {
    }

    /**
     * Checks the handler class of one route; the class is the spec's declared one, else that of a handler made
     * by its factory (a factory that fails here fails again per request, answered with 500).
     *
     * @throws InvalidRouteException when a verb method cannot serve the route
     */
    static void check(UrlSpec spec) {
        Class<? extends RequestHandler> type = handlerType(spec);
        if (type == null) {
            return;
        }
        int groups = spec.groupCount();
        for (String verb : HandlerMethods.SUPPORTED) {
            List<Method> methods = HandlerMethods.declared(type, verb.toLowerCase(Locale.ROOT));
            boolean fits = false;
            for (Method method : methods) {
                if (!HandlerMethods.takesStrings(method)) {
                    throw new InvalidRouteException(spec.pattern(), signature(type, method),
                            "a verb method takes String parameters, one per group of the route's regex"
                            + " (or String...)");
                }
                fits |= HandlerMethods.takesStringArray(method) || method.getParameterCount() == groups;
            }
            if (!fits && !methods.isEmpty()) {
                throw new InvalidRouteException(spec.pattern(), methods.stream().map(m -> signature(type, m))
                        .collect(Collectors.joining(" and ")), "its regex has " + groups
                        + (groups == 1 ? " group" : " groups") + ", passed as that many String arguments");
            }
        }
    }

    private static Class<? extends RequestHandler> handlerType(UrlSpec spec) {
        if (spec.handlerType() != null) {
            return spec.handlerType();
        }
        try {
            return spec.factory().get().getClass();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String signature(Class<?> type, Method method) {
        return type.getName() + "." + method.getName() + Arrays.stream(method.getParameterTypes())
                .map(Class::getSimpleName).collect(Collectors.joining(", ", "(", ")"));
    }
}
