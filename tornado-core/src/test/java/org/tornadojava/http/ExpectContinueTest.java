package org.tornadojava.http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tornadojava.support.RawHttpClient;
import org.tornadojava.support.RawResponse;
import org.tornadojava.support.TestServer;
import org.tornadojava.web.Application;
import org.tornadojava.web.RequestHandler;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ExpectContinueTest {
    private static TestServer server;

    static final class Upload extends RequestHandler {
        public void post() {
            write("stored " + new String(request().body(), StandardCharsets.UTF_8));
        }
    }

    @BeforeAll
    static void start() {
        server = TestServer.start(Application.builder().route("/upload", Upload::new).build(),
                new HttpServerOptions().maxBodySize(1024));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aRoutedRequestGets100ContinueThenItsAnswer() throws Exception {
        try (RawHttpClient client = server.connect()) {
            client.write("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
            RawResponse interim = client.read("POST");
            assertThat(interim.status()).isEqualTo(100);
            client.write("hello");
            RawResponse response = client.read("POST");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.text()).isEqualTo("stored hello");
        }
    }

    @Test
    void aTooLargeBodyGets413InsteadOf100() throws Exception {
        try (RawHttpClient client = server.connect()) {
            client.write("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\nExpect: 100-continue\r\n\r\n");
            RawResponse response = client.read("POST");
            assertThat(response.status()).isEqualTo(413);
            assertThat(client.isClosedByServer()).isTrue();
        }
    }

    @Test
    void anUnroutedRequestIsAnsweredWithoutReadingTheBody() throws Exception {
        try (RawHttpClient client = server.connect()) {
            client.write("POST /nowhere HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
            RawResponse response = client.read("POST");
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.header("Connection")).isEqualTo("close");
            assertThat(client.isClosedByServer()).isTrue();
        }
    }
}
