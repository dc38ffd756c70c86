package org.tornadojava.web;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tornadojava.support.RawResponse;
import org.tornadojava.support.TestServer;
import org.tornadojava.testing.LogCapture;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class RequestHandlerTest {
    private static TestServer server;
    static final CompletableFuture<Throwable> WRITE_AFTER_FINISH = new CompletableFuture<>();
    static final CompletableFuture<Throwable> FINISH_TWICE = new CompletableFuture<>();
    static final CompletableFuture<Throwable> HEADER_INJECTION = new CompletableFuture<>();

    static final class GetOnly extends RequestHandler {
        public void get() {
            setHeader("X-Get", "yes");
            write("got it");
        }
    }

    static final class GetAndPost extends RequestHandler {
        public void get() {
            write("get");
        }

        public void post() {
            write("post");
        }

        public void delete() {
            setStatus(204);
        }
    }

    static final class JsonWriter extends RequestHandler {
        record Story(int id, String title) {
        }

        public void get() {
            write(new Story(7, "Tornado <3"));
        }

        public void post() {
            write(List.of(1, 2));
        }
    }

    /** Writes JSON around a value whose serialization fails half-way; the failed write leaves nothing behind. */
    static final class JsonAfterFailure extends RequestHandler {
        record Broken(String name, String boom) {
            @Override
            public String boom() {
                throw new IllegalStateException("boom");
            }
        }

        record Greeting(String text) {
        }

        public void get(String firstWrite) {
            if (firstWrite.equals("text")) {
                write("before ");
            }
            try {
                write(new Broken("x", "y"));
            } catch (RuntimeException expected) {
                write(new Greeting("h\u00e9llo \u2603"));
            }
        }
    }

    static final class Redirector extends RequestHandler {
        public void get(String kind) {
            switch (kind) {
                case "permanent": redirect("/target", true); break;
                case "temporary": redirect("/target"); break;
                case "euro": redirect(getArgument("next")); break;
                default: redirect("/target", 307);
            }
        }
    }

    static final class Raiser extends RequestHandler {
        @Override
        protected void setDefaultHeaders() {
            setHeader("X-Default", "always");
        }

        public void get(String what) {
            write("partial output that must be discarded");
            switch (what) {
                case "503": throw new HttpError(503);
                case "435": throw new HttpError(435);
                case "682": throw new HttpError(682).withReason("Foo");
                case "crlf": setStatus(400, "Bad\r\nSet-Cookie: x=y"); break;
                case "xss": throw new HttpError(400).withReason("<script>alert(1)</script>");
                case "logged": throw new HttpError(409, "version clash on item %d", 9);
                case "finish-early":
                    setStatus(401);
                    clear();
                    setStatus(401);
                    write("custom 401 body");
                    throw new Finish();
                default: throw new IllegalStateException("kaboom");
            }
        }
    }

    static final class Misuse extends RequestHandler {
        public void get(String what) {
            if (what.equals("write-after-finish")) {
                finish("done");
                try {
                    write("more");
                } catch (IllegalStateException e) {
                    WRITE_AFTER_FINISH.complete(e);
                    throw e;
                }
            } else if (what.equals("finish-twice")) {
                finish("done");
                try {
                    finish();
                } catch (IllegalStateException e) {
                    FINISH_TWICE.complete(e);
                    throw e;
                }
            } else {
                try {
                    setHeader("X-Evil", "a\r\nSet-Cookie: stolen=1");
                } catch (IllegalArgumentException e) {
                    HEADER_INJECTION.complete(e);
                    throw e;
                }
            }
        }
    }

    static final class PreparedEarly extends RequestHandler {
        @Override
        protected void prepare() {
            if (getArgument("deny", null) != null) {
                setStatus(403);
                finish("denied in prepare");
            }
        }

        public void get() {
            write("reached get");
        }
    }

    @BeforeAll
    static void start() {
        server = TestServer.start(app(ErrorFormat.HTML));
    }

    static Application app(ErrorFormat format) {
        return Application.builder()
                .route("/get-only", GetOnly::new)
                .route("/get-post", GetAndPost::new)
                .route("/json", JsonWriter::new)
                .route("/json-after-failure/(.*)", JsonAfterFailure::new)
                .route("/redirect/(.*)", Redirector::new)
                .route("/raise/(.*)", Raiser::new)
                .route("/misuse/(.*)", Misuse::new)
                .route("/prepare", PreparedEarly::new)
                .errorFormat(format)
                .build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void responsesCarryTornadosDefaultHeaders() throws Exception {
        RawResponse response = server.get("/get-only");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).isEqualTo("got it");
        assertThat(response.header("Server")).startsWith("TornadoServer/");
        assertThat(response.header("Content-Type")).isEqualTo("text/html; charset=UTF-8");
        assertThat(response.header("Content-Length")).isEqualTo("6");
        assertThat(response.header("Date"))
                .matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
        assertThat(response.headerNames()).contains("Server", "Content-Type", "Date", "Content-Length");
    }

    @Test
    void unimplementedMethodIs405WithAllowListingImplementedOnes() throws Exception {
        RawResponse put = server.send("PUT", "/get-only", null, new byte[0]);
        assertThat(put.status()).isEqualTo(405);
        assertThat(put.header("Allow")).isEqualTo("GET, HEAD");
        assertThat(server.send("PUT", "/get-post", null, new byte[0]).header("Allow"))
                .isEqualTo("GET, HEAD, POST, DELETE");
        assertThat(server.send("POST", "/get-post", null, new byte[0]).text()).isEqualTo("post");
    }

    @Test
    void unknownButValidMethodIs405() throws Exception {
        assertThat(server.send("FOO", "/get-only", null, null).status()).isEqualTo(405);
    }

    @Test
    void headRunsGetAndSendsHeadersWithoutBody() throws Exception {
        RawResponse head = server.send("HEAD", "/get-only", null, null);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("X-Get")).isEqualTo("yes");
        assertThat(head.header("Content-Length")).isEqualTo("6");
        assertThat(head.body()).isEmpty();
    }

    @Test
    void noContentResponseHasNoLengthNorBody() throws Exception {
        RawResponse response = server.send("DELETE", "/get-post", null, null);
        assertThat(response.status()).isEqualTo(204);
        assertThat(response.header("Content-Length")).isNull();
        assertThat(response.header("Transfer-Encoding")).isNull();
    }

    @Test
    void writeOfAnObjectSendsJson() throws Exception {
        RawResponse response = server.get("/json");
        assertThat(response.header("Content-Type")).isEqualTo("application/json; charset=UTF-8");
        assertThat(response.text()).isEqualTo("{\"id\":7,\"title\":\"Tornado <3\"}");
    }

    @Test
    void aFailedJsonWriteLeavesTheBodyAsItWasAndJsonIsUtf8() throws Exception {
        assertThat(server.get("/json-after-failure/json").text()).isEqualTo("{\"text\":\"h\u00e9llo \u2603\"}");
        assertThat(server.get("/json-after-failure/text").text())
                .isEqualTo("before {\"text\":\"h\u00e9llo \u2603\"}");
    }

    @Test
    void writeOfAListIsRefusedAsJsonHijackingRisk() throws Exception {
        try (LogCapture logs = LogCapture.of("tornado.application")) {
            assertThat(server.send("POST", "/json", null, new byte[0]).status()).isEqualTo(500);
            assertThat(logs.await("tornado.application", "Uncaught exception POST /json")
                    .getThrowableProxy().getMessage()).contains("JSON hijacking");
        }
    }

    @Test
    void redirectsUse302ByDefault301WhenPermanentOrAGivenStatus() throws Exception {
        RawResponse temporary = server.get("/redirect/temporary");
        assertThat(temporary.status()).isEqualTo(302);
        assertThat(temporary.header("Location")).isEqualTo("/target");
        assertThat(server.get("/redirect/permanent").status()).isEqualTo(301);
        assertThat(server.get("/redirect/other").status()).isEqualTo(307);
    }

    @Test
    void redirectToANonAsciiPathSendsItPercentEncodedAsUtf8() throws Exception {
        RawResponse response = server.get("/redirect/euro?next=/%E2%82%AC/caf%C3%A9?q=%C3%A9");
        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).isEqualTo("/%E2%82%AC/caf%C3%A9?q=%C3%A9");
    }

    @Test
    void httpErrorBecomesTornadosErrorPageAndDiscardsOutput() throws Exception {
        RawResponse response = server.get("/raise/503");
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.reason()).isEqualTo("Service Unavailable");
        assertThat(response.text())
                .isEqualTo("<html><title>503: Service Unavailable</title><body>503: Service Unavailable</body></html>");
        assertThat(server.get("/raise/435").text())
                .isEqualTo("<html><title>435: Unknown</title><body>435: Unknown</body></html>");
        RawResponse custom = server.get("/raise/682");
        assertThat(custom.status()).isEqualTo(682);
        assertThat(custom.reason()).isEqualTo("Foo");
        assertThat(custom.text()).isEqualTo("<html><title>682: Foo</title><body>682: Foo</body></html>");
    }

    @Test
    void setDefaultHeadersRunsForErrorPagesToo() throws Exception {
        assertThat(server.get("/raise/503").header("X-Default")).isEqualTo("always");
    }

    @Test
    void unsafeReasonPhrasesBecomeUnknown() throws Exception {
        RawResponse crlf = server.get("/raise/crlf");
        assertThat(crlf.status()).isEqualTo(400);
        assertThat(crlf.reason()).isEqualTo("Unknown");
        assertThat(crlf.header("Set-Cookie")).isNull();
        RawResponse xss = server.get("/raise/xss");
        assertThat(xss.reason()).isEqualTo("Unknown");
        assertThat(xss.text()).doesNotContain("<script>");
    }

    @Test
    void headerValuesWithCrOrLfAreRefused() throws Exception {
        RawResponse response = server.get("/misuse/header");
        assertThat(response.status()).isEqualTo(500);
        assertThat(response.header("X-Evil")).isNull();
        assertThat(HEADER_INJECTION.get(5, TimeUnit.SECONDS)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void uncaughtExceptionIs500AndLoggedOnceWithTheRequestLine() throws Exception {
        try (LogCapture logs = LogCapture.of("tornado.application", "tornado.access")) {
            RawResponse response = server.get("/raise/boom");
            assertThat(response.status()).isEqualTo(500);
            assertThat(response.text()).isEqualTo(
                    "<html><title>500: Internal Server Error</title><body>500: Internal Server Error</body></html>");
            logs.await("tornado.access", "500 GET /raise/boom");
            assertThat(logs.messagesOf("tornado.application"))
                    .filteredOn(m -> m.startsWith("Uncaught exception GET /raise/boom (127.0.0.1)")).hasSize(1);
        }
    }

    @Test
    void httpErrorLogMessageIsFormattedAndLoggedAsWarningWithoutStackTraceButNotSent() throws Exception {
        try (LogCapture logs = LogCapture.of("tornado.general")) {
            RawResponse response = server.get("/raise/logged");
            assertThat(response.status()).isEqualTo(409);
            assertThat(response.reason()).isEqualTo("Conflict");
            assertThat(response.text()).doesNotContain("version clash");
            var event = logs.await("tornado.general", "version clash on item 9");
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage())
                    .isEqualTo("409 GET /raise/logged (127.0.0.1): version clash on item 9");
            assertThat(event.getThrowableProxy()).isNull();
        }
    }

    @Test
    void finishExceptionEndsTheRequestWithoutAnErrorPage() throws Exception {
        RawResponse response = server.get("/raise/finish-early");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.text()).isEqualTo("custom 401 body");
    }

    @Test
    void writeAfterFinishAndFinishTwiceFailLoudlyInTheHandler() throws Exception {
        try (LogCapture logs = LogCapture.of("tornado.application")) {
            RawResponse first = server.get("/misuse/write-after-finish");
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.text()).isEqualTo("done");
            assertThat(WRITE_AFTER_FINISH.get(5, TimeUnit.SECONDS)).hasMessage("Cannot write() after finish()");
            RawResponse second = server.get("/misuse/finish-twice");
            assertThat(second.text()).isEqualTo("done");
            assertThat(FINISH_TWICE.get(5, TimeUnit.SECONDS)).hasMessage("finish() called twice");
            logs.await("tornado.application", "Exception after finish() in GET /misuse/finish-twice");
            assertThat(logs.messagesAtLeast(Level.ERROR)).anyMatch(m -> m.contains("/misuse/write-after-finish"));
        }
    }

    @Test
    void prepareMayFinishTheRequestBeforeTheVerbMethod() throws Exception {
        RawResponse denied = server.get("/prepare?deny=1");
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.text()).isEqualTo("denied in prepare");
        assertThat(server.get("/prepare").text()).isEqualTo("reached get");
    }

    @Test
    void jsonErrorFormatAnswersStatusAndReason() throws Exception {
        try (TestServer json = TestServer.start(app(ErrorFormat.JSON))) {
            RawResponse notFound = json.get("/missing");
            assertThat(notFound.status()).isEqualTo(404);
            assertThat(notFound.header("Content-Type")).isEqualTo("application/json; charset=UTF-8");
            assertThat(notFound.text()).isEqualTo("{\"status\":404,\"reason\":\"Not Found\"}");
            assertThat(json.get("/raise/682").text()).isEqualTo("{\"status\":682,\"reason\":\"Foo\"}");
        }
    }

    @Test
    void debugModePutsTheStackTraceInTheErrorPage() throws Exception {
        Application debug = Application.builder().route("/raise/(.*)", Raiser::new).debug(true).build();
        try (TestServer debugServer = TestServer.start(debug)) {
            RawResponse response = debugServer.get("/raise/boom");
            assertThat(response.status()).isEqualTo(500);
            assertThat(response.header("Content-Type")).isEqualTo("text/plain; charset=UTF-8");
            assertThat(response.text()).contains("IllegalStateException: kaboom").contains("at org.tornadojava");
        }
    }

    @Test
    void initArgumentsReachInitialize() throws Exception {
        Application app = Application.builder()
                .route("/named", RoutingTest.NamedHandler::new, Map.of("name", "from-init"))
                .build();
        try (TestServer named = TestServer.start(app)) {
            assertThat(named.get("/named").text()).isEqualTo("from-init:");
        }
    }
}
