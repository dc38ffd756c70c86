package org.tornadojava.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tornadojava.support.RawResponse;
import org.tornadojava.support.TestServer;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Signed cookies over a socket: Tornado's format on the wire, tampering, expiry, key rotation. */
class SignedCookieTest {
    private static final Instant START = Instant.ofEpochSecond(1300000000);
    private static final MutableClock CLOCK = new MutableClock(START);
    private static TestServer server;
    private static TestServer rotated;
    private static TestServer unconfigured;

    static final class SetUser extends RequestHandler {
        public void get(String name) {
            setSignedCookie("user", name);
        }
    }

    static final class ShowUser extends RequestHandler {
        public void get() {
            write(String.valueOf(getSignedCookie("user")));
        }
    }

    static final class ShowUserWithinAnHour extends RequestHandler {
        public void get() {
            write(String.valueOf(getSignedCookie("user", Duration.ofHours(1))));
        }
    }

    private static Application.Builder routes() {
        return Application.builder()
                .clock(CLOCK)
                .route("/set/(.*)", SetUser::new)
                .route("/show", ShowUser::new)
                .route("/show-hour", ShowUserWithinAnHour::new)
                .accessLog(false);
    }

    @BeforeAll
    static void start() {
        server = TestServer.start(routes().cookieSecret("It's a secret to everybody")
                .signedCookieMaxAge(Duration.ofDays(10)).build());
        rotated = TestServer.start(routes().cookieSecrets(Map.of(0, "old secret", 1, "new secret"), 1).build());
        unconfigured = TestServer.start(routes().build());
    }

    @AfterAll
    static void stop() {
        server.close();
        rotated.close();
        unconfigured.close();
    }

    private static String cookieOf(RawResponse response) {
        String line = response.header("Set-Cookie");
        return line.substring(0, line.indexOf("; "));
    }

    private static RawResponse show(TestServer target, String path, String cookie) throws Exception {
        return target.send("GET", path, "Cookie: " + cookie + "\r\n", null);
    }

    @Test
    void aSignedCookieIsTornadosVersionTwoQuotedWithThirtyDayLifetime() throws Exception {
        RawResponse response = server.get("/set/alice");
        assertThat(response.header("Set-Cookie")).matches("user=\"2\\|1:0\\|10:1300000000\\|4:user\\|8:YWxpY2U="
                + "\\|[0-9a-f]{64}\"; expires=Tue, 12 Apr 2011 07:06:40 GMT; Max-Age=2592000; Path=/");
    }

    @Test
    void theValueComesBackOnTheNextRequest() throws Exception {
        String cookie = cookieOf(server.get("/set/alice"));
        assertThat(show(server, "/show", cookie).text()).isEqualTo("alice");
    }

    @Test
    void tamperedTruncatedOrForeignValuesReadAsNullWithoutAnError() throws Exception {
        String cookie = cookieOf(server.get("/set/alice"));
        String tampered = cookie.replace("YWxpY2U=", "Ym9iYm9i");
        RawResponse response = show(server, "/show", tampered);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).isEqualTo("null");
        assertThat(show(server, "/show", cookie.substring(0, cookie.length() - 10) + "\"").text()).isEqualTo("null");
        assertThat(show(server, "/show", "user=garbage").text()).isEqualTo("null");
        assertThat(show(server, "/show", cookie.replace("user=", "other=")).text()).isEqualTo("null");
        String signedForAnotherName = cookieOf(server.get("/set/alice")).replace("4:user", "4:usex");
        assertThat(show(server, "/show", signedForAnotherName).text()).isEqualTo("null");
    }

    @Test
    void theConfiguredMaximumAgeIsEnforcedWithTheInjectedClock() throws Exception {
        String cookie = cookieOf(server.get("/set/alice"));
        CLOCK.advance(Duration.ofMinutes(61));
        try {
            assertThat(show(server, "/show-hour", cookie).text()).isEqualTo("null");
            assertThat(show(server, "/show", cookie).text()).isEqualTo("alice");
            CLOCK.advance(Duration.ofDays(10));
            assertThat(show(server, "/show", cookie).text()).isEqualTo("null");
        } finally {
            CLOCK.advance(Duration.ofMinutes(-61).minusDays(10));
        }
    }

    @Test
    void rotatedSecretsSignWithTheCurrentKeyAndStillReadTheOldOne() throws Exception {
        String fresh = cookieOf(rotated.get("/set/alice"));
        assertThat(fresh).startsWith("user=\"2|1:1|");
        assertThat(show(rotated, "/show", fresh).text()).isEqualTo("alice");
        String old = "user=\"" + SignedValues.of("old secret", CLOCK).create("user", "bob".getBytes()) + "\"";
        assertThat(show(rotated, "/show", old).text()).isEqualTo("bob");
        String unknown = "user=\"" + SignedValues.of("another secret", CLOCK).create("user", "eve".getBytes()) + "\"";
        assertThat(show(rotated, "/show", unknown).text()).isEqualTo("null");
    }

    @Test
    void withoutACookieSecretSignedCookiesAreAServerError() throws Exception {
        assertThat(unconfigured.get("/set/alice").status()).isEqualTo(500);
    }
}
