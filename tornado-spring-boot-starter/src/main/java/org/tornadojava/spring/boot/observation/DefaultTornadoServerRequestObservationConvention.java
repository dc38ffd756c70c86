package org.tornadojava.spring.boot.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

import java.util.Locale;
import java.util.Set;

/**
 * Spring Boot's conventions for server requests, so its dashboards and alerts work unchanged: observation
 * {@value #NAME}, low-cardinality tags {@code method}, {@code uri} (the route pattern, never the raw path:
 * {@code NOT_FOUND}, {@code REDIRECTION} or {@code UNKNOWN} when no route matched), {@code status},
 * {@code outcome} and {@code exception}; high-cardinality {@code http.url} (the request path). Stateless and
 * thread-safe.
 */
public class DefaultTornadoServerRequestObservationConvention implements TornadoServerRequestObservationConvention {
    /** Name of the observation, and of the timer it records. */
    public static final String NAME = "http.server.requests";

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
            "TRACE");
    private static final String UNKNOWN = "UNKNOWN";
    private static final KeyValue EXCEPTION_NONE = KeyValue.of("exception", "none");

    /**
     * The observation name. Any thread.
     *
     * @return {@value #NAME}
     */
    @Override
    public String getName() {
        return NAME;
    }

    /**
     * The span name: {@code http get /story/([0-9]+)}, or {@code http get} when no route matched. Any thread.
     *
     * @param context the request's context
     * @return the name
     */
    @Override
    public String getContextualName(TornadoServerRequestObservationContext context) {
        String method = "http " + context.getCarrier().method().toLowerCase(Locale.ROOT);
        return context.getRoutePattern() == null ? method : method + " " + context.getRoutePattern();
    }

    /**
     * The tags of the timer. Any thread.
     *
     * @param context the request's context
     * @return method, uri, status, outcome, exception
     */
    @Override
    public KeyValues getLowCardinalityKeyValues(TornadoServerRequestObservationContext context) {
        return KeyValues.of(method(context), uri(context), status(context), outcome(context), exception(context));
    }

    /**
     * The span-only tags. Any thread.
     *
     * @param context the request's context
     * @return http.url, the request path
     */
    @Override
    public KeyValues getHighCardinalityKeyValues(TornadoServerRequestObservationContext context) {
        return KeyValues.of(KeyValue.of("http.url", context.getCarrier().path()));
    }

    /**
     * The {@code method} tag: a standard method, else {@code UNKNOWN} (clients cannot create series at will).
     *
     * @param context the request's context
     * @return the tag
     */
    protected KeyValue method(TornadoServerRequestObservationContext context) {
        String method = context.getCarrier().method();
        return KeyValue.of("method", METHODS.contains(method) ? method : UNKNOWN);
    }

    /**
     * The {@code uri} tag: the route pattern; without a route, {@code REDIRECTION} for 3xx, {@code NOT_FOUND} for
     * 404, otherwise {@code UNKNOWN}.
     *
     * @param context the request's context
     * @return the tag
     */
    protected KeyValue uri(TornadoServerRequestObservationContext context) {
        String pattern = context.getRoutePattern();
        if (pattern != null) {
            return KeyValue.of("uri", pattern.isEmpty() ? "root" : pattern);
        }
        Integer status = context.getResponse();
        if (status != null && status >= 300 && status < 400) {
            return KeyValue.of("uri", "REDIRECTION");
        }
        if (status != null && status == 404) {
            return KeyValue.of("uri", "NOT_FOUND");
        }
        return KeyValue.of("uri", UNKNOWN);
    }

    /**
     * The {@code status} tag: the response status, {@code UNKNOWN} when the client went away first.
     *
     * @param context the request's context
     * @return the tag
     */
    protected KeyValue status(TornadoServerRequestObservationContext context) {
        Integer status = context.getResponse();
        return KeyValue.of("status", status == null || context.isConnectionAborted() ? UNKNOWN
                : Integer.toString(status));
    }

    /**
     * The {@code outcome} tag: {@code INFORMATIONAL}, {@code SUCCESS}, {@code REDIRECTION}, {@code CLIENT_ERROR},
     * {@code SERVER_ERROR}, or {@code UNKNOWN} (no status, the client went away).
     *
     * @param context the request's context
     * @return the tag
     */
    protected KeyValue outcome(TornadoServerRequestObservationContext context) {
        Integer status = context.getResponse();
        if (status == null || context.isConnectionAborted()) {
            return KeyValue.of("outcome", UNKNOWN);
        }
        String outcome = switch (status / 100) {
            case 1 -> "INFORMATIONAL";
            case 2 -> "SUCCESS";
            case 3 -> "REDIRECTION";
            case 4 -> "CLIENT_ERROR";
            case 5 -> "SERVER_ERROR";
            default -> UNKNOWN;
        };
        return KeyValue.of("outcome", outcome);
    }

    /**
     * The {@code exception} tag: the simple class name of the exception behind an error page, else {@code none}.
     *
     * @param context the request's context
     * @return the tag
     */
    protected KeyValue exception(TornadoServerRequestObservationContext context) {
        Throwable error = context.getError();
        if (error == null) {
            return EXCEPTION_NONE;
        }
        String name = error.getClass().getSimpleName();
        return KeyValue.of("exception", name.isEmpty() ? error.getClass().getName() : name);
    }
}
