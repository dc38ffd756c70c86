package org.tornadojava.httpclient;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tornadojava.support.TestServer;
import org.tornadojava.web.Application;
import org.tornadojava.web.RequestHandler;

import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The streaming callback's backpressure and the header callback. */
class ResponseCallbacksTest {
    private static final byte[] LARGE = new byte[4 * 1024 * 1024];
    private static TestServer server;
    private static AsyncHttpClient client;

    static {
        new Random(3).nextBytes(LARGE);
    }

    /** 4 MiB of random bytes written at once: the client gets them as fast as it reads. */
    static final class Large extends RequestHandler {
        public void get() {
            setHeader("Content-Type", "application/octet-stream");
            setHeader("X-Test", "one");
            write(LARGE);
        }
    }

    /** Redirects to {@code /large}. */
    static final class Moved extends RequestHandler {
        public void get() {
            redirect("/large");
        }
    }

    @BeforeAll
    static void start() {
        server = TestServer.start(Application.builder()
                .route("/large", Large::new)
                .route("/moved", Moved::new)
                .build());
        client = new AsyncHttpClient(new HttpClientOptions().requestTimeout(Duration.ofSeconds(60)));
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Test
    void theNextPieceWaitsUntilTheCallbacksFutureCompletes() throws Exception {
        Executor slowConsumer = CompletableFuture.delayedExecutor(1, TimeUnit.MILLISECONDS);
        AtomicReference<CompletableFuture<Void>> previous = new AtomicReference<>(
                CompletableFuture.completedFuture(null));
        AtomicInteger overlapping = new AtomicInteger();
        AtomicInteger pieces = new AtomicInteger();
        MessageDigest digest = MessageDigest.getInstance("SHA-256");

        HttpResponse response = client.fetch(HttpRequest.builder(server.getUrl("/large")).streamingCallback(piece -> {
            if (!previous.get().isDone()) {
                overlapping.incrementAndGet();
            }
            pieces.incrementAndGet();
            digest.update(piece);
            CompletableFuture<Void> consumed = CompletableFuture.runAsync(() -> { }, slowConsumer);
            previous.set(consumed);
            return consumed;
        }).build()).get(60, TimeUnit.SECONDS);

        assertThat(response.code()).isEqualTo(200);
        assertThat(pieces.get()).isGreaterThan(10);
        assertThat(overlapping.get()).isZero();
        assertThat(previous.get()).isDone();
        assertThat(digest.digest()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(LARGE));
    }

    @Test
    void aFailedCallbackFutureFailsTheFetchWithItsCause() throws Exception {
        IllegalStateException full = new IllegalStateException("disk full");

        Throwable error = ClientTests.failureOf(client.fetch(HttpRequest.builder(server.getUrl("/large"))
                .streamingCallback(piece -> CompletableFuture.supplyAsync(() -> {
                    throw full;
                })).build()));

        assertThat(error).isSameAs(full);
    }

    @Test
    void theHeaderCallbackGetsTheStatusLineEachHeaderAndABlankLineBeforeTheBody() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();

        client.fetch(HttpRequest.builder(server.getUrl("/large"))
                .headerCallback(events::add)
                .streamingCallback(piece -> {
                    events.add("piece");
                    return null;
                }).build()).get(20, TimeUnit.SECONDS);

        int blank = events.indexOf("\r\n");
        assertThat(events.get(0)).isEqualTo("HTTP/1.1 200 OK\r\n");
        assertThat(events.subList(1, blank)).contains("X-Test: one\r\n",
                "Content-Type: application/octet-stream\r\n").allMatch(line -> line.endsWith("\r\n"));
        assertThat(events.subList(blank + 1, events.size())).isNotEmpty().containsOnly("piece");
    }

    @Test
    void theHeaderCallbackIsNotCalledForAFollowedRedirect() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();

        client.fetch(HttpRequest.builder(server.getUrl("/moved")).headerCallback(lines::add).build())
                .get(20, TimeUnit.SECONDS);

        assertThat(lines).first().isEqualTo("HTTP/1.1 200 OK\r\n");
        assertThat(lines).filteredOn(line -> line.startsWith("HTTP/")).hasSize(1);
    }

    @Test
    void aHeaderCallbackThatThrowsFailsTheFetch() throws Exception {
        IllegalArgumentException refused = new IllegalArgumentException("refused");

        Throwable error = ClientTests.failureOf(client.fetch(HttpRequest.builder(server.getUrl("/large"))
                .headerCallback(line -> {
                    throw refused;
                }).build()));

        assertThat(error).isSameAs(refused);
    }
}
