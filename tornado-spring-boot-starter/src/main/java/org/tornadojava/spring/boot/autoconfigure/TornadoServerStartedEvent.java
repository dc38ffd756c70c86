package org.tornadojava.spring.boot.autoconfigure;

import org.springframework.context.ApplicationEvent;
import org.tornadojava.http.HttpServer;

/**
 * Published once the auto-configured {@link HttpServer} accepts connections, after {@code local.tornado.port}
 * was set in the environment. Listeners run on the thread starting the application context.
 */
public class TornadoServerStartedEvent extends ApplicationEvent {
    /** Serialisation version of the event. */
    private static final long serialVersionUID = 1L;

    /** The port the server listens on. */
    private final int port;

    /**
     * Creates the event.
     *
     * @param server the started server
     * @param port the port it listens on
     */
    public TornadoServerStartedEvent(HttpServer server, int port) {
        super(server);
        this.port = port;
    }

    /**
     * The server that started.
     *
     * @return the server
     */
    public HttpServer getServer() {
        return (HttpServer) getSource();
    }

    /**
     * The port it listens on (the real one when {@code tornado.server.port=0}).
     *
     * @return the bound port
     */
    public int getPort() {
        return port;
    }
}
