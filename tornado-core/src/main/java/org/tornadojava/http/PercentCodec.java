package org.tornadojava.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding and strict UTF-8 decoding for paths, query strings and form bodies, with Tornado's rules
 * ({@code tornado.escape.url_escape}/{@code url_unescape}): {@code +} is a space only in query/form data, a
 * malformed {@code %} escape is kept as it is, and bytes that are not valid UTF-8 are refused (the caller answers
 * 400). Stateless; any thread.
 */
public final class PercentCodec {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentCodec() {
    }

    /**
     * Decodes {@code %XX} escapes (and {@code +} when {@code plusIsSpace}) in {@code text[from, to)} and the result
     * as strict UTF-8.
     *
     * @param text the encoded text, one char per byte as the request line arrived
     * @param from the first index
     * @param to the index after the last
     * @param plusIsSpace whether {@code +} means a space (query strings and form bodies)
     * @return the decoded text
     * @throws CharacterCodingException when the bytes are not valid UTF-8
     */
    public static String decode(String text, int from, int to, boolean plusIsSpace) throws CharacterCodingException {
        boolean plain = true;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '%' || (plusIsSpace && c == '+') || c > 0x7f) {
                plain = false;
                break;
            }
        }
        if (plain) {
            return text.substring(from, to);
        }
        // Netty hands the request line over byte for byte (ISO-8859-1), so every char is one byte.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < to && hexDigit(text.charAt(i + 1)) >= 0 && hexDigit(text.charAt(i + 2)) >= 0) {
                bytes.write(hexDigit(text.charAt(i + 1)) * 16 + hexDigit(text.charAt(i + 2)));
                i += 2;
            } else if (plusIsSpace && c == '+') {
                bytes.write(' ');
            } else {
                bytes.write(c);
            }
        }
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes.toByteArray()))
                .toString();
    }

    /**
     * Percent-encodes the UTF-8 bytes of everything but unreserved characters and {@code /} (Python's
     * {@code quote}).
     *
     * @param value the text
     * @return the encoded path
     */
    public static String encodePath(String value) {
        return encode(value, true);
    }

    /**
     * Encodes a query or form value as Python's {@code quote_plus} (what {@code urlencode} uses): unreserved
     * characters stay, a space becomes {@code +}, everything else (including {@code /}) is percent-encoded.
     *
     * @param value the text
     * @return the encoded value
     */
    public static String encodeQueryValue(String value) {
        return encode(value, false);
    }

    /**
     * Percent-encodes the UTF-8 bytes of every non-ASCII character and leaves ASCII as it is (escapes already
     * there included), as a browser does to a URL typed with non-ASCII characters: {@code /€} becomes
     * {@code /%E2%82%AC}. Used for header values, {@code Location} among them, which HTTP/1.1 carries as ASCII.
     *
     * @param text the text
     * @return the text when it is all ASCII, else the encoded text
     */
    public static String encodeNonAscii(String text) {
        int first = 0;
        while (first < text.length() && text.charAt(first) < 0x80) {
            first++;
        }
        if (first == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int next = i + Character.charCount(codePoint);
            if (codePoint < 0x80) {
                out.append((char) codePoint);
            } else {
                for (byte b : text.substring(i, next).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
                }
            }
            i = next;
        }
        return out.toString();
    }

    /** The value of an ASCII hex digit, or -1. */
    private static int hexDigit(char c) {
        return c < 0x80 ? Character.digit(c, 16) : -1;
    }

    private static String encode(String value, boolean path) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~' || (path && c == '/')) {
                out.append((char) c);
            } else if (!path && c == ' ') {
                out.append('+');
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }
}
