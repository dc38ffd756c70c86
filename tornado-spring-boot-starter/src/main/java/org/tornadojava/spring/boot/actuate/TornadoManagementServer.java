package org.tornadojava.spring.boot.actuate;

import org.springframework.context.ApplicationContextException;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.tornadojava.http.HttpServer;
import org.tornadojava.web.Application;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The second Tornado server that serves only the actuator endpoints on {@code management.server.port}, on the main
 * server's IOLoops and executor. Started and stopped with the main server (same lifecycle phase); on start it
 * publishes the bound port as {@value #PORT_PROPERTY}, as Boot does for its management server. {@code start} and
 * {@code stop} run on the thread starting or closing the context.
 */
public class TornadoManagementServer implements SmartLifecycle {
    /** Environment property holding the bound management port. */
    public static final String PORT_PROPERTY = "local.management.port";

    private final Application application;
    private final HttpServer server;
    private final Duration shutdownTimeout;
    private final ConfigurableEnvironment environment;
    private final int phase;

    /**
     * Creates the management server (not started).
     *
     * @param application the application with the actuator routes
     * @param server the server bound to the management port
     * @param shutdownTimeout longest wait for requests in flight on stop
     * @param environment where the bound port is published
     * @param phase the lifecycle phase, the main server's
     */
    public TornadoManagementServer(Application application, HttpServer server, Duration shutdownTimeout,
                                   ConfigurableEnvironment environment, int phase) {
        this.application = application;
        this.server = server;
        this.shutdownTimeout = shutdownTimeout;
        this.environment = environment;
        this.phase = phase;
    }

    /**
     * The application serving the actuator routes. Any thread.
     *
     * @return the application
     */
    public Application application() {
        return application;
    }

    /**
     * The bound port. Any thread.
     *
     * @return the port, or -1 before start
     */
    public int port() {
        return server.isRunning() ? server.port() : -1;
    }

    /**
     * Binds the management port and publishes it. Context start thread.
     *
     * @throws ApplicationContextException when the port cannot be bound
     */
    @Override
    public void start() {
        try {
            server.start();
        } catch (IllegalStateException ex) {
            throw new ApplicationContextException("Tornado management server could not start (check "
                    + "management.server.*): " + ex.getMessage(), ex);
        }
        Map<String, Object> port = new HashMap<>();
        port.put(PORT_PROPERTY, server.port());
        environment.getPropertySources().addFirst(new MapPropertySource("tornado.management.port", port));
    }

    /** Shuts the management server down gracefully. Context close thread. */
    @Override
    public void stop() {
        server.shutdownGracefully(shutdownTimeout);
    }

    /**
     * Whether the management server accepts connections. Any thread.
     *
     * @return true while running
     */
    @Override
    public boolean isRunning() {
        return server.isRunning();
    }

    /**
     * The lifecycle phase, the main server's.
     *
     * @return the phase
     */
    @Override
    public int getPhase() {
        return phase;
    }
}
