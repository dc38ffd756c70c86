package org.tornadojava.httpclient;

import io.netty.channel.ConnectTimeoutException;

import javax.net.ssl.SSLException;
import java.net.UnknownHostException;

/**
 * Turns what went wrong on a connection into the client's errors, with a message naming {@code host:port} and the
 * original exception as the cause. Stateless; thread-safe.
 */
final class Failures {
    private Failures() {
    }

    /**
     * A connection that could not be opened: unknown host, refused, unreachable, TLS handshake failed.
     *
     * @param url where the request was going
     * @param cause what Netty or the JDK reported
     * @return the error for the fetch
     */
    static HttpClientError connectFailed(RequestUrl url, Throwable cause) {
        if (cause instanceof ConnectTimeoutException) {
            return new HttpTimeoutError("Timeout while connecting");
        }
        UnknownHostException unknownHost = find(cause, UnknownHostException.class);
        if (unknownHost != null) {
            return new HttpConnectionError("Cannot connect to " + url.address() + ": unknown host ("
                    + unknownHost.getMessage() + ")", cause);
        }
        SSLException tls = find(cause, SSLException.class);
        if (tls != null) {
            return new HttpConnectionError("TLS handshake with " + url.address() + " failed: " + tls.getMessage(),
                    cause);
        }
        return new HttpConnectionError("Cannot connect to " + url.address() + ": " + describe(cause), cause);
    }

    /**
     * A connection that closed or failed before the response was complete.
     *
     * @param url where the request was going
     * @param cause the I/O error, or null when the server simply closed
     * @return the error for the fetch
     */
    static HttpConnectionError connectionLost(RequestUrl url, Throwable cause) {
        return new HttpConnectionError("Connection to " + url.address()
                + " closed before the response was complete" + (cause == null ? "" : ": " + describe(cause)), cause);
    }

    /**
     * A response the decoder refused: bad status line, headers too large, truncated body.
     *
     * @param url where the request was going
     * @param cause what the decoder reported
     * @return the error for the fetch
     */
    static HttpConnectionError malformed(RequestUrl url, Throwable cause) {
        return new HttpConnectionError("Malformed response from " + url.address() + ": " + describe(cause), cause);
    }

    /**
     * A response body larger than the limit, counted after decompression.
     *
     * @param url where the request was going
     * @param maxBodySize the limit in bytes
     * @return the error for the fetch
     */
    static HttpConnectionError tooLarge(RequestUrl url, long maxBodySize) {
        return new HttpConnectionError("Response from " + url.address() + " is larger than maxBodySize ("
                + maxBodySize + " bytes)", null);
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isEmpty() ? cause.getClass().getSimpleName() : message;
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable current = error; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            if (current.getCause() == current) {
                return null;
            }
        }
        return null;
    }
}
