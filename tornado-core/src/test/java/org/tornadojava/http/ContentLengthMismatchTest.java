package org.tornadojava.http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tornadojava.support.RawHttpClient;
import org.tornadojava.support.RawResponse;
import org.tornadojava.support.TestServer;
import org.tornadojava.web.Application;
import org.tornadojava.web.RequestHandler;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;

import static org.assertj.core.api.Assertions.assertThat;

/** A handler whose body disagrees with the Content-Length it set gets an error, never a corrupt frame. */
class ContentLengthMismatchTest {
    private static TestServer server;

    static final class Wrong extends RequestHandler {
        public void get(String kind) {
            setHeader("Content-Length", kind.equals("more") ? 3 : 100);
            write("hello");
        }
    }

    static final class WrongStreamed extends RequestHandler {
        public CompletionStage<Void> get(String kind) {
            setHeader("Content-Length", kind.equals("more") ? 3 : 100);
            write("he");
            return flush().thenCompose(v -> {
                write("llo");
                return finish();
            }).exceptionally(e -> null);
        }
    }

    static final class NotModified extends RequestHandler {
        public void get() {
            setStatus(304);
        }
    }

    @BeforeAll
    static void start() {
        server = TestServer.start(Application.builder()
                .route("/buffered/(.*)", Wrong::new)
                .route("/streamed/(.*)", WrongStreamed::new)
                .route("/304", NotModified::new)
                .build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aBufferedBodyNotMatchingItsContentLengthBecomes500() throws Exception {
        for (String kind : new String[] {"more", "less"}) {
            RawResponse response = server.get("/buffered/" + kind);
            assertThat(response.status()).as(kind).isEqualTo(500);
            assertThat(response.text()).contains("500: Internal Server Error");
        }
    }

    @Test
    void aStreamedBodyOverrunningItsContentLengthIsCutOffNotSent() throws Exception {
        try (RawHttpClient client = server.connect()) {
            client.write("GET /streamed/more HTTP/1.1\r\nHost: x\r\n\r\n");
            String all = new String(client.socket().getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(all).startsWith("HTTP/1.1 200").contains("Content-Length: 3").endsWith("\r\n\r\nhe");
        }
    }

    @Test
    void aStreamedBodyShortOfItsContentLengthEndsWithAClose() throws Exception {
        try (RawHttpClient client = server.connect()) {
            client.write("GET /streamed/less HTTP/1.1\r\nHost: x\r\n\r\n");
            InputStream in = client.socket().getInputStream();
            String all = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(all).contains("Content-Length: 100").endsWith("\r\n\r\nhe");
        }
    }

    @Test
    void notModifiedHasNeitherLengthNorChunking() throws Exception {
        RawResponse response = server.get("/304");
        assertThat(response.status()).isEqualTo(304);
        assertThat(response.header("Content-Length")).isNull();
        assertThat(response.header("Transfer-Encoding")).isNull();
    }
}
