package org.tornadojava.httpclient;

/**
 * A fetch that did not end with a 2xx response, Tornado's {@code HTTPClientError}. For a response outside 200-299
 * (when the request's {@code raiseError} is on, the default) it carries the status and the whole
 * {@link #response()}; its message reads {@code HTTP 404: Not Found}. Subclasses use Tornado's synthetic code 599
 * for failures without a response: {@link HttpTimeoutError} and {@link HttpConnectionError}.
 *
 * <p>Immutable; thread-safe.
 */
public class HttpClientError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int code;
    private final transient HttpResponse response;

    /**
     * An error for a response with a status outside 200-299. Any thread.
     *
     * @param code the status code
     * @param reason the reason phrase
     * @param response the response, or null
     */
    public HttpClientError(int code, String reason, HttpResponse response) {
        this(code, "HTTP " + code + ": " + reason, response, null);
    }

    /**
     * An error with a message of its own, for subclasses. Any thread.
     *
     * @param code the status code, 599 when there is no response
     * @param message the whole message
     * @param response the response, or null
     * @param cause what caused it, or null
     */
    protected HttpClientError(int code, String message, HttpResponse response, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.response = response;
    }

    /**
     * The status code of the response, or 599 when there was none (timeout, connection failure). Any thread.
     *
     * @return the code
     */
    public int code() {
        return code;
    }

    /**
     * The response that caused the error: its headers and body are there. Any thread.
     *
     * @return the response, or null when there was none
     */
    public HttpResponse response() {
        return response;
    }
}
