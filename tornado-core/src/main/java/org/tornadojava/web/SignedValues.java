package org.tornadojava.web;

import io.netty.util.concurrent.FastThreadLocal;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Signs and checks timestamped values in Tornado's formats, so signed cookies pass between tornado-java and
 * Python Tornado sharing a {@code cookie_secret} (Tornado's {@code create_signed_value} /
 * {@code decode_signed_value}).
 *
 * <p>Version 2 (written by default): {@code 2|1:0|10:1300000000|3:key|8:dmFsdWU=|<hex HMAC-SHA256>}: key version,
 * Unix timestamp, name and base64 value as length-prefixed fields, signed up to and including the last {@code |}.
 * Version 1 ({@code base64|timestamp|<hex HMAC-SHA1 of name, value and timestamp>}) is still read, as Tornado
 * does, and written only on request. With several secrets keyed by version (key rotation), new values are signed
 * with the current key version and values signed with any known version are accepted.
 *
 * <p>A value older than the maximum age is refused; like Tornado's version 2 there is no check against timestamps
 * in the future, so a server whose clock runs behind does not reject fresh values. Signatures are compared in
 * constant time. Tampered, truncated, expired or malformed values decode to null; decoding never throws for bad
 * input.
 *
 * <p>Immutable; thread-safe.
 */
public final class SignedValues {
    /** Tornado's default maximum age of a signed value on reading: 31 days. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(31);
    private static final Duration V1_FUTURE_LIMIT = Duration.ofDays(31);
    private static final FastThreadLocal<Mac> HMAC_SHA256 = Digests.perThread("HmacSHA256", Mac::getInstance);
    private static final FastThreadLocal<Mac> HMAC_SHA1 = Digests.perThread("HmacSHA1", Mac::getInstance);

    private final Map<Integer, byte[]> secrets;
    private final byte[] singleSecret;
    private final int keyVersion;
    private final Clock clock;

    private SignedValues(Map<Integer, byte[]> secrets, byte[] singleSecret, int keyVersion, Clock clock) {
        this.secrets = secrets;
        this.singleSecret = singleSecret;
        this.keyVersion = keyVersion;
        this.clock = clock;
    }

    /**
     * Values signed with one secret (Tornado's {@code cookie_secret} as a string). Any thread.
     *
     * @param secret the secret, a long random string
     * @param clock the time source for timestamps and the age check
     * @return the signer
     * @throws IllegalArgumentException when the secret is empty
     */
    public static SignedValues of(String secret, Clock clock) {
        return new SignedValues(null, secretBytes(secret, "cookie secret"), 0, clock);
    }

    /**
     * Values signed with rotating secrets (Tornado's {@code cookie_secret} dict plus {@code key_version}): new
     * values use {@code keyVersion}'s secret, values signed with any of the secrets are accepted. Any thread.
     *
     * @param secrets secret per key version
     * @param keyVersion the version to sign with
     * @param clock the time source
     * @return the signer
     * @throws IllegalArgumentException when a secret is empty or {@code keyVersion} has none
     */
    public static SignedValues of(Map<Integer, String> secrets, int keyVersion, Clock clock) {
        Map<Integer, byte[]> bytes = new HashMap<>();
        secrets.forEach((version, secret) -> bytes.put(version, secretBytes(secret, "cookie secret " + version)));
        if (!bytes.containsKey(keyVersion)) {
            throw new IllegalArgumentException("no cookie secret for key version " + keyVersion);
        }
        return new SignedValues(Map.copyOf(bytes), null, keyVersion, clock);
    }

    /**
     * Signs a value in format version 2 with the current time. Any thread.
     *
     * @param name the name bound into the signature (the cookie name); a value is only valid under its name
     * @param value the bytes to sign
     * @return the signed value, ASCII
     */
    public String create(String name, byte[] value) {
        return create(name, value, 2);
    }

    /**
     * Signs a value in the given format version. Any thread.
     *
     * @param name the name bound into the signature
     * @param value the bytes to sign
     * @param version 2, or 1 for the legacy format (single secret only)
     * @return the signed value, ASCII
     * @throws IllegalArgumentException for another version, or version 1 with rotating secrets
     */
    public String create(String name, byte[] value, int version) {
        String timestamp = Long.toString(clock.millis() / 1000);
        String encoded = Base64.getEncoder().encodeToString(value);
        if (version == 1) {
            if (singleSecret == null) {
                throw new IllegalArgumentException("signed value version 1 needs a single cookie secret");
            }
            return encoded + "|" + timestamp + "|" + signatureV1(singleSecret, name, encoded, timestamp);
        }
        if (version != 2) {
            throw new IllegalArgumentException("unsupported signed value version " + version);
        }
        String toSign = "2|" + field(Integer.toString(singleSecret == null ? keyVersion : 0)) + "|" + field(timestamp)
                + "|" + field(name) + "|" + field(encoded) + "|";
        byte[] secret = singleSecret != null ? singleSecret : secrets.get(keyVersion);
        return toSign + Hex.encode(hmac(HMAC_SHA256, secret, toSign.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Checks a signed value of either version and returns what was signed. Any thread.
     *
     * @param name the name it must have been signed under
     * @param signed the signed value, or null
     * @param maxAge the oldest timestamp accepted, counted back from now
     * @return the value, or null when missing, malformed, tampered with, signed under another name or key, or
     *         older than {@code maxAge}
     */
    public byte[] decode(String name, String signed, Duration maxAge) {
        return decode(name, signed, maxAge, 1);
    }

    /**
     * Like {@link #decode(String, String, Duration)}, refusing formats older than {@code minVersion}. Any thread.
     *
     * @param name the name it must have been signed under
     * @param signed the signed value, or null
     * @param maxAge the oldest timestamp accepted
     * @param minVersion 1 (accept both formats) or 2
     * @return the value, or null
     * @throws IllegalArgumentException when {@code minVersion} is not 1 or 2 (a programming error)
     */
    public byte[] decode(String name, String signed, Duration maxAge, int minVersion) {
        if (minVersion < 1 || minVersion > 2) {
            throw new IllegalArgumentException("unsupported minimum signed value version " + minVersion);
        }
        if (signed == null || signed.isEmpty()) {
            return null;
        }
        byte[] value = signed.getBytes(StandardCharsets.UTF_8);
        int version = version(value);
        if (version < minVersion) {
            return null;
        }
        if (version == 1) {
            return singleSecret == null ? null : decodeV1(name, signed, maxAge);
        }
        return version == 2 ? decodeV2(name, value, maxAge) : null;
    }

    /**
     * The key version a format-2 value was signed with, Tornado's {@code get_signature_key_version}; the signature
     * is not checked. Any thread.
     *
     * @param signed the signed value, or null
     * @return the key version, or null for a missing, version-1 or malformed value
     */
    public static Integer keyVersion(String signed) {
        if (signed == null) {
            return null;
        }
        byte[] value = signed.getBytes(StandardCharsets.UTF_8);
        if (version(value) != 2) {
            return null;
        }
        FieldsV2 fields = FieldsV2.parse(value);
        return fields == null ? null : fields.keyVersion;
    }

    private byte[] decodeV2(String name, byte[] value, Duration maxAge) {
        FieldsV2 fields = FieldsV2.parse(value);
        if (fields == null) {
            return null;
        }
        byte[] secret = singleSecret != null ? singleSecret : secrets.get(fields.keyVersion);
        if (secret == null) {
            return null;
        }
        byte[] signedPart = Arrays.copyOf(value, value.length - fields.signature.length);
        byte[] expected = Hex.encode(hmac(HMAC_SHA256, secret, signedPart)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(fields.signature, expected)
                || !Arrays.equals(fields.name, name.getBytes(StandardCharsets.UTF_8))) {
            return null;
        }
        long timestamp = digits(fields.timestamp, 0, fields.timestamp.length);
        if (timestamp < 0 || expired(timestamp, maxAge)) {
            return null;
        }
        return base64(new String(fields.value, StandardCharsets.US_ASCII));
    }

    private byte[] decodeV1(String name, String signed, Duration maxAge) {
        String[] parts = signed.split("\\|", -1);
        if (parts.length != 3) {
            return null;
        }
        byte[] expected = signatureV1(singleSecret, name, parts[0], parts[1]).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(parts[2].getBytes(StandardCharsets.UTF_8), expected)) {
            return null;
        }
        byte[] timestampText = parts[1].getBytes(StandardCharsets.US_ASCII);
        long timestamp = digits(timestampText, 0, timestampText.length);
        if (timestamp < 0 || expired(timestamp, maxAge) || parts[1].startsWith("0")
                || timestamp * 1000 > clock.millis() + V1_FUTURE_LIMIT.toMillis()) {
            return null;
        }
        return base64(parts[0]);
    }

    private boolean expired(long timestamp, Duration maxAge) {
        return timestamp * 1000 < clock.millis() - maxAge.toMillis();
    }

    /** Tornado's {@code _get_version}: a leading decimal number without leading zero, then {@code |}; else 1. */
    private static int version(byte[] value) {
        int bar = 0;
        while (bar < value.length && value[bar] != '|') {
            bar++;
        }
        if (bar == 0 || bar == value.length || value[0] == '0' || bar > 3) {
            return 1;
        }
        long version = digits(value, 0, bar);
        return version < 0 ? 1 : (int) version;
    }

    private static String signatureV1(byte[] secret, String name, String value, String timestamp) {
        return Hex.encode(hmac(HMAC_SHA1, secret, (name + value + timestamp).getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] hmac(FastThreadLocal<Mac> macs, byte[] secret, byte[] data) {
        Mac mac = macs.get();
        try {
            mac.init(new SecretKeySpec(secret, mac.getAlgorithm()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot key " + mac.getAlgorithm(), e);
        }
        return mac.doFinal(data);
    }

    private static String field(String text) {
        return text.codePointCount(0, text.length()) + ":" + text;
    }

    /** The non-negative decimal number in {@code bytes[from, to)}, or -1 when it is not one (or too long). */
    private static long digits(byte[] bytes, int from, int to) {
        if (from >= to || to - from > 18) {
            return -1;
        }
        long result = 0;
        for (int i = from; i < to; i++) {
            if (bytes[i] < '0' || bytes[i] > '9') {
                return -1;
            }
            result = result * 10 + (bytes[i] - '0');
        }
        return result;
    }

    private static byte[] base64(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] secretBytes(String secret, String what) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }


    /** The length-prefixed fields of a version-2 value, Tornado's {@code _decode_fields_v2}. */
    private static final class FieldsV2 {
        final int keyVersion;
        final byte[] timestamp;
        final byte[] name;
        final byte[] value;
        final byte[] signature;

        private FieldsV2(int keyVersion, byte[] timestamp, byte[] name, byte[] value, byte[] signature) {
            this.keyVersion = keyVersion;
            this.timestamp = timestamp;
            this.name = name;
            this.value = value;
            this.signature = signature;
        }

        /** The fields after {@code 2|}, or null when a length prefix or separator is wrong. */
        static FieldsV2 parse(byte[] signed) {
            int[] position = {2};
            byte[] keyVersion = next(signed, position);
            byte[] timestamp = next(signed, position);
            byte[] name = next(signed, position);
            byte[] value = next(signed, position);
            if (keyVersion == null || timestamp == null || name == null || value == null) {
                return null;
            }
            long version = digits(keyVersion, 0, keyVersion.length);
            if (version < 0 || version > Integer.MAX_VALUE) {
                return null;
            }
            byte[] signature = Arrays.copyOfRange(signed, position[0], signed.length);
            return new FieldsV2((int) version, timestamp, name, value, signature);
        }

        /** Reads {@code <length>:<bytes>|} at {@code position[0]} and moves past it; null when malformed. */
        private static byte[] next(byte[] signed, int[] position) {
            int start = position[0];
            int colon = start;
            while (colon < signed.length && signed[colon] != ':') {
                colon++;
            }
            long length = digits(signed, start, colon);
            if (length < 0 || colon + 1 + length >= signed.length || signed[(int) (colon + 1 + length)] != '|') {
                return null;
            }
            int from = colon + 1;
            int to = (int) (from + length);
            position[0] = to + 1;
            return Arrays.copyOfRange(signed, from, to);
        }
    }
}
