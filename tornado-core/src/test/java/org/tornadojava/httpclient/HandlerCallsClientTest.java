package org.tornadojava.httpclient;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tornadojava.ioloop.IOLoop;
import org.tornadojava.support.RawResponse;
import org.tornadojava.support.TestServer;
import org.tornadojava.web.Application;
import org.tornadojava.web.RequestHandler;
import org.tornadojava.web.UrlSpec;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 004: a handler calls the client in its verb method and writes the result. The continuation runs on the
 * handler's IOLoop, whichever loops the client uses; a caller on no loop is completed on a client loop.
 */
class HandlerCallsClientTest {
    private static final List<String> CONTINUATIONS = new CopyOnWriteArrayList<>();
    private static final CompletableFuture<Void> GATE = new CompletableFuture<>();
    private static TestServer server;

    static final class Upstream extends RequestHandler {
        public void get() {
            write("upstream says hi");
        }
    }

    static final class Gate extends RequestHandler {
        public CompletionStage<Void> get() {
            return GATE.thenRun(() -> write("open"));
        }
    }

    /** Fetches the upstream URL with the client of its init arguments and writes what it got. */
    static final class Proxy extends RequestHandler {
        private AtomicReference<AsyncHttpClient> client;
        private String upstream;

        @Override
        @SuppressWarnings("unchecked")
        protected void initialize(Map<String, Object> kwargs) {
            client = (AtomicReference<AsyncHttpClient>) kwargs.get("client");
            upstream = (String) kwargs.get("upstream");
        }

        public CompletionStage<Void> get() {
            Thread verbThread = Thread.currentThread();
            return client.get().fetch(upstream).thenAccept(response -> {
                CONTINUATIONS.add(ioLoop().inLoop() + " " + (Thread.currentThread() == verbThread));
                write("proxied: " + response.text());
            });
        }
    }

    @BeforeAll
    static void start() {
        server = TestServer.start(Application.builder()
                .route("/upstream", Upstream::new)
                .route("/gate", Gate::new)
                .build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void clear() {
        CONTINUATIONS.clear();
    }

    private static String url(String path) {
        return server.getUrl(path);
    }

    /** A server whose {@code /proxy} fetches {@code /upstream} with the client in the reference. */
    private static TestServer front(AtomicReference<AsyncHttpClient> client) {
        return TestServer.start(Application.builder()
                .route(UrlSpec.of("/proxy", Proxy::new)
                        .withInitArgs(Map.of("client", client, "upstream", url("/upstream"))))
                .build());
    }

    private static Set<String> tornadoThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> name.startsWith("tornado")).collect(Collectors.toSet());
    }

    @Test
    void aHandlerWritesTheUpstreamBodyFromAContinuationOnItsOwnIOLoop() throws Exception {
        AtomicReference<AsyncHttpClient> client = new AtomicReference<>();
        try (TestServer front = front(client)) {
            Set<String> threadsBefore = tornadoThreads();
            client.set(new AsyncHttpClient(front.loops(), new HttpClientOptions()));
            for (int i = 0; i < 6; i++) {
                RawResponse response = front.get("/proxy");
                assertThat(response.status()).isEqualTo(200);
                assertThat(response.text()).isEqualTo("proxied: upstream says hi");
            }

            assertThat(CONTINUATIONS).hasSize(6).containsOnly("true true");
            assertThat(tornadoThreads()).isSubsetOf(threadsBefore);
            client.get().close();
            assertThat(front.loops().isShuttingDown()).isFalse();
        }
    }

    @Test
    void aClientWithItsOwnLoopsStillCompletesOnTheHandlersLoop() throws Exception {
        AtomicReference<AsyncHttpClient> client = new AtomicReference<>(new AsyncHttpClient());
        try (TestServer front = front(client)) {
            assertThat(front.get("/proxy").text()).isEqualTo("proxied: upstream says hi");
        } finally {
            client.get().close();
        }
        assertThat(CONTINUATIONS).containsExactly("true true");
    }

    @Test
    void aCallerOnNoIOLoopIsCompletedOnAClientLoop() throws Exception {
        try (AsyncHttpClient client = new AsyncHttpClient()) {
            CompletableFuture<IOLoop> completedOn = client.fetch(url("/gate"))
                    .thenApply(response -> IOLoop.currentOrNull());
            assertThat(completedOn).isNotDone();

            GATE.complete(null);

            assertThat(completedOn.get(10, TimeUnit.SECONDS)).isIn(client.loops().loops());
        }
    }
}
