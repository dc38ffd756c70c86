package org.tornadojava.web;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tornado's SignedValueTest and SecureCookieV1/V2Test, plus the values Python Tornado produced. */
class SignedValuesTest {
    private static final String SECRET = "It's a secret to everybody";
    private static final Map<Integer, String> SECRET_DICT = Map.of(0, "asdfbasdf", 1, "12312312", 2, "2342342");
    private static final Instant PRESENT = Instant.ofEpochSecond(1300000000);
    private static final Instant PAST = PRESENT.minus(Duration.ofDays(32));
    private static final String KNOWN_V2 = "2|1:0|10:1300000000|3:key|8:dmFsdWU=|"
            + "3d4e60b996ff9c5d5788e333a0cba6f238a22c6c0f94788870e1a9ecd482e152";
    private static final String KNOWN_V1 = "dmFsdWU=|1300000000|31c934969f53e48164c50768b40cbd7e2daaaa4f";
    private static final Duration MAX_AGE = SignedValues.DEFAULT_MAX_AGE;

    private static SignedValues at(Instant now) {
        return SignedValues.of(SECRET, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void knownValuesMatchTornadosInBothVersions() {
        SignedValues values = at(PRESENT);
        assertThat(values.create("key", bytes("value"), 1)).isEqualTo(KNOWN_V1);
        assertThat(values.create("key", bytes("value"), 2)).isEqualTo(KNOWN_V2);
        assertThat(values.create("key", bytes("value"))).isEqualTo(KNOWN_V2);
        assertThat(values.decode("key", KNOWN_V1, MAX_AGE)).isEqualTo(bytes("value"));
        assertThat(values.decode("key", KNOWN_V2, MAX_AGE, 2)).isEqualTo(bytes("value"));
    }

    @Test
    void everyValuePythonTornadoSignedDecodesAndIsReproducedByteForByte() {
        Instant made = Instant.ofEpochSecond(TornadoVectors.get("timestamp").asLong());
        for (JsonNode vector : TornadoVectors.get("signed")) {
            SignedValues values = SignedValues.of(vector.get("secret").asText(), Clock.fixed(made, ZoneOffset.UTC));
            String name = vector.get("name").asText();
            byte[] value = bytes(vector.get("value").asText());
            assertThat(values.decode(name, vector.get("signed").asText(), MAX_AGE)).isEqualTo(value);
            assertThat(values.create(name, value, vector.get("version").asInt()))
                    .isEqualTo(vector.get("signed").asText());
        }
        for (JsonNode vector : TornadoVectors.get("rotated")) {
            Map<Integer, String> secrets = new HashMap<>();
            vector.get("secrets").properties()
                    .forEach(e -> secrets.put(Integer.parseInt(e.getKey()), e.getValue().asText()));
            int keyVersion = vector.get("key_version").asInt();
            SignedValues values = SignedValues.of(secrets, keyVersion, Clock.fixed(made, ZoneOffset.UTC));
            assertThat(values.create("key", bytes("value"))).isEqualTo(vector.get("signed").asText());
            SignedValues otherCurrentKey = SignedValues.of(secrets, (keyVersion + 1) % 3,
                    Clock.fixed(made, ZoneOffset.UTC));
            assertThat(otherCurrentKey.decode("key", vector.get("signed").asText(), MAX_AGE)).isEqualTo(bytes("value"));
            assertThat(SignedValues.keyVersion(vector.get("signed").asText())).isEqualTo(keyVersion);
        }
    }

    @Test
    void aValueIsOnlyValidUnderTheNameItWasSignedFor() {
        SignedValues values = at(PRESENT);
        String signed1 = values.create("key1", bytes("value"));
        String signed2 = values.create("key2", bytes("value"));
        assertThat(values.decode("key2", signed1, MAX_AGE)).isNull();
        assertThat(values.decode("key1", signed2, MAX_AGE)).isNull();
    }

    @Test
    void valuesOlderThanTheMaximumAgeAreRefused() {
        String signed = at(PAST).create("key1", bytes("value"));
        assertThat(at(PAST).decode("key1", signed, MAX_AGE)).isEqualTo(bytes("value"));
        assertThat(at(PRESENT).decode("key1", signed, MAX_AGE)).isNull();
        assertThat(at(PRESENT).decode("key1", signed, Duration.ofDays(33))).isEqualTo(bytes("value"));
    }

    @Test
    void versionTwoHasNoFutureCheckSoASlowServerClockStillAcceptsFreshValues() {
        String fromTheFuture = at(PRESENT.plus(Duration.ofDays(400))).create("key", bytes("value"));
        assertThat(at(PRESENT).decode("key", fromTheFuture, MAX_AGE)).isEqualTo(bytes("value"));
    }

    @Test
    void payloadTamperingIsDetected() {
        String sig = "3d4e60b996ff9c5d5788e333a0cba6f238a22c6c0f94788870e1a9ecd482e152";
        SignedValues values = at(PRESENT);
        assertThat(values.decode("key", "2|1:0|10:1300000000|3:key|8:dmFsdWU=|" + sig, MAX_AGE)).isNotNull();
        assertThat(values.decode("key", "2|1:1|10:1300000000|3:key|8:dmFsdWU=|" + sig, MAX_AGE)).isNull();
        assertThat(values.decode("key", "2|1:0|10:130000000|3:key|8:dmFsdWU=|" + sig, MAX_AGE)).isNull();
        assertThat(values.decode("key", "2|1:0|10:1300000000|3:keey|8:dmFsdWU=|" + sig, MAX_AGE)).isNull();
    }

    @Test
    void signatureTamperingIsDetected() {
        String prefix = "2|1:0|10:1300000000|3:key|8:dmFsdWU=|";
        SignedValues values = at(PRESENT);
        assertThat(values.decode("key", prefix + "0".repeat(32), MAX_AGE)).isNull();
        assertThat(values.decode("key", prefix + "4d4e60b996ff9c5d5788e333a0cba6f238a22c6c0f94788870e1a9ecd482e152",
                MAX_AGE)).isNull();
        assertThat(values.decode("key", prefix + "3d4e60b996ff9c5d5788e333a0cba6f238a22c6c0f94788870e1a9ecd482e153",
                MAX_AGE)).isNull();
        assertThat(values.decode("key", prefix + "3d4e60b996ff9c5d5788e333a0cba6f238a22c6c0f94788870e1a9ecd482e15",
                MAX_AGE)).isNull();
        assertThat(values.decode("key", prefix + "3d4e60b996ff9c5d5788e333a0cba6f238a22c6c0f94788870e1a9ecd482e1538",
                MAX_AGE)).isNull();
    }

    @Test
    void everyTruncationAndGarbageDecodesToNullWithoutThrowing() {
        SignedValues values = at(PRESENT);
        for (String signed : new String[] {KNOWN_V1, KNOWN_V2}) {
            for (int length = 0; length < signed.length(); length++) {
                assertThat(values.decode("key", signed.substring(0, length), MAX_AGE)).isNull();
            }
        }
        for (String garbage : new String[] {null, "", "|", "||", "2|", "2|x", "2|1:0", "2|99999999999999999999:0|",
                "2|-1:0|", "2|1:a|10:1300000000|3:key|8:dmFsdWU=|", "1000|x", "0|x", "2|1:0|10:13000000x0|3:key|8:"
                + "dmFsdWU=|", "2|1:0|10:1300000000|3:key|8:!!!!!!!!|", "a|b|c", "\u00e9\u00e9|1300000000|ff"}) {
            assertThat(values.decode("key", garbage, MAX_AGE)).isNull();
        }
    }

    @Test
    void versionOneRefusesFutureTimestampsAndLeadingZeros() {
        SignedValues values = at(PRESENT);
        // The v1 signature does not separate payload and timestamp: "12345678" + ts signs like "1234" + "5678" + ts.
        String signed = values.create("foo", new byte[] {(byte) 0xd7, 0x6d, (byte) 0xf8, (byte) 0xe7, (byte) 0xae,
                (byte) 0xfc}, 1);
        assertThat(signed).startsWith("12345678|");
        String[] parts = signed.split("\\|");
        assertThat(values.decode("foo", "1234|5678" + parts[1] + "|" + parts[2], MAX_AGE)).isNull();
        String zero = at(Instant.ofEpochSecond(999_999_999)).create("foo", bytes("bar"), 1);
        String[] zeroParts = zero.split("\\|");
        assertThat(at(Instant.ofEpochSecond(999_999_999)).decode("foo",
                zeroParts[0] + "|0" + zeroParts[1] + "|" + zeroParts[2], MAX_AGE)).isNull();
    }

    @Test
    void minimumVersionTwoRefusesVersionOne() {
        assertThat(at(PRESENT).decode("key", KNOWN_V1, MAX_AGE, 2)).isNull();
        assertThatThrownBy(() -> at(PRESENT).decode("key", KNOWN_V2, MAX_AGE, 3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void arbitraryBytesRoundTrip() {
        byte[] value = {(byte) 0xe9, 0, (byte) 0xff};
        assertThat(at(PRESENT).decode("key", at(PRESENT).create("key", value), MAX_AGE)).isEqualTo(value);
        assertThat(at(PRESENT).decode("key", at(PRESENT).create("key", value, 1), MAX_AGE)).isEqualTo(value);
    }

    @Test
    void keyRotationReadsOldKeysAndRefusesDroppedOnes() {
        Clock clock = Clock.fixed(PRESENT, ZoneOffset.UTC);
        byte[] value = {(byte) 0xe9};
        String signedWith0 = SignedValues.of(SECRET_DICT, 0, clock).create("key", value);
        String signedWith1 = SignedValues.of(SECRET_DICT, 1, clock).create("key", value);
        assertThat(SignedValues.of(SECRET_DICT, 0, clock).decode("key", signedWith0, MAX_AGE)).isEqualTo(value);
        assertThat(SignedValues.of(SECRET_DICT, 1, clock).decode("key", signedWith0, MAX_AGE)).isEqualTo(value);
        assertThat(SignedValues.keyVersion(signedWith1)).isEqualTo(1);
        Map<Integer, String> without0 = new HashMap<>(SECRET_DICT);
        without0.remove(0);
        assertThat(SignedValues.of(without0, 1, clock).decode("key", signedWith0, MAX_AGE)).isNull();
        assertThat(SignedValues.of(without0, 1, clock).decode("key", signedWith1, MAX_AGE)).isEqualTo(value);
        assertThat(SignedValues.keyVersion(KNOWN_V1)).isNull();
    }

    @Test
    void misconfigurationFailsAtConstruction() {
        Clock clock = Clock.systemUTC();
        assertThatThrownBy(() -> SignedValues.of("", clock)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignedValues.of(SECRET_DICT, 7, clock))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("7");
        assertThatThrownBy(() -> SignedValues.of(SECRET_DICT, 0, clock).create("key", bytes("v"), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
