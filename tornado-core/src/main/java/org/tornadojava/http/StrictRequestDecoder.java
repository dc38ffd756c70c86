package org.tornadojava.http;

import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpRequestDecoder;

/**
 * Netty's request decoder with the version check Tornado 6.5 and Netty's strict mode make: the version token must be
 * {@code HTTP/d.d}, case-sensitive (RFC 9112 section 2.3). A later 1.x minor version is served as HTTP/1.1 (RFC 9110
 * section 2.5), a major version other than 1 fails the head with {@link UnsupportedVersionException} (answered 505),
 * anything else ({@code http/1.1}, {@code HTTP/1}) with {@link IllegalArgumentException} (answered 400).
 * Used on the connection's IOLoop only.
 */
final class StrictRequestDecoder extends HttpRequestDecoder {

    StrictRequestDecoder(HttpDecoderConfig config) {
        super(config);
    }

    @Override
    protected HttpMessage createMessage(String[] initialLine) throws Exception {
        String version = initialLine[2];
        if (!"HTTP/1.1".equals(version) && !"HTTP/1.0".equals(version)) {
            if (!isWellFormed(version)) {
                throw new IllegalArgumentException("malformed HTTP version " + LogText.escape(version));
            }
            if (version.charAt(5) != '1') {
                throw new UnsupportedVersionException(version);
            }
            initialLine[2] = "HTTP/1.1";
        }
        return super.createMessage(initialLine);
    }

    /** {@code HTTP/d.d}, the only shape RFC 9112 allows. */
    private static boolean isWellFormed(String version) {
        return version.length() == 8 && version.startsWith("HTTP/") && isDigit(version.charAt(5))
                && version.charAt(6) == '.' && isDigit(version.charAt(7));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** A request head naming an HTTP version this server does not speak. */
    static final class UnsupportedVersionException extends Exception {
        private static final long serialVersionUID = 1L;

        UnsupportedVersionException(String version) {
            super("unsupported HTTP version " + version, null, false, false);
        }
    }
}
