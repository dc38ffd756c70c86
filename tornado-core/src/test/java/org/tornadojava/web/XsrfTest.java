package org.tornadojava.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tornadojava.support.RawResponse;
import org.tornadojava.support.TestServer;
import org.tornadojava.testing.LogCapture;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Tornado's XSRFTest and ErrorHandlerXSRFTest over a socket. */
class XsrfTest {
    private static final String FORM = "Content-Type: application/x-www-form-urlencoded\r\n";
    private static TestServer server;
    private static String token;

    static final class Handler extends RequestHandler {
        public void get() {
            write(xsrfToken());
        }

        public void post() {
            write("ok");
        }

        public void put() {
            write("ok");
        }

        public void patch() {
            write("ok");
        }

        public void delete() {
            write("ok");
        }

        public void options() {
            write("ok");
        }
    }

    static final class Form extends RequestHandler {
        public void get() {
            write(xsrfFormHtml() + "\n" + xsrfToken());
        }
    }

    static final class LoggedIn extends RequestHandler {
        @Override
        protected Object getCurrentUser() {
            return "alice";
        }

        public void get() {
            write(xsrfToken());
        }
    }

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(Application.builder()
                .xsrfCookies(true)
                .route("/", Handler::new)
                .route("/form", Form::new)
                .route("/logged-in", LoggedIn::new)
                .route(UrlSpec.of("/error", ErrorHandler::new).withInitArgs(Map.of("status_code", 417)))
                .accessLog(false)
                .build());
        token = getToken(null);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String getToken(String oldToken) throws Exception {
        RawResponse response = server.send("GET", "/", oldToken == null ? null : cookie(oldToken), null);
        assertThat(response.status()).isEqualTo(200);
        return response.text();
    }

    private static String cookie(String value) {
        return "Cookie: _xsrf=" + value + "\r\n";
    }

    private static byte[] body(String xsrf) {
        return ("_xsrf=" + URLEncoder.encode(xsrf, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    }

    private static RawResponse post(String headers, byte[] body) throws Exception {
        return server.send("POST", "/", FORM + (headers == null ? "" : headers), body);
    }

    private static String warningAfter(LogCapture logs) {
        return logs.await("tornado.general", "403 POST /").getFormattedMessage();
    }

    @Test
    void postWithoutATokenIs403() throws Exception {
        try (LogCapture logs = LogCapture.of("tornado.general")) {
            assertThat(post(null, new byte[0]).status()).isEqualTo(403);
            assertThat(warningAfter(logs)).contains("'_xsrf' argument missing");
        }
    }

    @Test
    void aBodyTokenWithoutTheCookieIs403() throws Exception {
        try (LogCapture logs = LogCapture.of("tornado.general")) {
            assertThat(post(null, body(token)).status()).isEqualTo(403);
            assertThat(warningAfter(logs)).contains("XSRF cookie does not match POST");
        }
    }

    @Test
    void aMalformedTokenIs403() throws Exception {
        try (LogCapture logs = LogCapture.of("tornado.general")) {
            assertThat(post(cookie(token), body("3|")).status()).isEqualTo(403);
            assertThat(warningAfter(logs)).contains("'_xsrf' argument has invalid format");
        }
    }

    @Test
    void aMalformedCookieIs403() throws Exception {
        try (LogCapture logs = LogCapture.of("tornado.general")) {
            assertThat(post(cookie("3|"), body(token)).status()).isEqualTo(403);
            assertThat(warningAfter(logs)).contains("XSRF cookie does not match POST");
        }
    }

    @Test
    void aCookieWithoutABodyTokenIs403() throws Exception {
        assertThat(post(cookie(token), new byte[0]).status()).isEqualTo(403);
    }

    @Test
    void shortAndNonHexVersionOneTokensWork() throws Exception {
        assertThat(post(cookie("deadbeef"), body("deadbeef")).status()).isEqualTo(200);
        assertThat(post(cookie("xoxo"), body("xoxo")).status()).isEqualTo(200);
    }

    @Test
    void theTokenMayComeInTheBodyTheQueryOrEitherHeader() throws Exception {
        assertThat(post(cookie(token), body(token)).status()).isEqualTo(200);
        String query = "/?_xsrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        assertThat(server.send("POST", query, cookie(token), new byte[0]).status()).isEqualTo(200);
        assertThat(post(cookie(token) + "X-Xsrftoken: " + token + "\r\n", new byte[0]).status()).isEqualTo(200);
        assertThat(post(cookie(token) + "X-CSRFToken: " + token + "\r\n", new byte[0]).status()).isEqualTo(200);
    }

    @Test
    void putPatchAndDeleteAreCheckedButGetHeadAndOptionsAreNot() throws Exception {
        for (String method : new String[] {"PUT", "PATCH", "DELETE"}) {
            assertThat(server.send(method, "/", null, new byte[0]).status()).as(method).isEqualTo(403);
            assertThat(server.send(method, "/", cookie(token) + "X-Xsrftoken: " + token + "\r\n", new byte[0])
                    .status()).as(method).isEqualTo(200);
        }
        assertThat(server.get("/").status()).isEqualTo(200);
        assertThat(server.send("HEAD", "/", null, null).status()).isEqualTo(200);
        assertThat(server.send("OPTIONS", "/", null, null).status()).isEqualTo(200);
    }

    @Test
    void everyGetHandsOutADistinctToken() throws Exception {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            tokens.add(getToken(null));
        }
        assertThat(tokens).hasSize(10);
    }

    @Test
    void oneUsersCookieWithAnotherUsersTokenIs403() throws Exception {
        String token2 = getToken(null);
        assertThat(post(cookie(token), body(token)).status()).isEqualTo(200);
        assertThat(post(cookie(token2), body(token2)).status()).isEqualTo(200);
        assertThat(post(cookie(token), body(token2)).status()).isEqualTo(403);
        assertThat(post(cookie(token2), body(token)).status()).isEqualTo(403);
    }

    @Test
    void refreshedTokensAreMaskedAnewButStayValidForTheSameCookie() throws Exception {
        Set<String> seen = new HashSet<>();
        seen.add(token);
        String current = token;
        for (int i = 0; i < 5; i++) {
            current = getToken(current);
            seen.add(current);
            assertThat(post(cookie(current), body(token)).status()).isEqualTo(200);
        }
        assertThat(seen).hasSize(6);
    }

    @Test
    void theCookieIsSetOnlyWhenTheRequestHasNone() throws Exception {
        RawResponse fresh = server.get("/");
        assertThat(fresh.header("Set-Cookie")).isEqualTo("_xsrf=" + fresh.text() + "; Path=/");
        assertThat(server.send("GET", "/", cookie(token), null).header("Set-Cookie")).isNull();
    }

    @Test
    void aLoggedInUserGetsAThirtyDayCookie() throws Exception {
        assertThat(server.get("/logged-in").header("Set-Cookie")).contains("; Max-Age=2592000; Path=/");
    }

    @Test
    void formHtmlIsAHiddenFieldWithTheSameTokenForTheWholeRequest() throws Exception {
        String[] parts = server.get("/form").text().split("\n");
        assertThat(parts[1]).startsWith("2|");
        assertThat(parts[0]).isEqualTo("<input type=\"hidden\" name=\"_xsrf\" value=\"" + parts[1] + "\"/>");
    }

    @Test
    void postsToErrorHandlersAndUnknownUrlsKeepTheirStatus() throws Exception {
        assertThat(server.send("POST", "/error", null, new byte[0]).status()).isEqualTo(417);
        assertThat(server.send("POST", "/404", null, new byte[0]).status()).isEqualTo(404);
    }
}
