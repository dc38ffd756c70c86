package org.tornadojava.web;

/** Lower-case hexadecimal encoding and strict (ASCII-only) decoding. Stateless; thread-safe. */
final class Hex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    /** The bytes as lower-case hex, two characters each. */
    static String encode(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[i * 2] = DIGITS[(bytes[i] >> 4) & 0xf];
            out[i * 2 + 1] = DIGITS[bytes[i] & 0xf];
        }
        return new String(out);
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
