package org.tornadojava.web;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.Test;
import org.tornadojava.http.StreamClosedException;
import org.tornadojava.support.RawHttpClient;
import org.tornadojava.support.TestServer;
import org.tornadojava.testing.Await;
import org.tornadojava.testing.LogCapture;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Seed 001 (client leaves during an async wait) and seed 000 (resets logged as warnings). */
class ClientDisconnectTest {
    /** One record per request: the gate the test opens, and what the handler saw. */
    static final class Probe {
        final CompletableFuture<Void> gate = new CompletableFuture<>();
        final CompletableFuture<Void> started = new CompletableFuture<>();
        final CompletableFuture<Boolean> closedOnLoop = new CompletableFuture<>();
        final AtomicInteger onConnectionClose = new AtomicInteger();
        final AtomicInteger onFinish = new AtomicInteger();
        final List<String> cleanup = new CopyOnWriteArrayList<>();
        final CompletableFuture<Throwable> flushError = new CompletableFuture<>();
        final CompletableFuture<Throwable> finishError = new CompletableFuture<>();
    }

    static final Map<String, Probe> PROBES = new ConcurrentHashMap<>();

    static final class Waiting extends RequestHandler {
        private Probe probe;

        public CompletionStage<?> get(String mode) {
            probe = PROBES.get(mode);
            probe.started.complete(null);
            switch (mode) {
                case "write-finish":
                    return probe.gate.thenRun(() -> {
                        write("too late");
                        finish().whenComplete((v, e) -> probe.finishError.complete(e));
                        probe.cleanup.add("after finish");
                    });
                case "raise":
                    return probe.gate.thenRun(() -> {
                        throw new HttpError(400);
                    }).whenComplete((v, e) -> probe.cleanup.add("after raise"));
                case "send-error":
                    return probe.gate.thenRun(() -> {
                        sendError(400);
                        probe.cleanup.add("after sendError");
                    });
                default:
                    return probe.gate.thenCompose(v -> {
                        write("x");
                        return flush();
                    }).handle((v, e) -> {
                        probe.flushError.complete(e);
                        probe.cleanup.add("after flush");
                        return null;
                    });
            }
        }

        @Override
        protected void onConnectionClose() {
            probe.onConnectionClose.incrementAndGet();
            probe.closedOnLoop.complete(ioLoop().inLoop() && isClosed());
        }

        @Override
        protected void onFinish() {
            probe.onFinish.incrementAndGet();
        }
    }

    static final class Streaming extends RequestHandler {
        public CompletionStage<Void> get() {
            return runOnExecutor(() -> {
                byte[] chunk = new byte[64 * 1024];
                for (int i = 0; i < 1024 && !isClosed(); i++) {
                    write(chunk);
                    try {
                        flush().join();
                    } catch (RuntimeException e) {
                        return;
                    }
                }
                finish();
            });
        }
    }

    /** Streams forever by chaining flushes on the loop, until the client goes away. */
    static final class Pump extends RequestHandler {
        public CompletionStage<Void> get() {
            return pump();
        }

        private CompletionStage<Void> pump() {
            write(new byte[64 * 1024]);
            return flush().thenCompose(v -> pump());
        }
    }

    private static Application app() {
        return Application.builder()
                .route("/wait/(.*)", Waiting::new)
                .route("/stream", Streaming::new)
                .route("/pump", Pump::new)
                .build();
    }

    @Test
    void writeAndFinishAfterTheClientLeftAreHarmless() throws Exception {
        Probe probe = runDisconnectScenario("write-finish");
        assertThat(probe.cleanup).containsExactly("after finish");
        assertThat(probe.finishError.get(5, TimeUnit.SECONDS)).isInstanceOf(StreamClosedException.class);
    }

    @Test
    void raisingHttpErrorAfterTheClientLeftIsHarmless() throws Exception {
        Probe probe = runDisconnectScenario("raise");
        assertThat(probe.cleanup).containsExactly("after raise");
    }

    @Test
    void sendErrorAfterTheClientLeftIsHarmless() throws Exception {
        Probe probe = runDisconnectScenario("send-error");
        assertThat(probe.cleanup).containsExactly("after sendError");
    }

    @Test
    void flushAfterTheClientLeftFailsWithStreamClosedException() throws Exception {
        Probe probe = runDisconnectScenario("flush");
        Throwable error = probe.flushError.get(5, TimeUnit.SECONDS);
        assertThat(error).isInstanceOf(java.util.concurrent.CompletionException.class)
                .hasCauseInstanceOf(StreamClosedException.class);
    }

    /**
     * The client disconnects while the handler waits; the gate then opens on a foreign thread and the handler
     * carries on. Nothing may escape or be logged above DEBUG; the hooks run exactly once.
     */
    private Probe runDisconnectScenario(String mode) throws Exception {
        Probe probe = new Probe();
        PROBES.put(mode, probe);
        try (TestServer server = TestServer.start(app());
             LogCapture logs = LogCapture.of("tornado", "io.netty")) {
            try (RawHttpClient client = server.connect()) {
                client.write("GET /wait/" + mode + " HTTP/1.1\r\nHost: x\r\n\r\n");
                probe.started.get(5, TimeUnit.SECONDS);
            }
            assertThat(probe.closedOnLoop.get(5, TimeUnit.SECONDS)).isTrue();
            probe.gate.complete(null);
            Await.until(() -> probe.onFinish.get() == 1 && !probe.cleanup.isEmpty());
            // one more round trip through the server proves its loops are healthy
            assertThat(server.get("/wait/none").status()).isEqualTo(500);
            assertThat(probe.onConnectionClose).hasValue(1);
            assertThat(probe.onFinish).hasValue(1);
            assertThat(logs.events()).filteredOn(e -> e.getFormattedMessage().contains("/wait/" + mode))
                    .allMatch(e -> !e.getLevel().isGreaterOrEqual(Level.WARN));
        }
        return probe;
    }

    @Test
    void fiftyClientsResettingMidRequestLeaveNoWarnings() throws Exception {
        try (TestServer server = TestServer.start(app());
             LogCapture logs = LogCapture.of("tornado", "io.netty")) {
            for (int i = 0; i < 50; i++) {
                RawHttpClient client = server.connect();
                client.socket().setSoLinger(true, 0);
                client.write("GET /wait/never HTTP/1.1\r\nHost: x\r\nX-Half: ");
                client.close();
            }
            Await.until(() -> server.server().connectionCount() == 0);
            assertThat(logs.messagesAtLeast(Level.WARN)).isEmpty();
        }
    }

    @Test
    void clientsResettingDuringAStreamedResponseLeaveNoWarnings() throws Exception {
        Application app = app();
        try (TestServer server = TestServer.start(app);
             LogCapture logs = LogCapture.of("tornado", "io.netty")) {
            for (int i = 0; i < 10; i++) {
                RawHttpClient client = server.connect();
                client.socket().setSoLinger(true, 0);
                client.write("GET /stream HTTP/1.1\r\nHost: x\r\n\r\n");
                client.socket().getInputStream().readNBytes(128 * 1024);
                client.close();
            }
            Await.until(() -> server.server().connectionCount() == 0);
            Await.until(() -> app.executor().active() == 0 && app.executor().queued() == 0);
            assertThat(logs.messagesAtLeast(Level.WARN)).isEmpty();
        }
    }

    @Test
    void aClientLeavingWhileTheHandlerChainsFlushesIsNotAnError() throws Exception {
        try (TestServer server = TestServer.start(app());
             LogCapture logs = LogCapture.of("tornado", "io.netty")) {
            for (int i = 0; i < 10; i++) {
                RawHttpClient client = server.connect();
                client.socket().setSoLinger(true, 0);
                client.write("GET /pump HTTP/1.1\r\nHost: x\r\n\r\n");
                client.socket().getInputStream().readNBytes(256 * 1024);
                client.close();
            }
            Await.until(() -> server.server().connectionCount() == 0);
            assertThat(server.get("/wait/none").status()).isEqualTo(500);
            assertThat(logs.events()).filteredOn(e -> e.getFormattedMessage().contains("/pump"))
                    .allMatch(e -> !e.getLevel().isGreaterOrEqual(Level.WARN));
        }
    }
}
