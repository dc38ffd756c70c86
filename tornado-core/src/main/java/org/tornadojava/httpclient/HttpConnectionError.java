package org.tornadojava.httpclient;

/**
 * A fetch that failed on the connection, with the synthetic code 599, like Tornado's
 * {@code HTTPStreamClosedError}: the host could not be resolved, the connection was refused, the TLS handshake
 * failed, the connection closed before the response was complete, or the response was malformed or larger than
 * {@code maxBodySize}. The message names {@code host:port}; the cause is the underlying exception, when there is
 * one. Immutable; thread-safe.
 */
public final class HttpConnectionError extends HttpClientError {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the error. Any thread.
     *
     * @param message what failed, naming host and port
     * @param cause the underlying exception, or null
     */
    public HttpConnectionError(String message, Throwable cause) {
        super(599, message, null, cause);
    }
}
