package org.tornadojava.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * Tornado's XSRF tokens. The raw token is 16 random bytes kept in the {@code _xsrf} cookie; what pages embed is a
 * freshly masked form of it, version 2: {@code 2|<mask hex>|<token XOR mask, hex>|<timestamp>}, so the embedded
 * value differs on every request (no BREACH-style recovery from compressed pages) while any of them matches the
 * cookie. Version-1 values (the raw token in hex, or any other text) are still understood, as in Tornado.
 * Stateless; thread-safe.
 */
final class XsrfTokens {
    /** The cookie and form field name. */
    static final String NAME = "_xsrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private XsrfTokens() {
    }

    /** A new random raw token. */
    static byte[] newToken() {
        byte[] token = new byte[16];
        RANDOM.nextBytes(token);
        return token;
    }

    /** The masked, versioned form of a raw token, with a new random mask. */
    static String mask(byte[] token, long timestampSeconds) {
        byte[] mask = new byte[4];
        RANDOM.nextBytes(mask);
        return "2|" + Hex.encode(mask) + "|" + Hex.encode(xor(mask, token)) + "|" + timestampSeconds;
    }

    /**
     * The raw token in a cookie or submitted value, Tornado's {@code _decode_xsrf_token}.
     *
     * @return the token, or null when the value is empty, malformed or of an unknown version
     */
    static byte[] decode(String value) {
        if (value.isEmpty()) {
            return null;
        }
        int bar = value.indexOf('|');
        boolean versioned = bar > 0 && value.charAt(0) != '0' && allDigits(value, 0, bar);
        if (!versioned) {
            byte[] hex = Hex.decode(value);
            return hex != null ? hex : value.getBytes(StandardCharsets.UTF_8);
        }
        if (bar != 1 || value.charAt(0) != '2') {
            return null;
        }
        String[] parts = value.split("\\|", -1);
        if (parts.length != 4 || !allDigits(parts[3], 0, parts[3].length())) {
            return null;
        }
        byte[] mask = Hex.decode(parts[1]);
        byte[] masked = Hex.decode(parts[2]);
        return mask == null || masked == null || mask.length != 4 || masked.length == 0 ? null : xor(mask, masked);
    }

    /** Constant-time comparison of two raw tokens. */
    static boolean sameToken(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    private static byte[] xor(byte[] mask, byte[] data) {
        byte[] out = new byte[data.length];
        for (int i = 0; i < data.length; i++) {
            out[i] = (byte) (data[i] ^ mask[i % 4]);
        }
        return out;
    }

    private static boolean allDigits(String text, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
