package org.tornadojava.httpclient;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.proxy.HttpProxyHandler;
import io.netty.handler.proxy.HttpProxyHandler.HttpProxyConnectException;
import io.netty.handler.proxy.ProxyConnectException;

import javax.net.ssl.SSLException;
import java.net.UnknownHostException;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what went wrong on a connection into the client's errors, with a message naming {@code host:port} and the
 * original exception as the cause. Stateless; thread-safe.
 */
final class Failures {
    private static final Pattern PROXY_STATUS = Pattern.compile("status: (\\d{3})([^,]*)");

    private Failures() {
    }

    /**
     * A connection that could not be opened: unknown host, refused, unreachable, TLS handshake failed, a proxy
     * that refused the {@code CONNECT}.
     *
     * @param url where the request was going
     * @param proxy the proxy it went through, or null
     * @param cause what Netty or the JDK reported
     * @return the error for the fetch: an {@link HttpClientError} with the proxy's status when the proxy answered
     *         the {@code CONNECT} with an error, an {@link HttpTimeoutError} or an {@link HttpConnectionError}
     */
    static HttpClientError connectFailed(RequestUrl url, HttpProxy proxy, Throwable cause) {
        if (cause instanceof ConnectTimeoutException) {
            return new HttpTimeoutError("Timeout while connecting");
        }
        if (proxy != null) {
            return proxyFailed(url, proxy, cause);
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
     * Netty's {@link HttpProxyHandler} reports a refused {@code CONNECT} only in its exception's message
     * ({@code "..., status: 407 Proxy Authentication Required"}); the status is read from there.
     */
    private static HttpClientError proxyFailed(RequestUrl url, HttpProxy proxy, Throwable cause) {
        HttpProxyConnectException refused = find(cause, HttpProxyConnectException.class);
        Matcher status = refused == null ? null : PROXY_STATUS.matcher(String.valueOf(refused.getMessage()));
        if (status != null && status.find()) {
            int code = Integer.parseInt(status.group(1));
            return new HttpClientError(code, "Proxy " + proxy + " refused CONNECT to " + url.address() + ": HTTP "
                    + code + " " + status.group(2).trim(), null, cause);
        }
        if (cause instanceof ProxyConnectException && String.valueOf(cause.getMessage()).endsWith("timeout")) {
            return new HttpTimeoutError("Timeout while connecting");
        }
        SSLException tls = find(cause, SSLException.class);
        if (tls != null) {
            return new HttpConnectionError("TLS handshake with " + url.address() + " through proxy " + proxy
                    + " failed: " + tls.getMessage(), cause);
        }
        return new HttpConnectionError("Cannot connect to " + url.address() + " through proxy " + proxy + ": "
                + describe(cause), cause);
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

    /**
     * What a future's failure really is: the cause of a {@link CompletionException} that wraps one.
     *
     * @param error the failure a future reported
     * @return the exception to fail the fetch with
     */
    static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
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
