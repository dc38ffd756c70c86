package org.tornadojava.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tornadojava.support.RawResponse;
import org.tornadojava.support.TestServer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

import static org.assertj.core.api.Assertions.assertThat;

/** Tornado's CookieTest and ClearAllCookiesTest over a socket, and the seed-000 clock trap. */
class CookieTest {
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static TestServer server;

    static final class SetCookies extends RequestHandler {
        public void get() {
            setCookie("str", "asdf");
            setCookie("unicode", "qwer");
        }
    }

    static final class GetCookie extends RequestHandler {
        public void get() {
            write(getCookie("foo", "default"));
        }
    }

    static final class SetCookieDomain extends RequestHandler {
        public void get() {
            setCookie("unicode_args", "blah", CookieOptions.defaults().domain("foo.com").path("/foo"));
        }
    }

    static final class SpecialChars extends RequestHandler {
        public void get() {
            setCookie("equals", "a=b");
            setCookie("semicolon", "a;b");
            setCookie("quote", "a\"b");
        }
    }

    /** Tornado's SetCookieForbiddenCharHandler: writes one line per check that did not throw. */
    static final class ForbiddenChars extends RequestHandler {
        public void get() {
            List<String> chars = new ArrayList<>();
            for (char c = 0; c < 0x20; c++) {
                chars.add(String.valueOf(c));
            }
            chars.add("\u007f");
            chars.add(";");
            for (String c : chars) {
                expectRefusal(() -> setCookie("foo" + c, "bar"), "name", c);
                expectRefusal(() -> setCookie("foo", "bar", CookieOptions.defaults().domain("example" + c + ".com")),
                        "domain", c);
                expectRefusal(() -> setCookie("foo", "bar", CookieOptions.defaults().path("/" + c)), "path", c);
                expectRefusal(() -> setCookie("foo", "bar", CookieOptions.defaults().sameSite("a" + c)), "samesite",
                        c);
            }
        }

        private void expectRefusal(Runnable call, String attribute, String c) {
            try {
                call.run();
                write("no exception for char " + (int) c.charAt(0) + " in " + attribute + "\n");
            } catch (IllegalArgumentException e) {
                if (!e.getMessage().contains("Invalid cookie attribute " + attribute)) {
                    write("unexpected message for char " + (int) c.charAt(0) + ": " + e.getMessage() + "\n");
                }
            }
        }
    }

    static final class Overwrite extends RequestHandler {
        public void get() {
            setCookie("a", "b", CookieOptions.defaults().domain("example.com"));
            setCookie("c", "d", CookieOptions.defaults().domain("example.com"));
            setCookie("a", "e");
        }
    }

    static final class Lifetimes extends RequestHandler {
        public void get() {
            setCookie("max_age", "bar", CookieOptions.defaults().maxAge(Duration.ofSeconds(10)));
            setCookie("days", "bar", CookieOptions.defaults().expiresDays(10));
            setCookie("flags_a", "1", CookieOptions.defaults().secure(true));
            setCookie("flags_b", "1", CookieOptions.defaults().secure(false));
            setCookie("flags_c", "1", CookieOptions.defaults().httpOnly(true));
        }
    }

    static final class Clear extends RequestHandler {
        public void get() {
            clearCookie("one");
            clearCookie("two", CookieOptions.defaults().path("/sub").domain("example.com"));
        }
    }

    static final class ClearAll extends RequestHandler {
        public void get() {
            clearAllCookies();
            write("ok");
        }
    }

    static final class SetThenFail extends RequestHandler {
        public void get() {
            setCookie("dropped", "1");
            throw new HttpError(418);
        }
    }

    static final class FromExecutor extends RequestHandler {
        public CompletionStage<Void> get() {
            return runOnExecutor(() -> setCookie("worker", "yes"));
        }
    }

    @BeforeAll
    static void start() {
        server = TestServer.start(Application.builder()
                .clock(new MutableClock(NOW))
                .route("/set", SetCookies::new)
                .route("/get", GetCookie::new)
                .route("/set_domain", SetCookieDomain::new)
                .route("/special_char", SpecialChars::new)
                .route("/forbidden_char", ForbiddenChars::new)
                .route("/set_overwrite", Overwrite::new)
                .route("/lifetimes", Lifetimes::new)
                .route("/clear", Clear::new)
                .route("/clear_all", ClearAll::new)
                .route("/fail", SetThenFail::new)
                .route("/executor", FromExecutor::new)
                .accessLog(false)
                .build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static RawResponse withCookie(String path, String cookie) throws Exception {
        return server.send("GET", path, "Cookie: " + cookie + "\r\n", null);
    }

    @Test
    void setCookieWritesNameValueAndPath() throws Exception {
        assertThat(server.get("/set").headers("Set-Cookie"))
                .containsExactly("str=asdf; Path=/", "unicode=qwer; Path=/");
    }

    @Test
    void getCookieReadsRequestCookiesQuotedOrNot() throws Exception {
        assertThat(withCookie("/get", "foo=bar").text()).isEqualTo("bar");
        assertThat(withCookie("/get", "foo=\"bar\"").text()).isEqualTo("bar");
        assertThat(withCookie("/get", "/=exception;").text()).isEqualTo("default");
        assertThat(server.get("/get").text()).isEqualTo("default");
        assertThat(withCookie("/get", "foo=a=b").text()).isEqualTo("a=b");
        assertThat(withCookie("/get", "foo=\"a=b\"").text()).isEqualTo("a=b");
        assertThat(withCookie("/get", "foo=a\\073b").text()).isEqualTo("a\\073b");
        assertThat(withCookie("/get", "foo=\"a\\073b\"").text()).isEqualTo("a;b");
        assertThat(withCookie("/get", "foo=\"a\\\"b\"").text()).isEqualTo("a\"b");
    }

    @Test
    void domainAndPathAreWritten() throws Exception {
        assertThat(server.get("/set_domain").headers("Set-Cookie"))
                .containsExactly("unicode_args=blah; Domain=foo.com; Path=/foo");
    }

    @Test
    void specialCharactersAreQuotedAndEscapedLikeTornado() throws Exception {
        assertThat(server.get("/special_char").headers("Set-Cookie")).containsExactly("equals=\"a=b\"; Path=/",
                "semicolon=\"a\\073b\"; Path=/", "quote=\"a\\\"b\"; Path=/");
    }

    @Test
    void controlCharactersAndSemicolonsInNamesAndAttributesAreRefused() throws Exception {
        RawResponse response = server.get("/forbidden_char");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).isEmpty();
    }

    @Test
    void settingANameAgainReplacesTheEarlierCookie() throws Exception {
        assertThat(server.get("/set_overwrite").headers("Set-Cookie"))
                .containsExactly("c=d; Domain=example.com; Path=/", "a=e; Path=/");
    }

    @Test
    void lifetimesCarryBothExpiresAndMaxAgeAndFlagsOnlyWhenTrue() throws Exception {
        assertThat(server.get("/lifetimes").headers("Set-Cookie")).containsExactly(
                "max_age=bar; expires=Sun, 01 Jun 2025 12:00:10 GMT; Max-Age=10; Path=/",
                "days=bar; expires=Wed, 11 Jun 2025 12:00:00 GMT; Max-Age=864000; Path=/",
                "flags_a=1; Path=/; Secure",
                "flags_b=1; Path=/",
                "flags_c=1; HttpOnly; Path=/");
    }

    @Test
    void clearCookieSendsAnEmptyValueExpiredAYearAgoWithTheSamePathAndDomain() throws Exception {
        assertThat(server.get("/clear").headers("Set-Cookie")).containsExactly(
                "one=\"\"; expires=Sat, 01 Jun 2024 12:00:00 GMT; Max-Age=0; Path=/",
                "two=\"\"; Domain=example.com; expires=Sat, 01 Jun 2024 12:00:00 GMT; Max-Age=0; Path=/sub");
    }

    @Test
    void clearAllCookiesClearsEveryRequestCookieWithAValidName() throws Exception {
        RawResponse response = withCookie("/clear_all", "foo=bar; baz=xyzzy; bad name=1");
        assertThat(response.headers("Set-Cookie")).hasSize(2);
        assertThat(response.headers("Set-Cookie").get(0)).startsWith("foo=\"\"; expires=");
        assertThat(response.headers("Set-Cookie").get(1)).startsWith("baz=\"\"; expires=");
    }

    @Test
    void aRequestThatFailsSetsNoCookieItSetBeforeTheError() throws Exception {
        RawResponse response = server.get("/fail");
        assertThat(response.status()).isEqualTo(418);
        assertThat(response.headers("Set-Cookie")).isEmpty();
    }

    @Test
    void aCookieSetFromAnExecutorThreadIsSent() throws Exception {
        assertThat(server.get("/executor").header("Set-Cookie")).isEqualTo("worker=yes; Path=/");
    }
}
