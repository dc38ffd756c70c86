package org.tornadojava.spring.boot.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.tornadojava.web.RequestListener;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Records the timer {@value #TIMER} for every finished request, tagged {@code route} (the matched pattern, or
 * {@code UNMATCHED}), {@code method} (standard methods; anything else is {@code OTHER}, so clients cannot blow
 * up the number of series) and {@code status}. A {@link RequestListener} registered with the application and a
 * {@link MeterBinder} that Boot binds to the meter registry; requests finished before binding are not recorded.
 * {@link #requestFinished} runs on IOLoop threads and does not block; thread-safe.
 */
public class TornadoRequestMetrics implements RequestListener, MeterBinder {
    /** Name of the request timer. */
    public static final String TIMER = "tornado.requests";

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");

    private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();
    private volatile MeterRegistry registry;

    /**
     * Remembers the registry timers are recorded in. Called by Boot's metrics support.
     *
     * @param registry the registry
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        timers.clear();
    }

    /**
     * Records one request. IOLoop thread.
     *
     * @param routePattern the matched pattern, or null
     * @param method the request method
     * @param status the response status
     * @param durationNanos the time the request took
     */
    @Override
    public void requestFinished(String routePattern, String method, int status, long durationNanos) {
        MeterRegistry target = registry;
        if (target == null) {
            return;
        }
        TimerKey key = new TimerKey(routePattern == null ? "UNMATCHED" : routePattern,
                METHODS.contains(method) ? method : "OTHER", status);
        timers.computeIfAbsent(key, (k) -> Timer.builder(TIMER)
                        .description("Requests answered by the Tornado server")
                        .tag("route", k.route).tag("method", k.method).tag("status", Integer.toString(k.status))
                        .register(target))
                .record(durationNanos, TimeUnit.NANOSECONDS);
    }

    /** Tags of one timer. */
    private record TimerKey(String route, String method, int status) {
    }
}
