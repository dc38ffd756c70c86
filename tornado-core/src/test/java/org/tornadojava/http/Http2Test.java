package org.tornadojava.http;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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

    static byte[] chunk(int index) {
        byte[] bytes = new byte[CHUNK];
        new Random(index).nextBytes(bytes);
        return bytes;
    }

    @BeforeAll
    static void start() {
        Application app = Application.builder().route("/plaintext", Plain::new).route("/cookies", Cookies::new)
                .route("/missing", Missing::new).route("/download", Download::new).route("/upload", Upload::new)
                .build();
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
}
