package org.tornadojava.http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tornadojava.support.RawResponse;
import org.tornadojava.support.TestServer;
import org.tornadojava.web.Application;
import org.tornadojava.web.RequestHandler;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class CompressionTest {
    private static final String LONG_TEXT = "tornado ".repeat(300);
    private static TestServer server;

    static final class Content extends RequestHandler {
        public void get(String kind) {
            switch (kind) {
                case "png": setHeader("Content-Type", "image/png"); write(LONG_TEXT); break;
                case "small": write("short"); break;
                case "encoded": setHeader("Content-Encoding", "br"); write(LONG_TEXT); break;
                case "range": setStatus(206); setHeader("Content-Range", "bytes 0-9/100"); write(LONG_TEXT); break;
                case "vary": setHeader("Vary", "Cookie"); write(LONG_TEXT); break;
                case "json": write(java.util.Map.of("text", LONG_TEXT)); break;
                default: write(LONG_TEXT);
            }
        }
    }

    static final class Streamed extends RequestHandler {
        public CompletionStage<Void> get() {
            write(LONG_TEXT);
            return flush().thenCompose(v -> finish(LONG_TEXT));
        }
    }

    static final class Form extends RequestHandler {
        public void post() {
            write(getBodyArgument("name") + " " + request().body().length);
        }
    }

    @BeforeAll
    static void start() {
        server = TestServer.start(Application.builder()
                        .route("/content/(.*)", Content::new)
                        .route("/streamed", Streamed::new)
                        .route("/form", Form::new)
                        .build(),
                new HttpServerOptions().compressResponse(true).decompressRequest(true).maxBodySize(1024 * 1024));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static RawResponse get(String path, String headers) throws Exception {
        return server.send("GET", path, headers, null);
    }

    private static String gunzip(byte[] bytes) throws Exception {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static byte[] gzip(byte[] bytes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    @Test
    void textAtLeast1024BytesIsGzippedForClientsThatAcceptIt() throws Exception {
        RawResponse response = get("/content/html", "Accept-Encoding: gzip, deflate\r\n");
        assertThat(response.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(response.header("Vary")).isEqualTo("Accept-Encoding");
        assertThat(response.body().length).isLessThan(LONG_TEXT.length());
        assertThat(gunzip(response.body())).isEqualTo(LONG_TEXT);
        assertThat(gunzip(get("/content/json", "Accept-Encoding: gzip\r\n").body())).contains("tornado");
    }

    @Test
    void varyIsSentEvenWhenNothingIsCompressed() throws Exception {
        RawResponse plain = get("/content/html", "");
        assertThat(plain.header("Content-Encoding")).isNull();
        assertThat(plain.header("Vary")).isEqualTo("Accept-Encoding");
        assertThat(plain.text()).isEqualTo(LONG_TEXT);
        assertThat(get("/content/vary", "Accept-Encoding: gzip\r\n").header("Vary"))
                .isEqualTo("Cookie, Accept-Encoding");
    }

    @Test
    void smallBodiesOtherTypesEncodedBodiesAndRangesAreLeftAlone() throws Exception {
        for (String kind : new String[] {"small", "png", "encoded", "range"}) {
            RawResponse response = get("/content/" + kind, "Accept-Encoding: gzip\r\n");
            assertThat(response.header("Content-Encoding")).as(kind).isNotEqualTo("gzip");
        }
    }

    @Test
    void streamedResponsesAreCompressedChunked() throws Exception {
        RawResponse response = get("/streamed", "Accept-Encoding: gzip\r\n");
        assertThat(response.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(response.header("Transfer-Encoding")).isEqualTo("chunked");
        assertThat(gunzip(response.body())).isEqualTo(LONG_TEXT + LONG_TEXT);
    }

    @Test
    void headAnswersAreNotCompressedAndHaveNoBody() throws Exception {
        RawResponse head = server.send("HEAD", "/content/html", "Accept-Encoding: gzip\r\n", null);
        assertThat(head.header("Content-Encoding")).isNull();
        assertThat(head.body()).isEmpty();
    }

    @Test
    void gzipRequestBodiesAreInflated() throws Exception {
        byte[] body = gzip("name=tornado".getBytes(StandardCharsets.UTF_8));
        RawResponse response = server.send("POST", "/form",
                "Content-Type: application/x-www-form-urlencoded\r\nContent-Encoding: gzip\r\n", body);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).isEqualTo("tornado 12");
    }

    @Test
    void aZipBombIsRefusedWith413OnItsInflatedSize() throws Exception {
        byte[] bomb = gzip(new byte[64 * 1024 * 1024]);
        assertThat(bomb.length).isLessThan(1024 * 1024);
        RawResponse response = server.send("POST", "/form",
                "Content-Type: application/x-www-form-urlencoded\r\nContent-Encoding: gzip\r\n", bomb);
        assertThat(response.status()).isEqualTo(413);
    }

    @Test
    void anInvalidGzipBodyIs400() throws Exception {
        RawResponse response = server.send("POST", "/form",
                "Content-Type: application/x-www-form-urlencoded\r\nContent-Encoding: gzip\r\n",
                "definitely not gzip".getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).isEqualTo(400);
    }
}
