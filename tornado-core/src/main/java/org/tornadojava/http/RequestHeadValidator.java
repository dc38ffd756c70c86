package org.tornadojava.http;

import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The framing rules Tornado's test suite checks, on top of what Netty's decoder already refuses: one valid
 * {@code Host} (required on HTTP/1.1), at most one {@code Transfer-Encoding} and only {@code chunked} (another
 * single coding: 501), {@code Content-Length} made of digits only. Stateless; thread-safe.
 */
final class RequestHeadValidator {
    private static final Pattern HOST = Pattern.compile(
            "(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9._~!$&'()*+,;=%-]*)(:[0-9]*)?");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private RequestHeadValidator() {
    }

    /** The reason to refuse a decoded request head, or null when it is acceptable. */
    static Rejection check(HttpRequest request) {
        HttpHeaders headers = request.headers();
        List<String> hosts = headers.getAll(HttpHeaderNames.HOST);
        if (hosts.size() > 1) {
            return Rejection.badRequest("duplicate Host header");
        }
        if (hosts.isEmpty() && request.protocolVersion().equals(HttpVersion.HTTP_1_1)) {
            return Rejection.badRequest("missing Host header");
        }
        if (hosts.size() == 1 && !HOST.matcher(hosts.get(0)).matches()) {
            return Rejection.badRequest("invalid Host header");
        }
        Rejection transferEncoding = checkTransferEncoding(headers);
        if (transferEncoding != null) {
            return transferEncoding;
        }
        for (String length : headers.getAll(HttpHeaderNames.CONTENT_LENGTH)) {
            if (!DIGITS.matcher(length.trim()).matches()) {
                return Rejection.badRequest("invalid Content-Length " + length);
            }
        }
        return null;
    }

    /** The answer to a message Netty's decoder could not parse. */
    static Rejection decodeFailure(HttpObject message, Throwable cause) {
        if (cause instanceof TooLongHttpHeaderException) {
            return new Rejection(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "header block too large");
        }
        if (cause instanceof TooLongHttpLineException) {
            return new Rejection(HttpResponseStatus.REQUEST_URI_TOO_LONG, "request line too long");
        }
        if (cause instanceof TooLongFrameException) {
            return Rejection.badRequest("frame too long");
        }
        if (message instanceof HttpRequest) {
            Rejection transferEncoding = checkTransferEncoding(((HttpRequest) message).headers());
            if (transferEncoding != null) {
                return transferEncoding;
            }
        }
        return Rejection.badRequest("malformed HTTP message: " + cause.getMessage());
    }

    private static Rejection checkTransferEncoding(HttpHeaders headers) {
        List<String> codings = headers.getAll(HttpHeaderNames.TRANSFER_ENCODING);
        if (codings.size() > 1) {
            return Rejection.badRequest("Transfer-Encoding sent twice");
        }
        if (codings.size() == 1) {
            String coding = codings.get(0).trim();
            if (coding.indexOf(',') >= 0) {
                return Rejection.badRequest("Transfer-Encoding other than chunked: " + coding);
            }
            if (!coding.equalsIgnoreCase("chunked")) {
                return new Rejection(HttpResponseStatus.NOT_IMPLEMENTED, "unsupported Transfer-Encoding " + coding);
            }
            if (headers.contains(HttpHeaderNames.CONTENT_LENGTH)) {
                return Rejection.badRequest("Content-Length together with Transfer-Encoding");
            }
        }
        return null;
    }
}
