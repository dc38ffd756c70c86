package org.tornadojava.httpclient;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * Builds the Netty message of a request, adding what Tornado's client adds when the caller did not set it:
 * {@code Host}, {@code User-Agent}, {@code Accept-Encoding: gzip} when decompressing, {@code Content-Length} for a
 * body (always for POST, PUT and PATCH; {@code Transfer-Encoding: chunked} for a produced body of unknown length),
 * {@code Content-Type: application/x-www-form-urlencoded} for POST, {@code Authorization: Basic} for
 * {@code authUsername} in basic mode. Through a proxy, plain HTTP requests carry the absolute URL and the proxy's
 * {@code Proxy-Authorization}. Stateless; thread-safe.
 */
final class OutgoingRequest {
    private static final AsciiString USER_AGENT = AsciiString.cached("tornado-java/0.1.0");
    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");

    private OutgoingRequest() {
    }

    /**
     * The message to write: a whole request when the body is an array (wrapped without copying: the request never
     * changes it), only the head when a {@link BodyProducer} streams the body.
     *
     * @param request the request
     * @param key where the connection goes (whether it forwards through a proxy)
     * @param decompress whether the response will be decompressed
     * @return a new message, owned by the caller (writing it releases it)
     */
    static io.netty.handler.codec.http.HttpRequest toNetty(HttpRequest request, PoolKey key, boolean decompress) {
        RequestUrl url = request.parsedUrl();
        HttpMethod method = HttpMethod.valueOf(request.method());
        String target = key.forwardsThroughProxy() ? url.toString() : url.target();
        boolean produced = request.bodyProducer() != null;
        byte[] body = request.bodyBytes();
        io.netty.handler.codec.http.HttpRequest message = produced
                ? new DefaultHttpRequest(HttpVersion.HTTP_1_1, method, target)
                : new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, target,
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
        if (produced) {
            if (!headers.contains(HttpHeaderNames.CONTENT_LENGTH)) {
                headers.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
            }
        } else if (body != null || BODY_METHODS.contains(request.method())) {
            headers.set(HttpHeaderNames.CONTENT_LENGTH, body == null ? 0 : body.length);
        } else {
            headers.remove(HttpHeaderNames.CONTENT_LENGTH);
        }
        if (request.method().equals("POST") && !headers.contains(HttpHeaderNames.CONTENT_TYPE)) {
            headers.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_X_WWW_FORM_URLENCODED);
        }
        if (request.authUsername() != null && request.authMode() == AuthMode.BASIC
                && !headers.contains(HttpHeaderNames.AUTHORIZATION)) {
            headers.set(HttpHeaderNames.AUTHORIZATION, basic(request.authUsername(), request.authPassword()));
        }
        HttpProxy proxy = key.proxy();
        if (key.forwardsThroughProxy() && proxy.hasCredentials()
                && !headers.contains(HttpHeaderNames.PROXY_AUTHORIZATION)) {
            headers.set(HttpHeaderNames.PROXY_AUTHORIZATION, basic(proxy.username(), proxy.password()));
        }
        return message;
    }

    /** {@code Basic base64(user:password)} with the UTF-8 bytes, as Tornado encodes them. */
    static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }
}
