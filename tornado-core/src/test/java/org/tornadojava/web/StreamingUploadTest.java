package org.tornadojava.web;

import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.Test;
import org.tornadojava.support.RawHttpClient;
import org.tornadojava.support.RawResponse;
import org.tornadojava.support.TestServer;
import org.tornadojava.http.HttpServerOptions;

import java.io.OutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @StreamRequestBody}: the body arrives piece by piece, with flow control, and never in memory whole.
 * The upload is 200 MB and the build runs tests in a 256 MB heap.
 */
class StreamingUploadTest {
    private static final long UPLOAD_BYTES = 200L * 1000 * 1000;

    @StreamRequestBody
    static final class Hashing extends RequestHandler {
        private MessageDigest digest;
        private long received;
        private int pieces;

        @Override
        protected void prepare() {
            if (getQueryArgument("token", "").equals("bad")) {
                setStatus(401);
                finish("no upload for you");
                return;
            }
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        protected CompletionStage<?> dataReceived(ByteBuf chunk) {
            received += chunk.readableBytes();
            digest.update(chunk.nioBuffer());
            // every 64th piece pretends to be slow: reading pauses until the stage completes
            return ++pieces % 64 == 0 ? ioLoop().sleep(Duration.ofMillis(1)) : null;
        }

        public void put() {
            write(received + " " + HexFormat.of().formatHex(digest.digest()) + " body=" + request().body().length);
        }
    }

    private static Application app() {
        return Application.builder().route("/upload", Hashing::new).accessLog(false).build();
    }

    @Test
    void a200MbUploadStreamsThroughWithoutBeingHeldInMemory() throws Exception {
        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        try (TestServer server = TestServer.start(app(), new HttpServerOptions().maxBodySize(Integer.MAX_VALUE));
             RawHttpClient client = server.connect()) {
            client.write("PUT /upload HTTP/1.1\r\nHost: x\r\nContent-Length: " + UPLOAD_BYTES + "\r\n\r\n");
            OutputStream out = client.socket().getOutputStream();
            byte[] block = new byte[256 * 1024];
            Random random = new Random(4);
            long start = System.nanoTime();
            for (long sent = 0; sent < UPLOAD_BYTES; sent += block.length) {
                int length = (int) Math.min(block.length, UPLOAD_BYTES - sent);
                random.nextBytes(block);
                expected.update(block, 0, length);
                out.write(block, 0, length);
            }
            out.flush();
            RawResponse response = client.read("PUT");
            System.out.printf("streamed a %d MB upload in %d ms with max heap %d MiB%n", UPLOAD_BYTES / 1_000_000,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), Runtime.getRuntime().maxMemory() >> 20);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.text()).isEqualTo(UPLOAD_BYTES + " " + HexFormat.of().formatHex(expected.digest())
                    + " body=0");
        }
    }

    @Test
    void prepareMayRefuseAnUploadBeforeItsBodyAndTheConnectionIsClosed() throws Exception {
        try (TestServer server = TestServer.start(app());
             RawHttpClient client = server.connect()) {
            client.write("PUT /upload?token=bad HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\n");
            client.write(new byte[10_000]);
            RawResponse response = client.read("PUT");
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.text()).isEqualTo("no upload for you");
            assertThat(response.header("Connection")).isEqualTo("close");
        }
    }

    @Test
    void aStreamedChunkedUploadArrivesWhole() throws Exception {
        try (TestServer server = TestServer.start(app());
             RawHttpClient client = server.connect()) {
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < 200; i++) {
                body.append("400\r\n").append("y".repeat(1024)).append("\r\n");
            }
            body.append("0\r\n\r\n");
            RawResponse response = client.request(
                    "PUT /upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" + body, "PUT");
            assertThat(response.text()).startsWith(200 * 1024 + " ");
            CompletableFuture<String> expected = CompletableFuture.completedFuture(HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest("y".repeat(200 * 1024).getBytes())));
            assertThat(response.text()).contains(expected.get());
        }
    }
}
