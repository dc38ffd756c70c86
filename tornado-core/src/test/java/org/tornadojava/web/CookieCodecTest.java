package org.tornadojava.web;

import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpHeaders;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Set-Cookie spelling and Cookie parsing of Tornado (CookieTest, and lines written by Python Tornado). */
class CookieCodecTest {
    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void setCookieLinesAreByteForByteWhatPythonTornadoWrites() {
        for (JsonNode vector : TornadoVectors.get("set_cookie")) {
            JsonNode options = vector.get("options");
            CookieOptions cookie = CookieOptions.defaults();
            if (options.has("domain")) {
                cookie = cookie.domain(options.get("domain").asText());
            }
            if (options.has("path")) {
                cookie = cookie.path(options.get("path").asText());
            }
            if (options.has("expires")) {
                cookie = cookie.expires(Instant.ofEpochSecond(options.get("expires").asLong()));
            }
            if (options.has("max_age")) {
                cookie = cookie.maxAge(Duration.ofSeconds(options.get("max_age").asLong()));
            }
            cookie = cookie.httpOnly(options.path("httponly").asBoolean(false))
                    .secure(options.path("secure").asBoolean(false));
            if (options.has("samesite")) {
                cookie = cookie.sameSite(options.get("samesite").asText());
            }
            assertThat(CookieCodec.setCookie(vector.get("name").asText(), vector.get("value").asText(), cookie, NOW))
                    .isEqualTo(vector.get("line").asText());
        }
    }

    @Test
    void attributesFollowTornadosOrder() {
        CookieOptions all = CookieOptions.defaults().domain("foo.com").expires(Instant.parse("2030-01-01T00:00:00Z"))
                .maxAge(Duration.ofSeconds(10)).httpOnly(true).secure(true).sameSite("Lax");
        assertThat(CookieCodec.setCookie("name", "value", all, NOW)).isEqualTo("name=value; Domain=foo.com; "
                + "expires=Tue, 01 Jan 2030 00:00:00 GMT; HttpOnly; Max-Age=10; Path=/; SameSite=Lax; Secure");
    }

    @Test
    void aLifetimeIsWrittenBothAsExpiresAndAsMaxAgeSoAWrongClientClockKeepsTheCookie() {
        assertThat(CookieCodec.setCookie("foo", "bar", CookieOptions.defaults().expiresDays(10), NOW))
                .isEqualTo("foo=bar; expires=Sat, 11 Jan 2025 00:00:00 GMT; Max-Age=864000; Path=/");
        assertThat(CookieCodec.setCookie("foo", "bar", CookieOptions.defaults().maxAge(Duration.ofSeconds(10)), NOW))
                .isEqualTo("foo=bar; expires=Wed, 01 Jan 2025 00:00:10 GMT; Max-Age=10; Path=/");
        assertThat(CookieCodec.setCookie("foo", "bar",
                CookieOptions.defaults().expires(Instant.parse("2025-01-02T00:00:00Z")), NOW))
                .isEqualTo("foo=bar; expires=Thu, 02 Jan 2025 00:00:00 GMT; Max-Age=86400; Path=/");
        assertThat(CookieCodec.setCookie("foo", "bar", CookieOptions.defaults(), NOW)).isEqualTo("foo=bar; Path=/");
    }

    @Test
    void anExpiryInThePastHasMaxAgeZero() {
        assertThat(CookieCodec.setCookie("gone", "",
                CookieOptions.defaults().expires(Instant.parse("2024-01-02T00:00:00Z")), NOW))
                .isEqualTo("gone=\"\"; expires=Tue, 02 Jan 2024 00:00:00 GMT; Max-Age=0; Path=/");
    }

    @Test
    void controlCharactersAndSemicolonsAreRefusedInNamesAndAttributes() {
        for (char c = 0; c <= 0x20; c++) {
            String bad = "a" + c;
            assertThatThrownBy(() -> CookieCodec.setCookie("foo" + bad, "bar", CookieOptions.defaults(), NOW))
                    .hasMessageContaining("name");
            assertThatThrownBy(() -> CookieOptions.defaults().domain("example" + bad + ".com"))
                    .hasMessageContaining("domain");
            assertThatThrownBy(() -> CookieOptions.defaults().path("/" + bad)).hasMessageContaining("path");
            assertThatThrownBy(() -> CookieOptions.defaults().sameSite(bad)).hasMessageContaining("samesite");
            assertThatThrownBy(() -> CookieCodec.setCookie("foo", "b" + bad, CookieOptions.defaults(), NOW))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> CookieCodec.setCookie("foo;", "bar", CookieOptions.defaults(), NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CookieCodec.setCookie("foo\u007f", "bar", CookieOptions.defaults(), NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CookieOptions.defaults().path("/a;b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CookieCodec.setCookie("path", "bar", CookieOptions.defaults(), NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CookieCodec.setCookie("foo", "\u20ac", CookieOptions.defaults(), NOW))
                .hasMessageContaining("Latin-1");
    }

    @Test
    void requestCookiesAreUnquotedAsTornadoDoes() {
        assertThat(parse("foo=bar")).containsEntry("foo", "bar");
        assertThat(parse("foo=\"bar\"")).containsEntry("foo", "bar");
        assertThat(parse("foo=a=b")).containsEntry("foo", "a=b");
        assertThat(parse("foo=\"a=b\"")).containsEntry("foo", "a=b");
        assertThat(parse("foo=a\\073b")).containsEntry("foo", "a\\073b");
        assertThat(parse("foo=\"a\\073b\"")).containsEntry("foo", "a;b");
        assertThat(parse("foo=\"a\\\"b\"")).containsEntry("foo", "a\"b");
        assertThat(parse("foo=\"h\\351\"")).containsEntry("foo", "h\u00e9");
        assertThat(parse("a=1; b=2;c=3")).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"),
                Map.entry("c", "3"));
        assertThat(parse("a=1; a=2")).containsExactly(Map.entry("a", "2"));
        assertThat(parse("/=exception;")).doesNotContainKey("foo");
    }

    @Test
    void everyLinePythonWroteParsesBackToItsValue() {
        for (JsonNode vector : TornadoVectors.get("set_cookie")) {
            String line = vector.get("line").asText();
            String pair = line.substring(0, line.indexOf("; "));
            assertThat(parse(pair)).containsEntry(vector.get("name").asText(), vector.get("value").asText());
        }
    }

    private static Map<String, String> parse(String cookieHeader) {
        HttpHeaders headers = DefaultHttpHeadersFactory.headersFactory().newHeaders();
        headers.add("Cookie", cookieHeader);
        return CookieCodec.parse(headers);
    }
}
