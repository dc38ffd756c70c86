package org.tornadojava.concurrent;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tornadojava.ioloop.IOLoop;
import org.tornadojava.ioloop.IOLoopGroup;
import org.tornadojava.ioloop.Transport;
import org.tornadojava.support.OnLoop;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class FuturesTest {
    private static IOLoopGroup group;

    @BeforeAll
    static void start() {
        group = new IOLoopGroup(1, Transport.AUTO);
    }

    @AfterAll
    static void stop() {
        group.close();
    }

    @Test
    void withTimeoutFailsWithTimeoutExceptionOnTheLoop() throws Exception {
        IOLoop loop = group.next();
        CompletableFuture<String> never = new CompletableFuture<>();
        CompletableFuture<Boolean> failedOnLoop = new CompletableFuture<>();
        Futures.withTimeout(loop, never, Duration.ofMillis(50))
                .whenComplete((v, e) -> failedOnLoop.complete(e instanceof TimeoutException && loop.inLoop()));
        assertThat(failedOnLoop.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(never).isNotDone();
    }

    @Test
    void withTimeoutPassesTheResultThroughWhenInTime() throws Exception {
        IOLoop loop = group.next();
        CompletableFuture<String> quick = new CompletableFuture<>();
        CompletableFuture<String> result = Futures.withTimeout(loop, quick, Duration.ofSeconds(5));
        quick.complete("done");
        assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo("done");
    }

    @Test
    void withTimeoutWithoutALoopArgumentNeedsToRunOnOne() {
        assertThatThrownBy(() -> Futures.withTimeout(new CompletableFuture<>(), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void allCollectsResultsInOrderOrFailsWithTheFirstFailure() throws Exception {
        IOLoop loop = group.next();
        CompletableFuture<List<Integer>> ok = Futures.all(loop.sleep(Duration.ofMillis(30)).thenApply(v -> 1),
                CompletableFuture.completedFuture(2));
        assertThat(ok.get(5, TimeUnit.SECONDS)).containsExactly(1, 2);
        CompletableFuture<List<Integer>> failed = Futures.all(CompletableFuture.completedFuture(1),
                CompletableFuture.failedFuture(new IllegalStateException("bad")));
        assertThatThrownBy(() -> failed.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasRootCauseMessage("bad");
    }

    @Test
    void blockingExecutorCompletesOnTheGivenLoopAndRefusesWhenFull() throws Exception {
        IOLoop loop = group.next();
        try (BlockingExecutor executor = new BlockingExecutor(1, 1)) {
            CompletableFuture<Void> release = new CompletableFuture<>();
            CompletableFuture<String> first = executor.submit(() -> {
                release.get(5, TimeUnit.SECONDS);
                return Thread.currentThread().getName();
            }, loop);
            CompletableFuture<String> second = executor.submit(() -> "queued", loop);
            assertThatThrownBy(() -> executor.submit(() -> "refused", loop))
                    .isInstanceOf(RejectedExecutionException.class);
            CompletableFuture<Boolean> onLoop = first.thenApply(name -> name.startsWith("tornado-executor")
                    && loop.inLoop());
            release.complete(null);
            assertThat(onLoop.get(5, TimeUnit.SECONDS)).isTrue();
            assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("queued");
        }
        assertThatThrownBy(() -> new BlockingExecutor(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void allOverAMapKeepsTheKeysAndTheirOrder() throws Exception {
        IOLoop loop = group.next();
        Map<String, CompletableFuture<Integer>> stages = new LinkedHashMap<>();
        stages.put("slow", loop.sleep(Duration.ofMillis(30)).thenApply(v -> 1));
        stages.put("quick", CompletableFuture.completedFuture(2));
        Map<String, Integer> results = Futures.all(stages).get(5, TimeUnit.SECONDS);
        assertThat(results).containsExactly(entry("slow", 1), entry("quick", 2));
    }

    @Test
    void momentLetsTheCallbacksAlreadyQueuedRunFirst() throws Exception {
        IOLoop loop = group.next();
        List<String> order = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop.addCallback(() -> {
            loop.addCallback(() -> order.add("queued before"));
            Futures.moment().thenRun(() -> {
                order.add("after moment");
                done.complete(null);
            });
            order.add("still running");
        });
        done.get(5, TimeUnit.SECONDS);
        assertThat(order).containsExactly("still running", "queued before", "after moment");
        assertThatThrownBy(Futures::moment).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void runInExecutorRunsOffTheLoopAndCompletesOnIt() throws Exception {
        IOLoop loop = group.next();
        try (BlockingExecutor executor = new BlockingExecutor(1, 10)) {
            CompletableFuture<String> ran = new CompletableFuture<>();
            CompletableFuture<Thread> completedOn = OnLoop.completionThread(loop, () -> loop.runInExecutor(executor,
                    () -> Thread.currentThread().getName()).whenComplete((name, error) -> ran.complete(name)));
            assertThat(ran.get(5, TimeUnit.SECONDS)).startsWith("tornado-executor");
            assertThat(completedOn.get(5, TimeUnit.SECONDS)).isSameAs(OnLoop.threadOf(loop));
            CompletableFuture<String> failed = loop.runInExecutor(executor, () -> {
                throw new java.io.IOException("disk gone");
            });
            assertThatThrownBy(() -> failed.get(5, TimeUnit.SECONDS)).hasRootCauseMessage("disk gone");
        }
    }
}
