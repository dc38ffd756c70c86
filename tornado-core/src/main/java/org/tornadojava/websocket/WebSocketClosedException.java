package org.tornadojava.websocket;

import java.io.IOException;

/**
 * The WebSocket is closing or closed, so a message could not be sent (Tornado's {@code WebSocketClosedError}).
 * Futures of {@code writeMessage} and {@code ping} fail with it.
 */
public final class WebSocketClosedException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what could not be done
     */
    public WebSocketClosedException(String message) {
        super(message);
    }
}
