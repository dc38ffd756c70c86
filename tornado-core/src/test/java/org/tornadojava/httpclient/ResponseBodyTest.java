package org.tornadojava.httpclient;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tornadojava.http.HttpServerOptions;
import org.tornadojava.ioloop.IOLoop;
import org.tornadojava.support.TestServer;
import org.tornadojava.web.Application;
import org.tornadojava.web.RequestHandler;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Response bodies: gzip decoding, the size limit after decompression, and streaming in pieces. */
class ResponseBodyTest {
    private static final String TEXT = "tornado on netty ".repeat(500);
    private static final byte[] LARGE = new byte[8 * 1024 * 1024];
    private static TestServer server;
    private static AsyncHttpClient client;

    static {
        new Random(42).nextBytes(LARGE);
    }

    static final class Text extends RequestHandler {
        public void get() {
            setHeader("Content-Type", "text/plain; charset=UTF-8");
            write(TEXT);
        }
    }

    static final class Zeros extends RequestHandler {
        public void get() {
            setHeader("Content-Type", "text/plain");
            write(new byte[2 * 1024 * 1024]);
        }
    }

    /** 8 MiB of random bytes, sent chunked in 64 KiB pieces, each flushed before the next is written. */
    static final class Large extends RequestHandler {
        public CompletionStage<Void> get() {
            setHeader("Content-Type", "application/octet-stream");
            return send(0);
        }

        private CompletionStage<Void> send(int offset) {
            if (offset >= LARGE.length) {
                return finish();
            }
            write(LARGE, offset, 64 * 1024);
            return flush().thenCompose(ignored -> send(offset + 64 * 1024));
        }
    }

    @BeforeAll
    static void start() {
        server = TestServer.start(Application.builder()
                        .route("/text", Text::new)
                        .route("/zeros", Zeros::new)
                        .route("/large", Large::new)
                        .build(),
                new HttpServerOptions().compressResponse(true));
        client = new AsyncHttpClient(new HttpClientOptions().maxBodySize(1024 * 1024));
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    private static String url(String path) {
        return server.getUrl(path);
    }

    @Test
    void aGzipResponseIsDecompressed() throws Exception {
        HttpResponse response = client.fetch(url("/text")).get(10, TimeUnit.SECONDS);

        assertThat(response.text()).isEqualTo(TEXT);
        assertThat(response.header("Content-Encoding")).isNull();
        assertThat(response.header("Content-Length")).isNull();
        assertThat(response.header("Transfer-Encoding")).isEqualTo("chunked");
        assertThat(response.header("Vary")).isEqualTo("Accept-Encoding");
    }

    @Test
    void withoutDecompressTheBodyIsReturnedAsSent() throws Exception {
        HttpResponse response = client.fetch(HttpRequest.builder(url("/text")).decompressResponse(false)
                .header("Accept-Encoding", "gzip").build()).get(10, TimeUnit.SECONDS);

        assertThat(response.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(response.bodyLength()).isLessThan(TEXT.length() / 10);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(TEXT);
        }
    }

    @Test
    void maxBodySizeCountsTheDecompressedBytes() throws Exception {
        HttpResponse compressed = client.fetch(HttpRequest.builder(url("/zeros")).decompressResponse(false)
                .header("Accept-Encoding", "gzip").build()).get(10, TimeUnit.SECONDS);
        assertThat(compressed.bodyLength()).isLessThan(64 * 1024);

        assertThatThrownBy(() -> client.fetch(url("/zeros")).get(10, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(HttpConnectionError.class)
                .hasMessage("Response from 127.0.0.1:" + server.port() + " is larger than maxBodySize (1048576 bytes)");
    }

    @Test
    void aDeclaredLengthOverTheLimitFailsBeforeTheBodyIsRead() {
        assertThatThrownBy(() -> client.fetch(HttpRequest.builder(url("/zeros")).decompressResponse(false).build())
                .get(10, TimeUnit.SECONDS))
                .cause()
                .isInstanceOfSatisfying(HttpConnectionError.class, error -> {
                    assertThat(error.code()).isEqualTo(599);
                    assertThat(error.getMessage()).contains("larger than maxBodySize");
                });
    }

    @Test
    void aStreamingCallbackReceivesALargeBodyInPiecesOnTheIOLoop() throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        List<Integer> pieces = new CopyOnWriteArrayList<>();
        List<Boolean> onLoop = new CopyOnWriteArrayList<>();
        try (AsyncHttpClient streaming = new AsyncHttpClient(new HttpClientOptions().maxBodySize(LARGE.length))) {
            HttpResponse response = streaming.fetch(HttpRequest.builder(url("/large")).streamingCallback(piece -> {
                pieces.add(piece.length);
                onLoop.add(IOLoop.currentOrNull() != null);
                digest.update(piece);
                return null;
            }).build()).get(20, TimeUnit.SECONDS);

            assertThat(response.code()).isEqualTo(200);
            assertThat(response.bodyLength()).isZero();
        }
        assertThat(pieces.stream().mapToInt(Integer::intValue).sum()).isEqualTo(LARGE.length);
        assertThat(pieces).hasSizeGreaterThan(100).allMatch(length -> length <= 64 * 1024);
        assertThat(onLoop).containsOnly(true);
        assertThat(digest.digest()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(LARGE));
    }

    @Test
    void maxBodySizeAlsoBoundsAStreamedDecompressedBody() {
        List<Integer> pieces = new CopyOnWriteArrayList<>();
        assertThatThrownBy(() -> client.fetch(HttpRequest.builder(url("/zeros"))
                .streamingCallback(piece -> {
                    pieces.add(piece.length);
                    return null;
                }).build()).get(10, TimeUnit.SECONDS))
                .cause().isInstanceOf(HttpConnectionError.class).hasMessageContaining("larger than maxBodySize");
        assertThat(pieces.stream().mapToInt(Integer::intValue).sum()).isLessThanOrEqualTo(1024 * 1024);
    }

    @Test
    void aStreamingCallbackThatThrowsFailsTheFetchWithItsException() {
        IllegalStateException boom = new IllegalStateException("disk full");

        assertThatThrownBy(() -> client.fetch(HttpRequest.builder(url("/text")).streamingCallback(piece -> {
            throw boom;
        }).build()).get(10, TimeUnit.SECONDS)).cause().isSameAs(boom);
    }
}
