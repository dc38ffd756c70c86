package org.tornadojava.http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tornadojava.support.RawHttpClient;
import org.tornadojava.support.RawResponse;
import org.tornadojava.support.TestServer;
import org.tornadojava.testing.LogCapture;
import org.tornadojava.web.Application;
import org.tornadojava.web.RequestHandler;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static org.assertj.core.api.Assertions.assertThat;

class HttpConnectionTest {
    private static TestServer server;

    static final class Slow extends RequestHandler {
        public CompletionStage<Void> get(String millis) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            ioLoop().callLater(Duration.ofMillis(Long.parseLong(millis)), () -> {
                write("slow " + millis);
                done.complete(null);
            });
            return done;
        }
    }

    static final class Fast extends RequestHandler {
        public void get(String name) {
            write("fast " + name);
        }
    }

    static final class Streaming extends RequestHandler {
        public CompletionStage<Void> get() {
            write("part1,");
            return flush().thenCompose(done -> {
                write("part2");
                return finish();
            });
        }
    }

    static final class SelfChunked extends RequestHandler {
        public void get() {
            setHeader("Transfer-Encoding", "chunked");
            write("body");
        }

        public void head() {
            get();
        }
    }

    @BeforeAll
    static void start() {
        server = TestServer.start(Application.builder()
                .route("/slow/([0-9]+)", Slow::new)
                .route("/fast/(.*)", Fast::new)
                .route("/stream", Streaming::new)
                .route("/self-chunked", SelfChunked::new)
                .build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void keepAliveServesSeveralRequestsOnOneConnection() throws Exception {
        try (RawHttpClient client = server.connect()) {
            for (int i = 0; i < 3; i++) {
                RawResponse response = client.request("GET /fast/" + i + " HTTP/1.1\r\nHost: x\r\n\r\n", "GET");
                assertThat(response.text()).isEqualTo("fast " + i);
                assertThat(response.header("Connection")).isNull();
            }
        }
        assertThat(server.server().connectionCount()).isLessThanOrEqualTo(1);
    }

    @Test
    void pipelinedRequestsAreAnsweredInRequestOrder() throws Exception {
        try (RawHttpClient client = server.connect()) {
            client.write("GET /slow/150 HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /fast/b HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /slow/20 HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /fast/d HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(client.read("GET").text()).isEqualTo("slow 150");
            assertThat(client.read("GET").text()).isEqualTo("fast b");
            assertThat(client.read("GET").text()).isEqualTo("slow 20");
            assertThat(client.read("GET").text()).isEqualTo("fast d");
        }
    }

    @Test
    void connectionCloseRequestGetsConnectionCloseAndEof() throws Exception {
        try (RawHttpClient client = server.connect()) {
            RawResponse response = client.request("GET /fast/x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                    "GET");
            assertThat(response.header("Connection")).isEqualTo("close");
            assertThat(client.isClosedByServer()).isTrue();
        }
    }

    @Test
    void http10ClosesWithoutConnectionHeaderAndStillAnswersHttp11() throws Exception {
        try (RawHttpClient client = server.connect()) {
            RawResponse response = client.request("GET /fast/old HTTP/1.0\r\n\r\n", "GET");
            assertThat(response.version()).isEqualTo("HTTP/1.1");
            assertThat(response.text()).isEqualTo("fast old");
            assertThat(response.header("Connection")).isNull();
            assertThat(client.isClosedByServer()).isTrue();
        }
    }

    @Test
    void http10KeepAliveGetsKeepAliveHeaderAndStaysOpen() throws Exception {
        try (RawHttpClient client = server.connect()) {
            RawResponse first = client.request("GET /fast/1 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", "GET");
            assertThat(first.header("Connection")).isEqualTo("Keep-Alive");
            RawResponse second = client.request("GET /fast/2 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", "GET");
            assertThat(second.text()).isEqualTo("fast 2");
        }
    }

    @Test
    void flushBeforeFinishStreamsChunkedOnHttp11AndClosesDelimitedOnHttp10() throws Exception {
        RawResponse chunked = server.get("/stream");
        assertThat(chunked.header("Transfer-Encoding")).isEqualTo("chunked");
        assertThat(chunked.header("Content-Length")).isNull();
        assertThat(chunked.text()).isEqualTo("part1,part2");
        try (RawHttpClient client = server.connect()) {
            RawResponse old = client.request("GET /stream HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", "GET");
            assertThat(old.header("Transfer-Encoding")).isNull();
            assertThat(old.text()).isEqualTo("part1,part2");
        }
    }

    @Test
    void noKeepAliveOptionClosesAfterEachResponse() throws Exception {
        Application app = Application.builder().route("/fast/(.*)", Fast::new).build();
        try (TestServer closing = TestServer.start(app, new HttpServerOptions().noKeepAlive(true));
             RawHttpClient client = closing.connect()) {
            RawResponse response = client.request("GET /fast/1 HTTP/1.1\r\nHost: x\r\n\r\n", "GET");
            assertThat(response.header("Connection")).isEqualTo("close");
            assertThat(client.isClosedByServer()).isTrue();
        }
    }

    @Test
    void malformedRequestLineIs400AndClose() throws Exception {
        try (LogCapture logs = LogCapture.of("tornado.general");
             RawHttpClient client = server.connect()) {
            RawResponse response = client.request("this is not http\r\n\r\n", "GET");
            assertThat(response.status()).isEqualTo(400);
            assertThat(client.isClosedByServer()).isTrue();
            assertThat(logs.messagesAtLeast(ch.qos.logback.classic.Level.WARN)).isEmpty();
        }
    }

    @Test
    void invalidMethodTokenIs400() throws Exception {
        try (RawHttpClient client = server.connect()) {
            assertThat(client.request("FOO,BAR /fast/x HTTP/1.1\r\nHost: x\r\n\r\n", "GET").status()).isEqualTo(400);
        }
    }

    @Test
    void badRequestAfterAPipelinedSlowOneIsAnsweredInOrder() throws Exception {
        try (RawHttpClient client = server.connect()) {
            client.write("GET /slow/100 HTTP/1.1\r\nHost: x\r\n\r\nFOO,BAR / HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(client.read("GET").text()).isEqualTo("slow 100");
            assertThat(client.read("GET").status()).isEqualTo(400);
        }
    }

    @Test
    void oversizedHeaderBlockIs431() throws Exception {
        Application app = Application.builder().route("/fast/(.*)", Fast::new).build();
        try (TestServer small = TestServer.start(app, new HttpServerOptions().maxHeaderSize(1024));
             RawHttpClient client = small.connect()) {
            assertThat(client.request("GET /fast/ok HTTP/1.1\r\nHost: x\r\nX-Small: "
                    + "a".repeat(100) + "\r\n\r\n", "GET").status()).isEqualTo(200);
            RawResponse big = client.request("GET /fast/x HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(2000)
                    + "\r\n\r\n", "GET");
            assertThat(big.status()).isEqualTo(431);
        }
    }

    @Test
    void oversizedBodyIs413() throws Exception {
        Application app = Application.builder().route("/fast/(.*)", Fast::new).build();
        try (TestServer small = TestServer.start(app, new HttpServerOptions().maxBodySize(16))) {
            assertThat(small.send("POST", "/fast/x", null, new byte[64]).status()).isEqualTo(413);
        }
    }

    @Test
    void aHeadResponseGetsNoBodyEvenWhenTheHandlerSetsTransferEncoding() throws Exception {
        try (RawHttpClient client = server.connect()) {
            RawResponse head = client.request("HEAD /self-chunked HTTP/1.1\r\nHost: x\r\n\r\n", "HEAD");
            RawResponse next = client.request("GET /fast/after HTTP/1.1\r\nHost: x\r\n\r\n", "GET");

            assertThat(head.status()).isEqualTo(200);
            assertThat(head.body()).isEmpty();
            assertThat(next.status()).isEqualTo(200);
            assertThat(next.text()).isEqualTo("fast after");
        }
    }
}
