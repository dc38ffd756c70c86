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
