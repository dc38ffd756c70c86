package org.tornadojava.iostream;

import java.io.IOException;

/**
 * More than {@code maxBufferSize} bytes arrived that no read could take: Tornado's {@code StreamBufferFullError}.
 * The stream is closed with it, and pending and later reads fail with a {@link StreamClosedError} carrying it.
 * Immutable; thread-safe.
 */
public final class StreamBufferFullError extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the error. Any thread.
     *
     * @param maxBufferSize the limit that was exceeded
     */
    public StreamBufferFullError(int maxBufferSize) {
        super("Reached maximum read buffer size of " + maxBufferSize + " bytes");
    }
}
