package org.tornadojava.spring.boot.autoconfigure;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.tornadojava.concurrent.BlockingExecutor;
import org.tornadojava.http.HttpServer;

/**
 * Actuator health of the Tornado server (contributor {@code tornado}): UP while it accepts connections, DOWN
 * otherwise, with the port, open connections, requests in flight and the executor's active and queued tasks as
 * details. Called on the thread asking for health; reads only thread-safe counters.
 */
public class TornadoHealthIndicator implements HealthIndicator {
    private final HttpServer server;
    private final BlockingExecutor executor;

    /**
     * Creates the indicator.
     *
     * @param server the server
     * @param executor the executor behind {@code runOnExecutor}
     */
    public TornadoHealthIndicator(HttpServer server, BlockingExecutor executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * The current health. Any thread.
     *
     * @return UP or DOWN with details
     */
    @Override
    public Health health() {
        Health.Builder builder = server.isRunning() ? Health.up() : Health.down();
        return builder.withDetail("port", server.port())
                .withDetail("connections", server.connectionCount())
                .withDetail("requestsInFlight", server.inFlightRequestCount())
                .withDetail("executorActive", executor.active())
                .withDetail("executorQueued", executor.queued())
                .build();
    }
}
