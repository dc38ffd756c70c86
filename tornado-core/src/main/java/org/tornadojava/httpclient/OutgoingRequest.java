package org.tornadojava.httpclient;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;

import java.util.Set;

/**
 * Builds the Netty message of a request, adding what Tornado's client adds when the caller did not set it:
 * {@code Host}, {@code User-Agent}, {@code Accept-Encoding: gzip} when decompressing, {@code Content-Length} for a
 * body (always for POST, PUT and PATCH), and {@code Content-Type: application/x-www-form-urlencoded} for POST.
 * Stateless; thread-safe.
 */
final class OutgoingRequest {
    private static final AsciiString USER_AGENT = AsciiString.cached("tornado-java/0.1.0");
    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");

    private OutgoingRequest() {
    }

    /**
     * The message to write; its body wraps the request's array without copying (the request never changes it).
     *
     * @param request the request
     * @param decompress whether the response will be decompressed
     * @return a new message, owned by the caller (writing it releases it)
     */
    static FullHttpRequest toNetty(HttpRequest request, boolean decompress) {
        RequestUrl url = request.parsedUrl();
        byte[] body = request.bodyBytes();
        FullHttpRequest message = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1,
                HttpMethod.valueOf(request.method()), url.target(),
                body == null ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
        HttpHeaders headers = message.headers();
        headers.set(request.headersView());
        if (!headers.contains(HttpHeaderNames.HOST)) {
            headers.set(HttpHeaderNames.HOST, url.hostHeader());
        }
        if (!headers.contains(HttpHeaderNames.USER_AGENT)) {
            headers.set(HttpHeaderNames.USER_AGENT, USER_AGENT);
        }
        if (decompress && !headers.contains(HttpHeaderNames.ACCEPT_ENCODING)) {
            headers.set(HttpHeaderNames.ACCEPT_ENCODING, HttpHeaderValues.GZIP);
        }
        headers.remove(HttpHeaderNames.TRANSFER_ENCODING);
        if (body != null || BODY_METHODS.contains(request.method())) {
            headers.set(HttpHeaderNames.CONTENT_LENGTH, body == null ? 0 : body.length);
        } else {
            headers.remove(HttpHeaderNames.CONTENT_LENGTH);
        }
        if (request.method().equals("POST") && !headers.contains(HttpHeaderNames.CONTENT_TYPE)) {
            headers.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_X_WWW_FORM_URLENCODED);
        }
        return message;
    }
}
