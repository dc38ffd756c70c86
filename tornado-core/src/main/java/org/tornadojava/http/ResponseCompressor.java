package org.tornadojava.http;

import io.netty.handler.codec.compression.StandardCompressionOptions;
import io.netty.handler.codec.http.HttpContentCompressor;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;

import java.util.Locale;
import java.util.Set;

/**
 * Gzip for responses ({@code compress-response}) with Tornado's rules: level 6, only when the client accepts gzip,
 * only {@code text/*} and the usual JSON/JavaScript/XML/SVG types, only whole responses of at least 1024 bytes
 * (streamed responses are always compressed), never a {@code Range} answer or an already-encoded body. Runs on the
 * channel's IOLoop.
 */
final class ResponseCompressor extends HttpContentCompressor {
    private static final int MIN_LENGTH = 1024;
    private static final Set<String> COMPRESSIBLE = Set.of("application/javascript", "application/x-javascript",
            "application/xml", "application/atom+xml", "application/json", "application/xhtml+xml", "image/svg+xml");

    ResponseCompressor() {
        super(MIN_LENGTH, StandardCompressionOptions.gzip(6, 15, 8));
    }

    @Override
    protected Result beginEncode(HttpResponse response, String acceptEncoding) throws Exception {
        if (response.status().code() == 206 || response.headers().contains(HttpHeaderNames.CONTENT_RANGE)
                || !isCompressible(response.headers().get(HttpHeaderNames.CONTENT_TYPE))) {
            return null;
        }
        return super.beginEncode(response, acceptEncoding);
    }

    /** Tornado's {@code _compressible_type}: text/* and a fixed list of structured text types. */
    static boolean isCompressible(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim()
                .toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || COMPRESSIBLE.contains(type);
    }
}
