package org.tornadojava.http;

import org.junit.jupiter.api.Test;
import org.tornadojava.ioloop.IOLoopGroup;
import org.tornadojava.ioloop.Transport;
import org.tornadojava.support.RawHttpClient;
import org.tornadojava.support.RawResponse;
import org.tornadojava.testing.Await;
import org.tornadojava.web.Application;
import org.tornadojava.web.RequestHandler;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GracefulShutdownTest {
    private final CompletableFuture<Void> release = new CompletableFuture<>();

    final class Slow extends RequestHandler {
        public CompletionStage<Void> get() {
            return release.thenRun(() -> write("finished"));
        }
    }

    static final class Fast extends RequestHandler {
        public void get() {
            write("fast");
        }
    }

    /** A body far larger than the socket buffers, so most of it waits in the connection's outbound buffer. */
    static final class Large extends RequestHandler {
        static final int SIZE = 16 * 1024 * 1024;

        public void get() {
            write(new byte[SIZE]);
        }
    }

    private HttpServer started(IOLoopGroup loops) {
        Application app = Application.builder().route("/slow", Slow::new).route("/fast", Fast::new)
                .route("/large", Large::new).build();
        HttpServer server = new HttpServer(app, new HttpServerOptions().address("127.0.0.1").port(0), loops);
        server.start();
        return server;
    }

    @Test
    void aSlowRequestFinishesWhileNewConnectionsAreRefused() throws Exception {
        try (IOLoopGroup loops = new IOLoopGroup(2, Transport.AUTO)) {
            HttpServer server = started(loops);
            int port = server.port();
            try (RawHttpClient slow = new RawHttpClient(port)) {
                slow.write("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
                Await.until(() -> server.inFlightRequestCount() == 1);
                CompletableFuture<Boolean> shutdown = CompletableFuture.supplyAsync(
                        () -> server.shutdownGracefully(Duration.ofSeconds(10)));
                Await.until(() -> !server.isRunning());
                assertThatThrownBy(() -> RawHttpClient.get(port, "/fast")).isInstanceOf(ConnectException.class);
                assertThat(shutdown).isNotDone();

                release.complete(null);
                RawResponse response = slow.read("GET");
                assertThat(response.status()).isEqualTo(200);
                assertThat(response.text()).isEqualTo("finished");
                assertThat(response.header("Connection")).isEqualTo("close");
                assertThat(shutdown.get(5, TimeUnit.SECONDS)).isTrue();
                assertThat(slow.isClosedByServer()).isTrue();
            }
        }
    }

    @Test
    void aResponseStillLeavingTheServerIsSentWholeBeforeItsConnectionCloses() throws Exception {
        try (IOLoopGroup loops = new IOLoopGroup(1, Transport.AUTO)) {
            HttpServer server = started(loops);
            try (RawHttpClient client = new RawHttpClient(server.port())) {
                client.write("GET /large HTTP/1.1\r\nHost: x\r\n\r\n");
                Await.until(() -> server.inFlightRequestCount() == 1);
                CompletableFuture<Boolean> shutdown = new CompletableFuture<>();
                Thread stopping = new Thread(
                        () -> shutdown.complete(server.shutdownGracefully(Duration.ofSeconds(20))));
                stopping.start();
                // Once it waits for requests in flight, the connection was told to close when idle: a task queued
                // on its loop after that has run only when the connection did what it does on being told.
                Await.until(() -> Arrays.stream(stopping.getStackTrace())
                        .anyMatch(frame -> frame.getMethodName().equals("awaitIdle")));
                CompletableFuture<Void> toldToClose = new CompletableFuture<>();
                loops.next().execute(() -> toldToClose.complete(null));
                toldToClose.get(5, TimeUnit.SECONDS);

                RawResponse response = client.read("GET");
                assertThat(response.status()).isEqualTo(200);
                assertThat(response.body().length).isEqualTo(Large.SIZE);
                assertThat(shutdown.get(10, TimeUnit.SECONDS)).isTrue();
                assertThat(client.isClosedByServer()).isTrue();
            }
        }
    }

    @Test
    void idleKeepAliveConnectionsAreClosedAndShutdownReturnsAtOnce() throws Exception {
        try (IOLoopGroup loops = new IOLoopGroup(1, Transport.AUTO)) {
            HttpServer server = started(loops);
            try (RawHttpClient idle = new RawHttpClient(server.port())) {
                assertThat(idle.request("GET /fast HTTP/1.1\r\nHost: x\r\n\r\n", "GET").status()).isEqualTo(200);
                long started = System.nanoTime();
                assertThat(server.shutdownGracefully(Duration.ofSeconds(30))).isTrue();
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
                assertThat(idle.isClosedByServer()).isTrue();
                assertThat(server.connectionCount()).isZero();
            }
        }
    }

    @Test
    void requestsOutlivingTheTimeoutAreCutOff() throws Exception {
        try (IOLoopGroup loops = new IOLoopGroup(1, Transport.AUTO)) {
            HttpServer server = started(loops);
            try (RawHttpClient slow = new RawHttpClient(server.port())) {
                slow.write("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
                Await.until(() -> server.inFlightRequestCount() == 1);
                assertThat(server.shutdownGracefully(Duration.ofMillis(200))).isFalse();
                assertThat(slow.isClosedByServer()).isTrue();
                Await.until(() -> server.inFlightRequestCount() == 0);
            } finally {
                release.complete(null);
            }
        }
    }

    @Test
    void shutdownWhenNotRunningDoesNothing() {
        try (IOLoopGroup loops = new IOLoopGroup(1, Transport.AUTO)) {
            HttpServer server = new HttpServer(Application.builder().build(),
                    new HttpServerOptions().address("127.0.0.1").port(0), loops);
            assertThat(server.shutdownGracefully(Duration.ofSeconds(1))).isTrue();
            server.start();
            assertThat(server.shutdownGracefully(Duration.ofSeconds(1))).isTrue();
            assertThat(server.shutdownGracefully(Duration.ofSeconds(1))).isTrue();
            assertThat(server.port()).isEqualTo(-1);
        }
    }

    @Test
    void inFlightCountFollowsRequests() throws IOException {
        try (IOLoopGroup loops = new IOLoopGroup(1, Transport.AUTO)) {
            HttpServer server = started(loops);
            try (RawHttpClient client = new RawHttpClient(server.port())) {
                client.request("GET /fast HTTP/1.1\r\nHost: x\r\n\r\n", "GET");
                Await.until(() -> server.inFlightRequestCount() == 0);
                client.write("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
                Await.until(() -> server.inFlightRequestCount() == 1);
                release.complete(null);
                assertThat(client.read("GET").text()).isEqualTo("finished");
                Await.until(() -> server.inFlightRequestCount() == 0);
            } finally {
                server.stop(Duration.ofSeconds(5));
            }
        }
    }
}
