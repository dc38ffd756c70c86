package org.tornadojava.spring.boot.autoconfigure;

import org.springframework.context.ApplicationContextException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.tornadojava.http.HttpServer;
import org.tornadojava.http.HttpServerOptions;

import java.net.BindException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts the {@link HttpServer} once the application context is refreshed and stops it gracefully when the
 * context closes, in the phase Boot uses for its own web servers (started after other lifecycle beans, stopped
 * before them). On start it publishes the bound port as {@value #PORT_PROPERTY} in the environment (and as
 * {@value #SERVER_PORT_PROPERTY} unless another web server publishes that one, so {@code @LocalServerPort} works)
 * and a {@link TornadoServerStartedEvent}; a port in use fails start-up with a {@link TornadoPortInUseException}.
 * On stop it refuses new connections, lets requests in flight finish for up
 * to the shutdown timeout, then closes what is left; the IOLoops and the executor are beans and shut down
 * afterwards, when the context destroys them. {@code start}/{@code stop} run on the thread starting or closing
 * the context (a shutdown hook on SIGTERM).
 */
public class TornadoServerLifecycle implements SmartLifecycle {
    /** Environment property holding the bound port, like Boot's {@code local.server.port}. */
    public static final String PORT_PROPERTY = "local.tornado.port";

    /** Boot's environment property of the web server's port, also set to Tornado's port. */
    public static final String SERVER_PORT_PROPERTY = "local.server.port";

    /** Lifecycle phase: the phase of Boot's web server start/stop lifecycle. */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 2048;

    private static final String PROPERTY_SOURCE = "tornado.ports";
    private static final String FALLBACK_PROPERTY_SOURCE = "tornado.server.ports";

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
     * @throws TornadoPortInUseException when the port is taken
     * @throws ApplicationContextException when the server cannot listen for another reason (address not local, TLS
     *         files not loadable)
     */
    @Override
    public void start() {
        try {
            server.start();
        } catch (IllegalStateException ex) {
            if (causedByBindFailure(ex)) {
                SpringServerKeys keys = new SpringServerKeys(environment);
                throw new TornadoPortInUseException(keys.configuredPort(HttpServerOptions.DEFAULT_PORT),
                        keys.portKey(), ex);
            }
            throw new ApplicationContextException("Tornado server could not start (check tornado.server.*): "
                    + ex.getMessage(), ex);
        }
        int port = server.port();
        publishPort(PROPERTY_SOURCE, PORT_PROPERTY, port, true);
        publishPort(FALLBACK_PROPERTY_SOURCE, SERVER_PORT_PROPERTY, port, false);
        events.publishEvent(new TornadoServerStartedEvent(server, port));
    }

    /** A {@link BindException} (NIO) or Netty's native error for EADDRINUSE (epoll, io_uring). */
    private static boolean causedByBindFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException
                    || String.valueOf(cause.getMessage()).contains("Address already in use")) {
                return true;
            }
        }
        return false;
    }

    /** Puts the port in a source of its own: first (it wins), or last (another server's own value wins). */
    private void publishPort(String sourceName, String key, int port, boolean first) {
        MutablePropertySources sources = environment.getPropertySources();
        PropertySource<?> existing = sources.get(sourceName);
        if (existing instanceof MapPropertySource) {
            ((MapPropertySource) existing).getSource().put(key, port);
            return;
        }
        Map<String, Object> ports = new HashMap<>();
        ports.put(key, port);
        if (first) {
            sources.addFirst(new MapPropertySource(sourceName, ports));
        } else {
            sources.addLast(new MapPropertySource(sourceName, ports));
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
