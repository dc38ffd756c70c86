package org.tornadojava.httpclient;

/**
 * A fetch that ran out of time, Tornado's {@code HTTPTimeoutError}, with the synthetic code 599. The message says
 * where: {@code Timeout in request queue}, {@code Timeout while connecting} or {@code Timeout during request}.
 * Immutable; thread-safe.
 */
public final class HttpTimeoutError extends HttpClientError {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the error. Any thread.
     *
     * @param message where the time ran out
     */
    public HttpTimeoutError(String message) {
        super(599, message, null, null);
    }
}
