package org.tornadojava.httpclient;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpUtil;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The answer to a fetch, Tornado's {@code HTTPResponse}: status, headers and body of the last response (after
 * redirects), the URL it came from and the request as it was given to {@code fetch}.
 *
 * <p>Immutable: getters return copies where the value could be changed. Any thread may read it.
 */
public final class HttpResponse {
    private final HttpRequest request;
    private final int code;
    private final String reason;
    private final HttpHeaders headers;
    private final byte[] body;
    private final String effectiveUrl;
    private final Duration requestTime;

    HttpResponse(HttpRequest request, int code, String reason, HttpHeaders headers, byte[] body,
                 String effectiveUrl, Duration requestTime) {
        this.request = request;
        this.code = code;
        this.reason = reason;
        this.headers = headers;
        this.body = body;
        this.effectiveUrl = effectiveUrl;
        this.requestTime = requestTime;
    }

    /**
     * The request given to {@code fetch} (before any redirect). Any thread.
     *
     * @return the original request
     */
    public HttpRequest request() {
        return request;
    }

    /**
     * The status code, e.g. 200. Any thread.
     *
     * @return the code
     */
    public int code() {
        return code;
    }

    /**
     * The reason phrase the server sent, e.g. {@code Not Found}. Any thread.
     *
     * @return the reason
     */
    public String reason() {
        return reason;
    }

    /**
     * A copy of the response headers as received, except after decompression: then {@code Content-Encoding} is
     * removed and {@code Content-Length}, which counted the compressed bytes, is replaced by
     * {@code Transfer-Encoding: chunked} (use {@link #bodyLength()}). Any thread.
     *
     * @return a copy; changing it changes nothing
     */
    public HttpHeaders headers() {
        return headers.copy();
    }

    /**
     * The first value of a header, case-insensitive. Any thread.
     *
     * @param name the header name
     * @return the value, or null
     */
    public String header(String name) {
        return headers.get(name);
    }

    /**
     * Every value of a header, case-insensitive, e.g. each {@code Set-Cookie}. Any thread.
     *
     * @param name the header name
     * @return the values in order; empty when the header is absent
     */
    public List<String> headerValues(String name) {
        return List.copyOf(headers.getAll(name));
    }

    /**
     * A copy of the body. Empty when the request had a streaming callback. Any thread.
     *
     * @return the bytes
     */
    public byte[] body() {
        return body.clone();
    }

    /**
     * Length of the body in bytes, without copying it. Any thread.
     *
     * @return the length
     */
    public int bodyLength() {
        return body.length;
    }

    /**
     * The body decoded with the charset of {@code Content-Type}, UTF-8 when it names none. Any thread.
     *
     * @return the text
     */
    public String text() {
        Charset charset = HttpUtil.getCharset(headers.get(HttpHeaderNames.CONTENT_TYPE), StandardCharsets.UTF_8);
        return new String(body, charset);
    }

    /**
     * The URL of the last request, after redirects. Any thread.
     *
     * @return the URL
     */
    public String effectiveUrl() {
        return effectiveUrl;
    }

    /**
     * Time from {@code fetch} to the end of this response, redirects and time in the queue included. Any thread.
     *
     * @return the duration
     */
    public Duration requestTime() {
        return requestTime;
    }

    /**
     * Tells whether the status is 2xx. Any thread.
     *
     * @return true for 200 to 299
     */
    public boolean isSuccess() {
        return code >= 200 && code < 300;
    }

    /**
     * Throws the error {@code fetch} would have raised, Tornado's {@code rethrow()}: useful with
     * {@code raiseError(false)}. Any thread.
     *
     * @throws HttpClientError when the status is not 2xx
     */
    public void rethrow() {
        if (!isSuccess()) {
            throw new HttpClientError(code, reason, this);
        }
    }

    @Override
    public String toString() {
        return "HttpResponse(" + code + " " + reason + ", " + effectiveUrl + ", " + body.length + " bytes)";
    }
}
