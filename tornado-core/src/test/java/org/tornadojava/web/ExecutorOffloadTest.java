package org.tornadojava.web;

import org.junit.jupiter.api.Test;
import org.tornadojava.concurrent.BlockingExecutor;
import org.tornadojava.http.HttpServerOptions;
import org.tornadojava.testing.LogCapture;
import org.tornadojava.support.RawHttpClient;
import org.tornadojava.support.RawResponse;
import org.tornadojava.support.TestServer;
import org.tornadojava.testing.Await;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ExecutorOffloadTest {
    static final CountDownLatch RELEASE = new CountDownLatch(1);

    /** Simulates one second of blocking work (a slow query) on the executor. */
    static final class Blocking extends RequestHandler {
        public CompletionStage<Void> get() {
            String loopThread = Thread.currentThread().getName();
            return runOnExecutor(() -> {
                new CountDownLatch(1).await(1, TimeUnit.SECONDS);
                return Thread.currentThread().getName();
            }).thenAccept(worker -> write(worker + " then " + Thread.currentThread().getName() + " (loop "
                    + loopThread + ")"));
        }
    }

    static final class Held extends RequestHandler {
        public CompletionStage<Void> get() {
            return runOnExecutor(() -> {
                RELEASE.await(10, TimeUnit.SECONDS);
                write("released");
                return null;
            }).thenApply(ignored -> null);
        }
    }

    /** Blocks an executor thread until released, after saying it started. */
    static final class Gated extends RequestHandler {
        private final CountDownLatch started;
        private final CountDownLatch release;

        Gated(CountDownLatch started, CountDownLatch release) {
            this.started = started;
            this.release = release;
        }

        public CompletionStage<Void> get() {
            String loopThread = Thread.currentThread().getName();
            return runOnExecutor(() -> {
                started.countDown();
                release.await(10, TimeUnit.SECONDS);
                return Thread.currentThread().getName();
            }).thenAccept(worker -> write(worker + " then " + Thread.currentThread().getName() + " (loop "
                    + loopThread + ")"));
        }
    }

    static final class Fast extends RequestHandler {
        public void get() {
            write("fast");
        }
    }

    static final class Conflict extends RequestHandler {
        public CompletionStage<Void> get() {
            return runOnExecutor(() -> {
                throw new HttpError(409, "already taken");
            });
        }
    }

    @Test
    void blockingTasksRunOnTheExecutorThreadsAtOnceWhileTheSameLoopKeepsAnswering() throws Exception {
        BlockingExecutor executor = new BlockingExecutor(4, 100);
        CountDownLatch started = new CountDownLatch(4);
        CountDownLatch release = new CountDownLatch(1);
        Application app = Application.builder().route("/blocking", () -> new Gated(started, release))
                .route("/fast", Fast::new).executor(executor).accessLog(false).build();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try (TestServer server = TestServer.start(app, new HttpServerOptions(), 1)) {
            List<Future<RawResponse>> slow = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                slow.add(clients.submit(() -> server.get("/blocking")));
            }
            // Four tasks block their threads at the same time: the executor runs them side by side.
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            try (RawHttpClient client = server.connect()) {
                for (int i = 0; i < 20; i++) {
                    assertThat(client.request("GET /fast HTTP/1.1\r\nHost: x\r\n\r\n", "GET").text())
                            .isEqualTo("fast");
                }
            }
            assertThat(slow).noneMatch(Future::isDone);
            release.countDown();
            for (Future<RawResponse> response : slow) {
                assertThat(response.get(10, TimeUnit.SECONDS).text())
                        .matches("tornado-executor-\\S+ then tornado-ioloop-\\S+ \\(loop tornado-ioloop-\\S+\\)");
            }
        } finally {
            release.countDown();
            clients.shutdownNow();
            executor.close();
        }
    }

    @Test
    void theContinuationRunsOnTheHandlersLoop() throws Exception {
        Application app = Application.builder().route("/blocking", Blocking::new).build();
        try (TestServer server = TestServer.start(app, new HttpServerOptions(), 1)) {
            String text = server.get("/blocking").text();
            String continuation = text.substring(text.indexOf(" then ") + 6, text.indexOf(" (loop "));
            String loop = text.substring(text.indexOf("(loop ") + 6, text.length() - 1);
            assertThat(continuation).isEqualTo(loop);
        }
    }

    @Test
    void aFullExecutorQueueAnswers503WithOneRateLimitedWarning() throws Exception {
        BlockingExecutor executor = new BlockingExecutor(1, 1);
        Application app = Application.builder().route("/held", Held::new).executor(executor).build();
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try (TestServer server = TestServer.start(app);
             LogCapture logs = LogCapture.of("tornado.general")) {
            Future<RawResponse> running = clients.submit(() -> server.get("/held"));
            Await.until(() -> executor.active() == 1);
            Future<RawResponse> queued = clients.submit(() -> server.get("/held"));
            Await.until(() -> executor.queued() == 1);
            for (int i = 0; i < 5; i++) {
                assertThat(server.get("/held").status()).isEqualTo(503);
            }
            assertThat(logs.messagesOf("tornado.general")).filteredOn(m -> m.contains("executor queue is full"))
                    .hasSizeLessThanOrEqualTo(1);
            RELEASE.countDown();
            assertThat(running.get(10, TimeUnit.SECONDS).text()).isEqualTo("released");
            assertThat(queued.get(10, TimeUnit.SECONDS).text()).isEqualTo("released");
        } finally {
            clients.shutdownNow();
            executor.close();
        }
    }

    @Test
    void aStageFailingWithHttpErrorKeepsItsStatus() throws Exception {
        Application app = Application.builder().route("/conflict", Conflict::new).build();
        try (TestServer server = TestServer.start(app)) {
            RawResponse response = server.get("/conflict");
            assertThat(response.status()).isEqualTo(409);
            assertThat(response.text()).contains("409: Conflict");
        }
    }

    @Test
    void executorThreadsAreDaemonAndStopWithTheServer() throws Exception {
        Application app = Application.builder().route("/blocking", Blocking::new).build();
        CompletableFuture<Boolean> daemon = new CompletableFuture<>();
        try (TestServer server = TestServer.start(app)) {
            app.executor().submit(() -> daemon.complete(Thread.currentThread().isDaemon()),
                    server.loops().next()).get(5, TimeUnit.SECONDS);
        }
        assertThat(daemon.get()).isTrue();
        assertThat(app.executor().isShutdown()).isTrue();
    }
}
