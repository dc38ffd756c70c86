package org.tornadojava.spring.boot.autoconfigure;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.tornadojava.concurrent.BlockingExecutor;
import org.tornadojava.http.HttpServer;

/**
 * Gauges of the Tornado server: {@code tornado.connections} (open connections), {@code tornado.requests.active}
 * (requests in flight), {@code tornado.executor.active} and {@code tornado.executor.queued} (tasks running and
 * waiting in the {@code runOnExecutor} pool). Bound by Boot's metrics support; the gauges read thread-safe
 * counters on the thread that samples them.
 */
public class TornadoServerMetrics implements MeterBinder {
    private final HttpServer server;
    private final BlockingExecutor executor;

    /**
     * Creates the binder.
     *
     * @param server the server
     * @param executor the executor behind {@code runOnExecutor}
     */
    public TornadoServerMetrics(HttpServer server, BlockingExecutor executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Registers the gauges. Called by Boot's metrics support.
     *
     * @param registry the registry
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("tornado.connections", server, HttpServer::connectionCount)
                .description("Open client connections").register(registry);
        Gauge.builder("tornado.requests.active", server, HttpServer::inFlightRequestCount)
                .description("Requests being served").register(registry);
        Gauge.builder("tornado.executor.active", executor, BlockingExecutor::active)
                .description("Blocking tasks running").register(registry);
        Gauge.builder("tornado.executor.queued", executor, BlockingExecutor::queued)
                .description("Blocking tasks waiting for a thread").register(registry);
    }
}
