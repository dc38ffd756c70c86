package org.tornadojava.web;

import java.nio.charset.StandardCharsets;

/** Lower-case hexadecimal encoding and strict (ASCII-only) decoding. Stateless; thread-safe. */
final class Hex {
    private static final byte[] DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private Hex() {
    }

    /** The bytes as lower-case hex, two characters each. */
    static String encode(byte[] bytes) {
        return encode("", bytes, "");
    }

    /**
     * {@code prefix}, the bytes as lower-case hex, then {@code suffix}, built as one string (an ETag's quotes
     * without intermediate strings). The prefix and suffix must be ISO-8859-1 text.
     */
    static String encode(String prefix, byte[] bytes, String suffix) {
        int start = prefix.length();
        int end = start + bytes.length * 2;
        byte[] out = new byte[end + suffix.length()];
        for (int i = 0; i < start; i++) {
            out[i] = (byte) prefix.charAt(i);
        }
        for (int i = 0; i < bytes.length; i++) {
            out[start + i * 2] = DIGITS[(bytes[i] >> 4) & 0xf];
            out[start + i * 2 + 1] = DIGITS[bytes[i] & 0xf];
        }
        for (int i = 0; i < suffix.length(); i++) {
            out[end + i] = (byte) suffix.charAt(i);
        }
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    /** The bytes of a hex string (either case), or null when its length is odd or it has a non-hex character. */
    static byte[] decode(String text) {
        if (text.length() % 2 != 0) {
            return null;
        }
        byte[] out = new byte[text.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int high = value(text.charAt(i * 2));
            int low = value(text.charAt(i * 2 + 1));
            if (high < 0 || low < 0) {
                return null;
            }
            out[i] = (byte) (high << 4 | low);
        }
        return out;
    }

    /** The value of one hex digit, or -1. */
    static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }
}
