package org.tornadojava.web;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class XsrfTokensTest {
    @Test
    void tokensPythonTornadoMaskedMatchTheCookieTheyBelongTo() {
        for (JsonNode pair : TornadoVectors.get("xsrf")) {
            byte[] cookie = XsrfTokens.decode(pair.get("cookie").asText());
            byte[] token = XsrfTokens.decode(pair.get("token").asText());
            assertThat(cookie).isNotNull().hasSize(16);
            assertThat(XsrfTokens.sameToken(cookie, token)).isTrue();
        }
    }

    @Test
    void maskingGivesADifferentStringEachTimeThatDecodesToTheSameToken() {
        byte[] token = XsrfTokens.newToken();
        Set<String> masked = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            String value = XsrfTokens.mask(token, 1_700_000_000L);
            assertThat(value).matches("2\\|[0-9a-f]{8}\\|[0-9a-f]{32}\\|1700000000");
            assertThat(XsrfTokens.decode(value)).isEqualTo(token);
            masked.add(value);
        }
        assertThat(masked).hasSize(20);
    }

    @Test
    void versionOneTokensAreHexOrPlainText() {
        assertThat(XsrfTokens.decode("deadbeef")).isEqualTo(new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe,
                (byte) 0xef});
        assertThat(XsrfTokens.decode("xoxo")).isEqualTo("xoxo".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void malformedOrUnknownVersionsDecodeToNull() {
        for (String bad : new String[] {"", "3|", "2|", "2|zz|00|1", "2|0011|00112233|1", "2|00112233|0|1",
                "2|00112233|0011|x", "2|00112233|0011|1|extra", "2|00112233||1"}) {
            assertThat(XsrfTokens.decode(bad)).as(bad).isNull();
        }
    }
}
