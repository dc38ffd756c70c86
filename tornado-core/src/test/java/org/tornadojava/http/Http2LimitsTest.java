package org.tornadojava.http;

import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.Http2Headers;
import org.junit.jupiter.api.Test;
import org.tornadojava.ioloop.IOLoopGroup;
import org.tornadojava.ioloop.Transport;
import org.tornadojava.support.RawHttp2Client;
import org.tornadojava.testing.Await;
import org.tornadojava.web.Application;
import org.tornadojava.web.RequestHandler;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Flow control on flush futures, the header-list limit and the graceful GOAWAY, seen from a byte-level client. */
class Http2LimitsTest {
    private static final int CHUNK = 64 * 1024;
    private static final int CHUNKS = 8;
    private static final int DEFAULT_WINDOW = 65_535;

    private final AtomicInteger flushed = new AtomicInteger();
    private final CompletableFuture<Void> release = new CompletableFuture<>();

    /** Writes CHUNKS chunks from an executor thread, each after the previous one's flush completed. */
    final class Download extends RequestHandler {
        public CompletionStage<Void> get() {
            return runOnExecutor(() -> {
                for (int i = 0; i < CHUNKS; i++) {
                    write(new byte[CHUNK]);
                    flush().join();
                    flushed.incrementAndGet();
                }
            });
        }
    }

    final class Slow extends RequestHandler {
        public CompletionStage<Void> get() {
            return release.thenRun(() -> write("finished"));
        }
    }

    private HttpServer started(IOLoopGroup loops) {
        Application app = Application.builder().route("/download", Download::new).route("/slow", Slow::new).build();
        HttpServer server = new HttpServer(app, new HttpServerOptions().address("127.0.0.1").port(0), loops);
        server.start();
        return server;
    }

    @Test
    void aFlushWaitsForTheClientsWindowSoNothingPilesUp() throws Exception {
        try (IOLoopGroup loops = new IOLoopGroup(1, Transport.AUTO)) {
            HttpServer server = started(loops);
            try (RawHttp2Client client = new RawHttp2Client(server.port(), 0)) {
                client.get(1, "/download", new DefaultHttp2Headers());
                assertThat(readData(client, DEFAULT_WINDOW)).isEqualTo(DEFAULT_WINDOW);
                assertThat(flushed).as("the first chunk is one byte larger than the window").hasValue(0);

                client.windowUpdate(0, CHUNK * CHUNKS);
                client.windowUpdate(1, CHUNK * CHUNKS);
                client.flush();
                assertThat(readData(client, CHUNK * CHUNKS - DEFAULT_WINDOW))
                        .isEqualTo(CHUNK * CHUNKS - DEFAULT_WINDOW);
                Await.until(() -> flushed.get() == CHUNKS);
            } finally {
                server.stop();
            }
        }
    }

    @Test
    void aHeaderListOverTheLimitIsAnswered431() throws Exception {
        try (IOLoopGroup loops = new IOLoopGroup(1, Transport.AUTO)) {
            HttpServer server = started(loops);
            try (RawHttp2Client client = new RawHttp2Client(server.port(), 0)) {
                Http2Headers big = new DefaultHttp2Headers().add("x-big", "x".repeat(70 * 1024));
                client.get(1, "/download", big);
                RawHttp2Client.Frame headers = client.readUntil(RawHttp2Client.HEADERS);
                assertThat(client.decode(headers).status()).hasToString("431");
                assertThat(flushed).hasValue(0);
            } finally {
                server.stop();
            }
        }
    }

    @Test
    void gracefulShutdownSendsGoAwayAndLetsTheOpenStreamFinish() throws Exception {
        try (IOLoopGroup loops = new IOLoopGroup(1, Transport.AUTO)) {
            HttpServer server = started(loops);
            try (RawHttp2Client client = new RawHttp2Client(server.port(), 0)) {
                client.get(1, "/slow", new DefaultHttp2Headers());
                Await.until(() -> server.inFlightRequestCount() == 1);
                CompletableFuture<Boolean> shutdown = CompletableFuture.supplyAsync(
                        () -> server.shutdownGracefully(Duration.ofSeconds(20)));
                RawHttp2Client.Frame goAway = client.readUntil(RawHttp2Client.GOAWAY);
                assertThat(goAway.errorCode()).isZero();
                assertThat(shutdown).isNotDone();

                release.complete(null);
                RawHttp2Client.Frame headers = client.readUntil(RawHttp2Client.HEADERS);
                assertThat(client.decode(headers).status()).hasToString("200");
                RawHttp2Client.Frame data = client.readUntil(RawHttp2Client.DATA);
                assertThat(new String(data.payload(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("finished");
                assertThat(shutdown.get(20, TimeUnit.SECONDS)).isTrue();
                assertThat(client.readUntil(RawHttp2Client.GOAWAY)).as("connection closed").isNull();
            }
        }
    }

    @Test
    void aStreamWhoseBodyDoesNotArriveInTimeIsAnswered408() throws Exception {
        try (IOLoopGroup loops = new IOLoopGroup(1, Transport.AUTO)) {
            Application app = Application.builder().route("/slow", Slow::new).build();
            HttpServer server = new HttpServer(app, new HttpServerOptions().address("127.0.0.1").port(0)
                    .bodyTimeout(Duration.ofMillis(200)), loops);
            server.start();
            try (RawHttp2Client client = new RawHttp2Client(server.port(), 0)) {
                Http2Headers post = new DefaultHttp2Headers().method("POST").path("/slow").scheme("http")
                        .authority("localhost").setInt("content-length", 10);
                client.frame(RawHttp2Client.HEADERS, RawHttp2Client.END_HEADERS, 1, client.encode(1, post));
                client.flush();
                RawHttp2Client.Frame headers = client.readUntil(RawHttp2Client.HEADERS);
                assertThat(client.decode(headers).status()).hasToString("408");
                assertThat(headers.streamId()).isEqualTo(1);
            } finally {
                server.stop();
            }
        }
    }

    /** Reads DATA frames until {@code bytes} payload bytes arrived; returns how many did. */
    private static int readData(RawHttp2Client client, int bytes) throws Exception {
        int received = 0;
        while (received < bytes) {
            RawHttp2Client.Frame frame = client.readUntil(RawHttp2Client.DATA);
            if (frame == null) {
                break;
            }
            received += frame.payload().length;
        }
        return received;
    }
}
