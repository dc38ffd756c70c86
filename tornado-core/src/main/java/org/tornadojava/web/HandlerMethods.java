package org.tornadojava.web;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The verb methods ({@code get}, {@code post}, ...) a handler class declares, found once per class by reflection
 * and kept as method handles, so a request costs no reflection. A verb method takes one {@code String} per path
 * group (or {@code String...}) and returns {@code void} or a {@code CompletionStage}. Thread-safe.
 */
final class HandlerMethods {
    static final List<String> SUPPORTED = List.of("GET", "HEAD", "POST", "DELETE", "PATCH", "PUT", "OPTIONS");
    private static final MethodType INVOKER_TYPE = MethodType.methodType(Object.class, RequestHandler.class,
            String[].class);
    private static final ClassValue<HandlerMethods> CACHE = new ClassValue<>() {
        @Override
        protected HandlerMethods computeValue(Class<?> type) {
            return new HandlerMethods(type);
        }
    };

    private final Map<String, Verb> verbs;
    private final String allow;
    private final boolean streamsBody;

    private HandlerMethods(Class<?> type) {
        this.streamsBody = type.isAnnotationPresent(StreamRequestBody.class);
        Map<String, Verb> found = new LinkedHashMap<>();
        boolean classAuthenticated = type.isAnnotationPresent(Authenticated.class);
        for (String method : SUPPORTED) {
            Verb verb = Verb.find(type, method.toLowerCase(Locale.ROOT), classAuthenticated);
            if (verb != null) {
                found.put(method, verb);
            }
        }
        if (!found.containsKey("HEAD") && found.containsKey("GET")) {
            found.put("HEAD", found.get("GET"));
        }
        this.verbs = found;
        StringJoiner joiner = new StringJoiner(", ");
        SUPPORTED.stream().filter(found::containsKey).forEach(joiner::add);
        this.allow = joiner.toString();
    }

    static HandlerMethods of(Class<? extends RequestHandler> type) {
        return CACHE.get(type);
    }

    /**
     * The methods named {@code name} a handler class declares or inherits below {@link RequestHandler}, static,
     * bridge and synthetic ones left out, the subclass's first.
     */
    static List<Method> declared(Class<?> type, String name) {
        List<Method> methods = new ArrayList<>();
        for (Class<?> c = type; c != null && c != RequestHandler.class && c != Object.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                if (method.getName().equals(name) && !Modifier.isStatic(method.getModifiers())
                        && !method.isBridge() && !method.isSynthetic()) {
                    methods.add(method);
                }
            }
        }
        return methods;
    }

    /** Whether a method takes only {@code String}s, or one {@code String[]} ({@code String...}). */
    static boolean takesStrings(Method method) {
        if (takesStringArray(method)) {
            return true;
        }
        for (Class<?> parameter : method.getParameterTypes()) {
            if (parameter != String.class) {
                return false;
            }
        }
        return true;
    }

    /** Whether a method takes one {@code String[]} ({@code String...}): it accepts any number of groups. */
    static boolean takesStringArray(Method method) {
        return method.getParameterCount() == 1 && method.getParameterTypes()[0] == String[].class;
    }

    /** The verb serving an HTTP method, or null when the class has none. HEAD falls back to GET. */
    Verb verb(String httpMethod) {
        return verbs.get(httpMethod);
    }

    /** Whether the class is marked {@link StreamRequestBody}. */
    boolean streamsBody() {
        return streamsBody;
    }

    /** Value of the {@code Allow} header: the methods the class answers. */
    String allow() {
        return allow;
    }

    /** One verb method name and its overloads by number of arguments. */
    static final class Verb {
        private final String name;
        private final Map<Integer, MethodHandle> byArity;
        private final MethodHandle varargs;
        private final boolean authenticated;

        private Verb(String name, Map<Integer, MethodHandle> byArity, MethodHandle varargs, boolean authenticated) {
            this.name = name;
            this.byArity = byArity;
            this.varargs = varargs;
            this.authenticated = authenticated;
        }

        static Verb find(Class<?> type, String name, boolean classAuthenticated) {
            Map<Integer, MethodHandle> byArity = new HashMap<>();
            MethodHandle varargs = null;
            boolean authenticated = classAuthenticated;
            for (Method method : declared(type, name)) {
                if (!takesStrings(method)) {
                    continue;
                }
                authenticated |= method.isAnnotationPresent(Authenticated.class);
                MethodHandle handle = unreflect(method);
                if (takesStringArray(method)) {
                    if (varargs == null) {
                        varargs = handle.asType(INVOKER_TYPE);
                    }
                } else {
                    int arity = method.getParameterCount();
                    byArity.putIfAbsent(arity, handle.asSpreader(String[].class, arity).asType(INVOKER_TYPE));
                }
            }
            return byArity.isEmpty() && varargs == null ? null : new Verb(name, byArity, varargs, authenticated);
        }

        /** Whether the verb carries {@link Authenticated} (on a method or the class). */
        boolean authenticated() {
            return authenticated;
        }

        /** Calls the overload taking {@code args.length} strings; returns what the method returned. */
        Object invoke(RequestHandler handler, String[] args) throws Throwable {
            MethodHandle handle = byArity.get(args.length);
            if (handle == null) {
                handle = varargs;
            }
            if (handle == null) {
                throw new IllegalStateException(handler.getClass().getName() + "." + name + " takes "
                        + byArity.keySet() + " arguments but the route passes " + args.length);
            }
            return (Object) handle.invokeExact(handler, args);
        }

        private static MethodHandle unreflect(Method method) {
            try {
                method.setAccessible(true);
                return MethodHandles.lookup().unreflect(method);
            } catch (IllegalAccessException | RuntimeException e) {
                throw new IllegalStateException("cannot call " + method + ": " + e.getMessage(), e);
            }
        }
    }
}
