package org.tornadojava.web;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.junit.jupiter.api.Test;
import org.tornadojava.support.TestServer;
import org.tornadojava.testing.LogCapture;

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
    void accessLogCanBeTurnedOff() throws Exception {
        Application app = Application.builder().route("/status/([0-9]+)", Ok::new).accessLog(false).build();
        try (TestServer server = TestServer.start(app);
             LogCapture logs = LogCapture.of("tornado.access")) {
            assertThat(server.get("/status/200").status()).isEqualTo(200);
            assertThat(logs.messagesOf("tornado.access")).isEmpty();
        }
    }
}
