package org.tornadojava.spring.boot.autoconfigure;

import org.springframework.context.ApplicationContextException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.tornadojava.http.HttpServer;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts the {@link HttpServer} once the application context is refreshed and stops it gracefully when the
 * context closes, in the phase Boot uses for its own web servers (started after other lifecycle beans, stopped
 * before them). On start it publishes the bound port as {@value #PORT_PROPERTY} in the environment and a
 * {@link TornadoServerStartedEvent}. On stop it refuses new connections, lets requests in flight finish for up
 * to the shutdown timeout, then closes what is left; the IOLoops and the executor are beans and shut down
 * afterwards, when the context destroys them. {@code start}/{@code stop} run on the thread starting or closing
 * the context (a shutdown hook on SIGTERM).
 */
public class TornadoServerLifecycle implements SmartLifecycle {
    /** Environment property holding the bound port, like Boot's {@code local.server.port}. */
    public static final String PORT_PROPERTY = "local.tornado.port";

    /** Lifecycle phase: the phase of Boot's web server start/stop lifecycle. */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 2048;

    private static final String PROPERTY_SOURCE = "tornado.ports";

    private final HttpServer server;
    private final Duration shutdownTimeout;
    private final ConfigurableEnvironment environment;
    private final ApplicationEventPublisher events;

    /**
     * Creates the lifecycle.
     *
     * @param server the server to start and stop
     * @param shutdownTimeout longest wait for requests in flight on stop
     * @param environment where the bound port is published
     * @param events where {@link TornadoServerStartedEvent} is published
     */
    public TornadoServerLifecycle(HttpServer server, Duration shutdownTimeout, ConfigurableEnvironment environment,
                                  ApplicationEventPublisher events) {
        this.server = server;
        this.shutdownTimeout = shutdownTimeout;
        this.environment = environment;
        this.events = events;
    }

    /**
     * Binds the server, publishes the port and the started event. Context start thread.
     *
     * @throws ApplicationContextException when the server cannot listen (port in use, address not local, TLS files
     *         not loadable)
     */
    @Override
    public void start() {
        try {
            server.start();
        } catch (IllegalStateException ex) {
            throw new ApplicationContextException("Tornado server could not start (check tornado.server.*): "
                    + ex.getMessage(), ex);
        }
        int port = server.port();
        publishPort(port);
        events.publishEvent(new TornadoServerStartedEvent(server, port));
    }

    private void publishPort(int port) {
        MutablePropertySources sources = environment.getPropertySources();
        PropertySource<?> existing = sources.get(PROPERTY_SOURCE);
        if (existing instanceof MapPropertySource) {
            ((MapPropertySource) existing).getSource().put(PORT_PROPERTY, port);
        } else {
            Map<String, Object> ports = new HashMap<>();
            ports.put(PORT_PROPERTY, port);
            sources.addFirst(new MapPropertySource(PROPERTY_SOURCE, ports));
        }
    }

    /** Shuts the server down gracefully, waiting at most the shutdown timeout. Context close thread. */
    @Override
    public void stop() {
        server.shutdownGracefully(shutdownTimeout);
    }

    /**
     * Whether the server accepts connections. Any thread.
     *
     * @return true while running
     */
    @Override
    public boolean isRunning() {
        return server.isRunning();
    }

    /**
     * The lifecycle phase, {@link #PHASE}.
     *
     * @return the phase
     */
    @Override
    public int getPhase() {
        return PHASE;
    }
}
