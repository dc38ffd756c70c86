package org.tornadojava.iostream;

import java.io.IOException;

/**
 * A read can never complete: the delimiter or pattern was not found within its {@code maxBytes}, Tornado's
 * {@code UnsatisfiableReadError}. The stream is closed with it and its buffered bytes are released; the read fails
 * with a {@link StreamClosedError} carrying it. Immutable; thread-safe.
 */
public final class UnsatisfiableReadError extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the error. Any thread.
     *
     * @param message what was not found within how many bytes
     */
    public UnsatisfiableReadError(String message) {
        super(message);
    }
}
