package org.tornadojava.web;

/**
 * Tornado's {@code check_etag_header}: does an {@code If-None-Match} header match a response's ETag? The header
 * may list several tags, strong or weak ({@code W/"x"}), or be {@code *}; comparison is weak (RFC 9110 13.1.2),
 * so {@code W/"x"} matches {@code "x"}. Stateless; thread-safe.
 */
final class IfNoneMatch {
    private IfNoneMatch() {
    }

    /**
     * Tells whether the header matches the tag.
     *
     * @param header the {@code If-None-Match} value, or null
     * @param etag the response's tag, quoted, maybe weak; null or empty never matches
     */
    static boolean matches(String header, String etag) {
        if (header == null || etag == null || etag.isEmpty()) {
            return false;
        }
        String wanted = opaque(etag);
        boolean first = true;
        int i = 0;
        int length = header.length();
        while (i < length) {
            char c = header.charAt(i);
            if (c == '*') {
                if (first) {
                    return true;
                }
                first = false;
                i++;
                continue;
            }
            int tagStart = i;
            if (c == 'W' && header.startsWith("W/\"", i)) {
                i += 2;
            } else if (c != '"') {
                i++;
                continue;
            }
            int close = header.indexOf('"', i + 1);
            if (close < 0) {
                i = tagStart + 1;
                continue;
            }
            first = false;
            if (opaque(header.substring(tagStart, close + 1)).equals(wanted)) {
                return true;
            }
            i = close + 1;
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
