package org.tornadojava.web;

import io.netty.util.AsciiString;
import org.tornadojava.http.HttpDates;
import org.tornadojava.http.PercentCodec;

import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the header names and values a handler sets, so no response can be split or carry bytes HTTP/1.1 does not
 * allow: a name must be an RFC 9110 token, a value must not contain control characters (tab aside), and its
 * non-ASCII characters are sent percent-encoded as UTF-8 (a redirect to {@code /€} goes to {@code /%E2%82%AC}).
 * The common names come back as shared constants, whose case-insensitive hash Netty's header map has already
 * computed. Stateless; any thread.
 */
final class HeaderChecks {
    /** RFC 9110 token characters, the only ones allowed in a header name. */
    private static final boolean[] TOKEN_CHARS = tokenChars();
    private static final Map<String, AsciiString> COMMON_NAMES = commonNames(List.of("Content-Type", "Cache-Control",
            "Location", "Last-Modified", "Expires", "Vary", "Etag", "Content-Disposition", "Content-Encoding",
            "Content-Language", "Content-Length", "Allow", "Access-Control-Allow-Origin",
            "Access-Control-Allow-Methods", "Access-Control-Allow-Headers", "X-Frame-Options",
            "X-Content-Type-Options", "Strict-Transport-Security", "Content-Security-Policy", "Pragma",
            "Retry-After", "WWW-Authenticate"));

    private HeaderChecks() {
    }

    /**
     * The name to store: a shared constant for a common name spelt as usual, else the name itself once checked.
     *
     * @param name the header name
     * @return the name to store
     * @throws IllegalArgumentException when the name is empty or not a token
     */
    static CharSequence name(CharSequence name) {
        // Strings are looked at as String: charAt on CharSequence is a megamorphic call per character.
        String text = name instanceof String ? (String) name : name.toString();
        AsciiString common = COMMON_NAMES.get(text);
        if (common != null) {
            return common;
        }
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty header name");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 128 || !TOKEN_CHARS[c]) {
                throw new IllegalArgumentException("invalid header name " + name);
            }
        }
        return name;
    }

    /**
     * The text of a header value: strings as they are, dates as HTTP dates, anything else through
     * {@code String.valueOf}.
     *
     * @param value the value
     * @return its text, non-ASCII characters percent-encoded as UTF-8
     * @throws IllegalArgumentException when the text contains CR, LF or other control characters (no response
     *         splitting)
     */
    static CharSequence value(Object value) {
        CharSequence text;
        if (value instanceof CharSequence) {
            text = (CharSequence) value;
        } else if (value instanceof Date) {
            text = HttpDates.format(((Date) value).getTime());
        } else if (value instanceof TemporalAccessor) {
            text = HttpDates.format(Instant.from((TemporalAccessor) value).toEpochMilli());
        } else {
            text = String.valueOf(value);
        }
        String checked = text instanceof String ? (String) text : text.toString();
        boolean ascii = true;
        for (int i = 0; i < checked.length(); i++) {
            char c = checked.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                throw new IllegalArgumentException("unsafe header value " + value);
            }
            ascii &= c < 0x80;
        }
        return ascii ? text : PercentCodec.encodeNonAscii(checked);
    }

    private static boolean[] tokenChars() {
        boolean[] token = new boolean[128];
        for (char c = 0x21; c < 0x7f; c++) {
            token[c] = "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
        }
        return token;
    }

    private static Map<String, AsciiString> commonNames(List<String> names) {
        Map<String, AsciiString> common = new HashMap<>();
        for (String name : names) {
            common.put(name, AsciiString.cached(name));
        }
        return Map.copyOf(common);
    }
}
