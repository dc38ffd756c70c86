package org.tornadojava.http;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tornadojava.support.Curl;
import org.tornadojava.support.Http2Client;
import org.tornadojava.support.RawHttpClient;
import org.tornadojava.support.RawResponse;
import org.tornadojava.support.TestServer;
import org.tornadojava.testing.LogCapture;
import org.tornadojava.web.Application;
import org.tornadojava.web.HttpError;
import org.tornadojava.web.RequestHandler;
import org.tornadojava.web.StreamRequestBody;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static org.assertj.core.api.Assertions.assertThat;

class Http2Test {
    private static final int CHUNK = 64 * 1024;
    private static final int CHUNKS = 40;
    private static TestServer server;

    static final class Plain extends RequestHandler {
        public void get() {
            setHeader("Content-Type", "text/plain; charset=UTF-8");
            write("Hello, World! over " + request().version());
        }
    }

    static final class Cookies extends RequestHandler {
        public void get() {
            setCookie("seen", "yes");
            write(getCookie("a", "-") + "," + getCookie("b", "-"));
        }
    }

    static final class Missing extends RequestHandler {
        public void get() {
            throw new HttpError(404);
        }
    }

    /** Streams CHUNKS chunks of CHUNK bytes, from an executor thread, waiting on each flush. */
    static final class Download extends RequestHandler {
        public CompletionStage<Void> get() {
            return runOnExecutor(() -> {
                for (int i = 0; i < CHUNKS; i++) {
                    write(chunk(i));
                    flush().join();
                }
            });
        }
    }

    /** Hashes a streamed body, slowly consuming it one piece at a time. */
    @StreamRequestBody
    static final class Upload extends RequestHandler {
        private final MessageDigest digest = sha256();
        private long size;

        @Override
        protected CompletionStage<?> dataReceived(ByteBuf piece) {
            size += piece.readableBytes();
            byte[] bytes = new byte[piece.readableBytes()];
            piece.readBytes(bytes);
            digest.update(bytes);
            CompletableFuture<Void> consumed = new CompletableFuture<>();
            ioLoop().callLater(java.time.Duration.ofMillis(1), () -> consumed.complete(null));
            return consumed;
        }

        public void post() {
            write(size + " " + HexFormat.of().formatHex(digest.digest()));
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static final class Text extends RequestHandler {
        static final String BODY = "compress me ".repeat(500);

        public void get() {
            setHeader("Content-Type", "text/plain; charset=UTF-8");
            write(BODY);
        }
    }

    static final class Socket extends org.tornadojava.websocket.WebSocketHandler {
    }

    static byte[] chunk(int index) {
        byte[] bytes = new byte[CHUNK];
        new Random(index).nextBytes(bytes);
        return bytes;
    }

    @BeforeAll
    static void start() {
        Application app = Application.builder().route("/plaintext", Plain::new).route("/cookies", Cookies::new)
                .route("/missing", Missing::new).route("/download", Download::new).route("/upload", Upload::new)
                .route("/ws", Socket::new).build();
        server = TestServer.start(app, new HttpServerOptions().address("127.0.0.1").port(0));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void priorKnowledgeServesTheHandlerAndReportsHttp2() throws Exception {
        try (LogCapture logs = LogCapture.of("tornado.access");
             Http2Client client = Http2Client.cleartext(server.port())) {
            Http2Client.Response response = client.get("/plaintext");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.text()).isEqualTo("Hello, World! over HTTP/2.0");
            assertThat(response.headers().get("content-type")).isEqualTo("text/plain; charset=UTF-8");
            logs.await("tornado.access", "200 GET /plaintext (127.0.0.1)");
            assertThat(logs.messagesOf("tornado.access").get(0)).endsWith("ms HTTP/2.0");
        }
    }

    @Test
    void http11ClientsStillGetHttp11() throws Exception {
        RawResponse response = server.get("/plaintext");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).isEqualTo("Hello, World! over HTTP/1.1");
    }

    @Test
    void cookiesOfSeveralHeaderFieldsAreJoinedAndSetCookieComesBack() throws Exception {
        try (Http2Client client = Http2Client.cleartext(server.port())) {
            HttpHeaders headers = new DefaultHttpHeaders().add("cookie", "a=1").add("cookie", "b=2");
            Http2Client.Response response = client.request(HttpMethod.GET, "/cookies", headers, null);
            assertThat(response.text()).isEqualTo("1,2");
            assertThat(response.headers().getAll("set-cookie")).singleElement().asString().startsWith("seen=yes");
        }
    }

    @Test
    void errorsAndUnknownMethodsAreAnsweredOnTheirStream() throws Exception {
        try (Http2Client client = Http2Client.cleartext(server.port())) {
            Http2Client.Response missing = client.get("/missing");
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.text())
                    .isEqualTo("<html><title>404: Not Found</title><body>404: Not Found</body></html>");
            assertThat(client.request(HttpMethod.DELETE, "/plaintext", null, null).status()).isEqualTo(405);
            assertThat(client.get("/plaintext").status()).as("the connection serves on").isEqualTo(200);
        }
    }

    @Test
    void aDownloadFlushedFromAnExecutorArrivesByteExact() throws Exception {
        try (Http2Client client = Http2Client.cleartext(server.port())) {
            Http2Client.Response response = client.get("/download");
            assertThat(response.body()).hasSize(CHUNK * CHUNKS);
            for (int i = 0; i < CHUNKS; i++) {
                byte[] expected = chunk(i);
                byte[] actual = java.util.Arrays.copyOfRange(response.body(), i * CHUNK, (i + 1) * CHUNK);
                assertThat(actual).as("chunk %d", i).isEqualTo(expected);
            }
        }
    }

    @Test
    void aStreamedUploadLargerThanTheWindowArrivesWhole() throws Exception {
        byte[] body = new byte[1024 * 1024 + 17];
        new Random(7).nextBytes(body);
        try (Http2Client client = Http2Client.cleartext(server.port())) {
            Http2Client.Response response = client.request(HttpMethod.POST, "/upload", null, body);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.text()).isEqualTo(body.length + " " + HexFormat.of().formatHex(sha256().digest(body)));
        }
    }

    @Test
    void manyStreamsAtOnceOnOneConnectionAreEachAnswered() throws Exception {
        try (Http2Client client = Http2Client.cleartext(server.port())) {
            java.util.List<CompletableFuture<Http2Client.Response>> responses = new java.util.ArrayList<>();
            for (int i = 0; i < 50; i++) {
                responses.add(client.send(HttpMethod.GET, "/plaintext", null, null));
            }
            for (CompletableFuture<Http2Client.Response> response : responses) {
                assertThat(response.get(30, java.util.concurrent.TimeUnit.SECONDS).text())
                        .isEqualTo("Hello, World! over HTTP/2.0");
            }
        }
    }

    @Test
    void curlUpgradesAFirstRequestFromHttp11() throws Exception {
        Curl.Result result = Curl.run("--http2", "-v", server.getUrl("/plaintext"));
        assertThat(result.stdout()).isEqualTo("Hello, World! over HTTP/2.0");
        assertThat(result.stderr()).contains("101 Switching Protocols").contains("HTTP/2 200");
    }

    @Test
    void curlWithPriorKnowledgeGetsHttp2() throws Exception {
        Curl.Result result = Curl.run("--http2-prior-knowledge", "-v", server.getUrl("/plaintext"));
        assertThat(result.stdout()).isEqualTo("Hello, World! over HTTP/2.0");
        assertThat(result.stderr()).contains("HTTP/2 200");
    }

    @Test
    void anUpgradeRequestWithABodyIsServedOnHttp11() throws Exception {
        RawResponse response = server.send("POST", "/upload", "Connection: Upgrade, HTTP2-Settings\r\n"
                + "Upgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQAoAAAAAIAAAAA\r\n", "abc".getBytes());
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).startsWith("3 ");
    }

    @Test
    void h2cOffLeavesThePrefaceToHttp11() throws Exception {
        HttpServerOptions options = new HttpServerOptions().address("127.0.0.1").port(0);
        options.http2().cleartext(false);
        try (TestServer plain = TestServer.start(Application.builder().route("/plaintext", Plain::new).build(),
                options)) {
            Curl.Result result = Curl.run("--http2", "-v", plain.getUrl("/plaintext"));
            assertThat(result.stdout()).isEqualTo("Hello, World! over HTTP/1.1");
            try (RawHttpClient client = plain.connect()) {
                client.write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
                assertThat(client.read("GET").status()).isEqualTo(505);
            }
        }
    }

    @Test
    void aWebSocketRouteReachedOverHttp2IsRefusedWith400() throws Exception {
        try (Http2Client client = Http2Client.cleartext(server.port())) {
            assertThat(client.get("/ws").status()).isEqualTo(400);
        }
    }

    @Test
    void responsesAreGzippedPerStreamWhenCompressionIsOn() throws Exception {
        HttpServerOptions options = new HttpServerOptions().address("127.0.0.1").port(0).compressResponse(true);
        try (TestServer compressing = TestServer.start(Application.builder().route("/text", Text::new).build(),
                options);
             Http2Client client = Http2Client.cleartext(compressing.port())) {
            Http2Client.Response response = client.request(HttpMethod.GET, "/text",
                    new DefaultHttpHeaders().add("accept-encoding", "gzip"), null);
            assertThat(response.headers().get("content-encoding")).isEqualTo("gzip");
            try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(
                    new java.io.ByteArrayInputStream(response.body()))) {
                assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                        .isEqualTo(Text.BODY);
            }
        }
    }
}
