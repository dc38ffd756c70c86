package org.tornadojava.spring.boot.autoconfigure;

import org.springframework.context.ApplicationContextException;

/**
 * Start-up failure: the Tornado server cannot listen because its port is taken. Carries the port and the key
 * that chose it ({@code tornado.server.port}, or {@code server.port} when only that is set) for
 * {@link TornadoPortInUseFailureAnalyzer}.
 */
public class TornadoPortInUseException extends ApplicationContextException {
    private static final long serialVersionUID = 1L;

    private final int port;
    private final String key;

    TornadoPortInUseException(int port, String key, Throwable cause) {
        super("Tornado server could not start: port " + port + " is already in use (" + key + ")", cause);
        this.port = port;
        this.key = key;
    }

    /**
     * The port that is taken. Any thread.
     *
     * @return the port
     */
    public int port() {
        return port;
    }

    /**
     * The property that chose the port. Any thread.
     *
     * @return {@code tornado.server.port} or {@code server.port}
     */
    public String key() {
        return key;
    }
}
