package org.tornadojava.iostream;

import java.io.IOException;

/**
 * The stream is closed, so a read or write could not be done: Tornado's {@code StreamClosedError}. The cause
 * ({@link #realError()}) is what closed it, when something did: a connection reset, a TLS failure, an
 * {@link UnsatisfiableReadError} or a {@link StreamBufferFullError}; it is null when the peer or the application
 * closed the stream normally. Immutable; thread-safe.
 */
public final class StreamClosedError extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the error. Any thread.
     *
     * @param realError what closed the stream, or null for a normal close
     */
    public StreamClosedError(Throwable realError) {
        super(realError == null ? "Stream is closed" : "Stream is closed: " + realError, realError);
    }

    /**
     * What closed the stream, as Tornado's {@code real_error}. Any thread.
     *
     * @return the error that closed the stream, or null when it was closed normally
     */
    public Throwable realError() {
        return getCause();
    }
}
