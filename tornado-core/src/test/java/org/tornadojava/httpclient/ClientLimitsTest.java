package org.tornadojava.httpclient;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tornadojava.ioloop.IOLoopGroup;
import org.tornadojava.ioloop.Transport;
import org.tornadojava.support.TestServer;
import org.tornadojava.web.Application;
import org.tornadojava.web.RequestHandler;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tornadojava.testing.Await.until;

/** maxClients and its queue, the three timeouts, cancellation and closing the client. */
class ClientLimitsTest {
    private static TestServer server;

    /** Parks every request until the test releases it by id. */
    static final class Parked extends RequestHandler {
        static final List<String> ARRIVED = new CopyOnWriteArrayList<>();
        static final Map<String, CompletableFuture<Void>> RELEASES = new ConcurrentHashMap<>();
        static final Set<String> CLOSED = ConcurrentHashMap.newKeySet();
        static final AtomicInteger RELEASED = new AtomicInteger();
        static final AtomicInteger MAX_PARKED = new AtomicInteger();

        private String id;

        public CompletionStage<Void> get(String requestId) {
            id = requestId;
            CompletableFuture<Void> release = RELEASES.computeIfAbsent(id, key -> new CompletableFuture<>());
            ARRIVED.add(id);
            MAX_PARKED.accumulateAndGet(ARRIVED.size() - RELEASED.get(), Math::max);
            return release.thenRun(() -> write("released " + id));
        }

        @Override
        protected void onConnectionClose() {
            CLOSED.add(id);
            RELEASES.get(id).cancel(false);
        }

        static void release(String id) {
            RELEASED.incrementAndGet();
            RELEASES.computeIfAbsent(id, key -> new CompletableFuture<>()).complete(null);
        }
    }

    @BeforeAll
    static void start() {
        server = TestServer.start(Application.builder().route("/park/(.+)", Parked::new).build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void reset() {
        Parked.ARRIVED.clear();
        Parked.RELEASES.clear();
        Parked.CLOSED.clear();
        Parked.RELEASED.set(0);
        Parked.MAX_PARKED.set(0);
    }

    private static String url(String id) {
        return server.getUrl("/park/" + id);
    }

    @Test
    void maxClientsBoundsRequestsInFlightAndTheQueueIsServedInOrder() throws Exception {
        try (AsyncHttpClient client = new AsyncHttpClient(new HttpClientOptions().maxClients(2))) {
            List<CompletableFuture<HttpResponse>> responses = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                responses.add(client.fetch(url(String.valueOf(i))));
            }
            until(() -> Parked.ARRIVED.size() == 2);
            assertThat(Parked.ARRIVED).containsExactlyInAnyOrder("0", "1");

            for (int i = 0; i < 3; i++) {
                Parked.release(String.valueOf(i));
                int arrived = i + 3;
                until(() -> Parked.ARRIVED.size() == arrived);
                assertThat(Parked.ARRIVED.get(arrived - 1)).isEqualTo(String.valueOf(i + 2));
            }
            Parked.release("3");
            Parked.release("4");

            for (int i = 0; i < 5; i++) {
                assertThat(responses.get(i).get(10, TimeUnit.SECONDS).text()).isEqualTo("released " + i);
            }
            assertThat(Parked.MAX_PARKED).hasValue(2);
        }
    }

    @Test
    void timeWaitingInTheQueueCountsTowardTheRequestTimeout() throws Exception {
        try (AsyncHttpClient client = new AsyncHttpClient(new HttpClientOptions().maxClients(1))) {
            CompletableFuture<HttpResponse> first = client.fetch(url("first"));
            until(() -> Parked.ARRIVED.size() == 1);

            CompletableFuture<HttpResponse> queued = client.fetch(HttpRequest.builder(url("queued"))
                    .requestTimeout(Duration.ofMillis(300)).build());

            assertThatThrownBy(() -> queued.get(10, TimeUnit.SECONDS))
                    .cause()
                    .isInstanceOfSatisfying(HttpTimeoutError.class, error -> {
                        assertThat(error.code()).isEqualTo(599);
                        assertThat(error.getMessage()).isEqualTo("Timeout in request queue");
                        assertThat(error.response()).isNull();
                    });
            Parked.release("first");
            assertThat(first.get(10, TimeUnit.SECONDS).text()).isEqualTo("released first");
            Parked.release("after");
            assertThat(client.fetch(url("after")).get(10, TimeUnit.SECONDS).text()).isEqualTo("released after");
            assertThat(Parked.ARRIVED).containsExactly("first", "after");
        }
    }

    @Test
    void theRequestTimeoutFiresOnASlowResponseAndClosesTheConnection() {
        try (AsyncHttpClient client = new AsyncHttpClient()) {
            long start = System.nanoTime();

            assertThatThrownBy(() -> client.fetch(HttpRequest.builder(url("slow"))
                    .requestTimeout(Duration.ofMillis(300)).build()).get(10, TimeUnit.SECONDS))
                    .cause()
                    .isInstanceOf(HttpTimeoutError.class)
                    .hasMessage("Timeout during request");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            until(() -> Parked.CLOSED.contains("slow"));
        }
    }

    @Test
    void theConnectTimeoutCoversTheTlsHandshake() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, ScriptedServer.LOCALHOST);
             AsyncHttpClient client = new AsyncHttpClient()) {
            HttpRequest request = HttpRequest.builder("https://127.0.0.1:" + silent.getLocalPort() + "/")
                    .connectTimeout(Duration.ofMillis(300)).build();

            assertThatThrownBy(() -> client.fetch(request).get(10, TimeUnit.SECONDS))
                    .cause()
                    .isInstanceOf(HttpTimeoutError.class)
                    .hasMessage("Timeout while connecting");
        }
    }

    @Test
    void cancellingTheFutureAbortsTheRequestAndFreesItsSlot() throws Exception {
        try (AsyncHttpClient client = new AsyncHttpClient(new HttpClientOptions().maxClients(1))) {
            CompletableFuture<HttpResponse> response = client.fetch(url("cancelled"));
            until(() -> Parked.ARRIVED.size() == 1);

            response.cancel(true);

            until(() -> Parked.CLOSED.contains("cancelled"));
            Parked.release("next");
            assertThat(client.fetch(url("next")).get(10, TimeUnit.SECONDS).text()).isEqualTo("released next");
        }
    }

    @Test
    void closingTheClientFailsQueuedAndInFlightRequests() {
        AsyncHttpClient client = new AsyncHttpClient(new HttpClientOptions().maxClients(1));
        CompletableFuture<HttpResponse> inFlight = client.fetch(url("in-flight"));
        until(() -> Parked.ARRIVED.size() == 1);
        CompletableFuture<HttpResponse> queued = client.fetch(url("queued"));

        client.close();

        assertThatThrownBy(() -> inFlight.get(10, TimeUnit.SECONDS)).cause()
                .isInstanceOf(HttpConnectionError.class).hasMessageContaining("closed before the response");
        assertThatThrownBy(() -> queued.get(10, TimeUnit.SECONDS)).cause()
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThat(client.loops().isShuttingDown()).isTrue();
        until(() -> Parked.CLOSED.contains("in-flight"));
    }

    @Test
    void aFetchThatReachesItsLoopAfterCloseFailsInsteadOfWaitingForever() throws Exception {
        try (IOLoopGroup loops = new IOLoopGroup(1, Transport.AUTO)) {
            AsyncHttpClient client = new AsyncHttpClient(loops, new HttpClientOptions().maxClients(1));
            CompletableFuture<HttpResponse> inFlight = client.fetch(url("in-flight"));
            until(() -> Parked.ARRIVED.size() == 1);
            CountDownLatch hold = new CountDownLatch(1);
            loops.loops().get(0).execute(() -> awaitUninterruptibly(hold));
            CompletableFuture<HttpResponse> late = client.fetch(url("late"));

            client.close();
            hold.countDown();

            assertThat(ClientTests.failureOf(late)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("closed");
            assertThat(ClientTests.failureOf(inFlight)).isInstanceOf(HttpConnectionError.class);
            assertThat(Parked.ARRIVED).containsExactly("in-flight");
        }
    }

    /** Holds the client's only loop so the next fetch reaches it after close(); test only. */
    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
