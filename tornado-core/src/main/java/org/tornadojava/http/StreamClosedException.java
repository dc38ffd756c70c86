package org.tornadojava.http;

import java.io.IOException;

/**
 * The client's connection is gone, so the bytes could not be sent (Tornado's {@code StreamClosedError}).
 * Futures returned by {@code flush()} and {@code finish()} fail with it after a disconnect.
 */
public final class StreamClosedException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what could not be done
     */
    public StreamClosedException(String message) {
        super(message);
    }
}
