package org.tornadojava.web;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.junit.jupiter.api.Test;
import org.tornadojava.support.RawHttpClient;
import org.tornadojava.support.TestServer;
import org.tornadojava.testing.LogCapture;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static org.assertj.core.api.Assertions.assertThat;

class AccessLogTest {
    static final class Ok extends RequestHandler {
        public void get(String code) {
            setStatus(Integer.parseInt(code));
        }
    }

    @Test
    void oneLinePerRequestInTornadosFormatWithLevelByStatus() throws Exception {
        Application app = Application.builder().route("/status/([0-9]+)", Ok::new).build();
        try (TestServer server = TestServer.start(app);
             LogCapture logs = LogCapture.of("tornado.access")) {
            server.get("/status/200?x=1");
            server.get("/status/404");
            server.get("/status/503");
            ILoggingEvent ok = logs.await("tornado.access", "GET /status/200");
            ILoggingEvent notFound = logs.await("tornado.access", "GET /status/404");
            ILoggingEvent unavailable = logs.await("tornado.access", "GET /status/503");
            assertThat(ok.getFormattedMessage())
                    .matches("200 GET /status/200\\?x=1 \\(127\\.0\\.0\\.1\\) \\d+\\.\\d{2}ms");
            assertThat(ok.getLevel()).isEqualTo(Level.INFO);
            assertThat(notFound.getLevel()).isEqualTo(Level.WARN);
            assertThat(unavailable.getLevel()).isEqualTo(Level.ERROR);
            assertThat(logs.messagesOf("tornado.access")).hasSize(3);
        }
    }

    @Test
    void controlBytesInTheUriAreEscapedInTheAccessLogLine() throws Exception {
        Application app = Application.builder().route("/status/([0-9]+)", Ok::new).build();
        try (TestServer server = TestServer.start(app);
             LogCapture logs = LogCapture.of("tornado.access")) {
            try (RawHttpClient client = server.connect()) {
                client.write("GET /status/200?x=\u001b[2J\u001b]0;owned\u0007 HTTP/1.1\r\nHost: x\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
                assertThat(client.read("GET").status()).isEqualTo(200);
            }
            ILoggingEvent line = logs.await("tornado.access", "GET /status/200");
            assertThat(line.getFormattedMessage())
                    .startsWith("200 GET /status/200?x=\\x1B[2J\\x1B]0;owned\\x07 (127.0.0.1)")
                    .doesNotContain("\u001b", "\u0007");
        }
    }

    static final class Waits extends RequestHandler {
        public CompletionStage<Void> get() {
            return new CompletableFuture<>();
        }
    }

    @Test
    void aRequestWhoseClientWentAwayIsLoggedAs499AtInfo() throws Exception {
        Application app = Application.builder().route("/wait", Waits::new).build();
        try (TestServer server = TestServer.start(app);
             LogCapture logs = LogCapture.of("tornado.access")) {
            RawHttpClient client = server.connect();
            client.write("GET /wait HTTP/1.1\r\nHost: x\r\n\r\n");
            client.close();
            ILoggingEvent line = logs.await("tornado.access", "GET /wait");
            assertThat(line.getFormattedMessage()).startsWith("499 GET /wait (127.0.0.1) ");
            assertThat(line.getLevel()).isEqualTo(Level.INFO);
        }
    }

    @Test
    void accessLogCanBeTurnedOff() throws Exception {
        Application app = Application.builder().route("/status/([0-9]+)", Ok::new).accessLog(false).build();
        try (TestServer server = TestServer.start(app);
             LogCapture logs = LogCapture.of("tornado.access")) {
            assertThat(server.get("/status/200").status()).isEqualTo(200);
            assertThat(logs.messagesOf("tornado.access")).isEmpty();
        }
    }
}
