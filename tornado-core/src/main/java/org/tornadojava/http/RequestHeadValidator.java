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

/**
 * The framing rules Tornado's test suite checks, on top of what Netty's decoder already refuses: one valid
 * {@code Host} (required on HTTP/1.1), at most one {@code Transfer-Encoding} and only {@code chunked} (another
 * single coding: 501), {@code Content-Length} made of digits only. Stateless; thread-safe.
 */
final class RequestHeadValidator {
    private static final String HOST_CHARS = "._~!$&'()*+,;=%-";

    private RequestHeadValidator() {
    }

    /**
     * The reason to refuse a decoded request head, or null when it is acceptable.
     *
     * @param fields the framing headers of {@code request}, already read
     * @param hostKnownValid true when the {@code Host} value was validated before and need not be parsed again
     */
    static Rejection check(HttpRequest request, RequestHeadFields fields, boolean hostKnownValid) {
        HttpHeaders headers = request.headers();
        String host = fields.host();
        if (fields.hostCount() > 1) {
            return Rejection.badRequest("duplicate Host header");
        }
        if (host == null && request.protocolVersion().equals(HttpVersion.HTTP_1_1)) {
            return Rejection.badRequest("missing Host header");
        }
        if (host != null && !hostKnownValid && !isValidHost(host)) {
            return Rejection.badRequest("invalid Host header");
        }
        if (fields.hasTransferEncoding()) {
            Rejection transferEncoding = checkTransferEncoding(headers);
            if (transferEncoding != null) {
                return transferEncoding;
            }
        }
        if (fields.hasContentLength()) {
            for (String length : headers.getAll(HttpHeaderNames.CONTENT_LENGTH)) {
                if (!isDigits(length.trim())) {
                    return Rejection.badRequest("invalid Content-Length " + length);
                }
            }
        }
        return null;
    }

    /** {@code host[:port]} with RFC 3986 reg-name characters, or {@code [ipv6][:port]}. */
    static boolean isValidHost(String host) {
        int end = host.length();
        int colon = host.lastIndexOf(':');
        int close = host.lastIndexOf(']');
        if (colon > close) {
            for (int i = colon + 1; i < end; i++) {
                if (host.charAt(i) < '0' || host.charAt(i) > '9') {
                    return false;
                }
            }
            end = colon;
        }
        if (host.startsWith("[")) {
            if (close != end - 1 || close < 2) {
                return false;
            }
            for (int i = 1; i < close; i++) {
                char c = host.charAt(i);
                if (!(c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
                    return false;
                }
            }
            return true;
        }
        for (int i = 0; i < end; i++) {
            char c = host.charAt(i);
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alnum && HOST_CHARS.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigits(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** The answer to a message Netty's decoder could not parse. */
    static Rejection decodeFailure(HttpObject message, Throwable cause) {
        if (cause instanceof TooLongHttpHeaderException) {
            return new Rejection(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "header block too large");
        }
        if (cause instanceof TooLongHttpLineException) {
            return new Rejection(HttpResponseStatus.REQUEST_URI_TOO_LONG, "request line too long");
        }
        if (cause instanceof StrictRequestDecoder.UnsupportedVersionException) {
            return new Rejection(HttpResponseStatus.HTTP_VERSION_NOT_SUPPORTED, cause.getMessage());
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
