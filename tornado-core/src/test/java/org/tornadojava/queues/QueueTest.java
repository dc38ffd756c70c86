package org.tornadojava.queues;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tornadojava.ioloop.IOLoop;
import org.tornadojava.ioloop.IOLoopGroup;
import org.tornadojava.ioloop.Transport;
import org.tornadojava.support.OnLoop;
import org.tornadojava.testing.Await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueueTest {
    private static IOLoopGroup group;
    private static IOLoop loopA;
    private static IOLoop loopB;

    @BeforeAll
    static void start() {
        group = new IOLoopGroup(2, Transport.AUTO);
        loopA = group.loops().get(0);
        loopB = group.loops().get(1);
    }

    @AfterAll
    static void stop() {
        group.close();
    }

    @Test
    void waitingGettersAreServedFirstInFirstOut() throws Exception {
        Queue<String> q = new Queue<>();
        List<CompletableFuture<String>> gets = List.of(q.get(), q.get(), q.get());
        q.put("a");
        q.put("b");
        q.put("c");
        assertThat(gets.get(0).get(5, TimeUnit.SECONDS)).isEqualTo("a");
        assertThat(gets.get(1).get(5, TimeUnit.SECONDS)).isEqualTo("b");
        assertThat(gets.get(2).get(5, TimeUnit.SECONDS)).isEqualTo("c");
        assertThat(q.getterCount()).isZero();
    }

    @Test
    void putWaitsWhileFullAndWaitingPuttersEnterInOrder() throws Exception {
        Queue<String> q = new Queue<>(1);
        q.putNowait("a");
        CompletableFuture<Void> putB = q.put("b");
        CompletableFuture<Void> putC = q.put("c");
        assertThat(putB).isNotDone();
        assertThat(q.full()).isTrue();
        assertThat(q.getNowait()).isEqualTo("a");
        putB.get(5, TimeUnit.SECONDS);
        assertThat(putC).isNotDone();
        assertThat(q.get().get(5, TimeUnit.SECONDS)).isEqualTo("b");
        putC.get(5, TimeUnit.SECONDS);
        assertThat(q.getNowait()).isEqualTo("c");
        assertThat(q.putterCount()).isZero();
        assertThat(q.parkedItemCount()).isZero();
    }

    @Test
    void nowaitCallsThrowQueueFullAndQueueEmpty() {
        Queue<Integer> q = new Queue<>(1);
        assertThatThrownBy(q::getNowait).isInstanceOf(QueueEmpty.class);
        q.putNowait(1);
        assertThatThrownBy(() -> q.putNowait(2)).isInstanceOf(QueueFull.class).hasMessageContaining("maxsize 1");
        assertThat(q.qsize()).isEqualTo(1);
        assertThatThrownBy(() -> new Queue<>(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void getTimesOutOnTheWaitersLoopAndLeavesNoGetter() throws Exception {
        Queue<String> q = new Queue<>();
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        CompletableFuture<Thread> thread = OnLoop.completionThread(loopA, () -> q.get(Duration.ofMillis(20))
                .whenComplete((item, error) -> failure.complete(error)));
        assertThat(thread.get(5, TimeUnit.SECONDS)).isSameAs(OnLoop.threadOf(loopA));
        assertThat(failure.get(5, TimeUnit.SECONDS)).isInstanceOf(TimeoutException.class);
        assertThat(q.getterCount()).isZero();
        q.putNowait("later");
        assertThat(q.getNowait()).isEqualTo("later");
    }

    @Test
    void putTimeoutLeavesTheItemOutOfTheQueue() throws Exception {
        Queue<String> q = new Queue<>(1);
        q.putNowait("in");
        CompletableFuture<Void> put = OnLoop.call(loopA, () -> q.put("out", Duration.ofMillis(20)));
        assertThatThrownBy(() -> put.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(TimeoutException.class);
        assertThat(q.putterCount()).isZero();
        assertThat(q.parkedItemCount()).isZero();
        assertThat(q.getNowait()).isEqualTo("in");
        assertThat(q.empty()).isTrue();
    }

    @Test
    void anItemPutOnOneLoopReachesAGetterOnAnotherLoopOnTheGettersThread() throws Exception {
        Queue<String> q = new Queue<>();
        CompletableFuture<String> item = new CompletableFuture<>();
        CompletableFuture<Thread> thread = OnLoop.completionThread(loopA,
                () -> q.get().whenComplete((value, error) -> item.complete(value)));
        OnLoop.call(loopB, () -> q.put("hop"));
        assertThat(item.get(5, TimeUnit.SECONDS)).isEqualTo("hop");
        assertThat(thread.get(5, TimeUnit.SECONDS)).isSameAs(OnLoop.threadOf(loopA));
    }

    @Test
    void aCancelledGetLeavesTheQueueAtOnce() {
        Queue<String> q = new Queue<>();
        CompletableFuture<String> get = q.get();
        assertThat(q.getterCount()).isEqualTo(1);
        get.cancel(false);
        assertThat(q.getterCount()).isZero();
        q.putNowait("kept");
        assertThat(q.getNowait()).isEqualTo("kept");
    }

    @Test
    void aCancelledPutLeavesTheQueueWithoutItsItem() {
        Queue<String> q = new Queue<>(1);
        q.putNowait("first");
        CompletableFuture<Void> put = q.put("withdrawn");
        CompletableFuture<Void> kept = q.put("kept");
        put.cancel(false);
        assertThat(q.putterCount()).isEqualTo(1);
        assertThat(q.parkedItemCount()).isEqualTo(1);
        assertThat(q.getNowait()).isEqualTo("first");
        assertThat(kept).isDone();
        assertThat(q.getNowait()).isEqualTo("kept");
        assertThat(q.empty()).isTrue();
    }

    @Test
    void aGetterCancelledAfterTheHandOffGivesTheItemBack() throws Exception {
        Queue<String> q = new Queue<>();
        CompletableFuture<String> get = OnLoop.call(loopA, q::get);
        CountDownLatch release = OnLoop.hold(loopA);
        q.putNowait("precious");
        get.cancel(false);
        release.countDown();
        Await.until(() -> q.qsize() == 1);
        assertThat(q.getNowait()).isEqualTo("precious");
    }

    @Test
    void lifoAndPriorityQueuesGetInTheirOrder() throws Exception {
        LifoQueue<Integer> lifo = new LifoQueue<>();
        PriorityQueue<Integer> priority = new PriorityQueue<>();
        PriorityQueue<Integer> reversed = new PriorityQueue<>(0, Comparator.reverseOrder());
        for (int item : new int[] {2, 3, 1}) {
            lifo.putNowait(item);
            priority.putNowait(item);
            reversed.putNowait(item);
        }
        assertThat(List.of(lifo.getNowait(), lifo.getNowait(), lifo.get().get(5, TimeUnit.SECONDS)))
                .containsExactly(1, 3, 2);
        assertThat(List.of(priority.getNowait(), priority.getNowait(), priority.getNowait()))
                .containsExactly(1, 2, 3);
        assertThat(List.of(reversed.getNowait(), reversed.getNowait(), reversed.getNowait()))
                .containsExactly(3, 2, 1);
    }

    @Test
    void joinCompletesWhenEveryItemPutIsMarkedDone() throws Exception {
        Queue<String> q = new Queue<>();
        assertThat(q.join()).isDone();
        q.putNowait("a");
        q.putNowait("b");
        CompletableFuture<Void> join = q.join();
        q.getNowait();
        q.taskDone();
        assertThat(join).isNotDone();
        q.getNowait();
        q.taskDone();
        join.get(5, TimeUnit.SECONDS);
        assertThatThrownBy(q::taskDone).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("too many times");
    }

    @Test
    void joinTimesOutAndLeavesNoJoiner() throws Exception {
        Queue<String> q = new Queue<>();
        q.putNowait("never done");
        CompletableFuture<Void> join = OnLoop.call(loopA, () -> q.join(Duration.ofMillis(20)));
        assertThatThrownBy(() -> join.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(TimeoutException.class);
        assertThat(q.joinerCount()).isZero();
    }

    @Test
    void aMillionTimedOutGetsLeaveNoGetterBehind() throws Exception {
        Queue<String> q = new Queue<>();
        int rounds = 100;
        int perRound = 10_000;
        AtomicInteger timedOut = new AtomicInteger();
        for (int round = 0; round < rounds; round++) {
            List<CompletableFuture<String>> gets = OnLoop.call(loopA, () -> {
                List<CompletableFuture<String>> batch = new ArrayList<>(perRound);
                for (int i = 0; i < perRound; i++) {
                    batch.add(q.get(Duration.ZERO));
                }
                return batch;
            });
            CompletableFuture.allOf(gets.toArray(CompletableFuture[]::new))
                    .handle((value, error) -> null).get(30, TimeUnit.SECONDS);
            for (CompletableFuture<String> get : gets) {
                if (get.isCompletedExceptionally()) {
                    timedOut.incrementAndGet();
                }
            }
        }
        assertThat(timedOut.get()).isEqualTo(rounds * perRound);
        assertThat(q.getterCount()).isZero();
    }

    @Test
    void forEachConsumesInOrderOnTheCallersLoopUntilCancelled() throws Exception {
        Queue<Integer> q = new Queue<>();
        List<Integer> seen = new CopyOnWriteArrayList<>();
        List<Thread> threads = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> consumer = OnLoop.call(loopA, () -> q.forEach(item -> {
            seen.add(item);
            threads.add(Thread.currentThread());
            return loopB.sleep(Duration.ofMillis(1)).whenComplete((v, e) -> q.taskDone());
        }));
        for (int i = 0; i < 20; i++) {
            q.put(i);
        }
        q.join().get(10, TimeUnit.SECONDS);
        assertThat(seen).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 20).boxed().toList());
        assertThat(threads).containsOnly(OnLoop.threadOf(loopA));
        consumer.cancel(false);
        assertThat(q.getterCount()).isZero();
        q.putNowait(99);
        assertThat(q.qsize()).isEqualTo(1);
        assertThat(seen).doesNotContain(99);
    }

    @Test
    void forEachOverManyReadyItemsDoesNotGrowTheStack() throws Exception {
        Queue<Integer> q = new Queue<>();
        int count = 200_000;
        for (int i = 0; i < count; i++) {
            q.putNowait(i);
        }
        AtomicInteger processed = new AtomicInteger();
        CompletableFuture<Void> consumer = OnLoop.call(loopA, () -> q.forEach(item -> {
            processed.incrementAndGet();
            q.taskDone();
            return CompletableFuture.completedFuture(null);
        }));
        q.join().get(10, TimeUnit.SECONDS);
        assertThat(processed.get()).isEqualTo(count);
        assertThat(consumer).isNotDone();
        consumer.cancel(false);
    }

    @Test
    void forEachEndsWithTheActionsFailure() throws Exception {
        Queue<String> q = new Queue<>();
        q.putNowait("ok");
        q.putNowait("boom");
        q.putNowait("left");
        CompletableFuture<Void> consumer = q.forEach(item -> item.equals("boom")
                ? CompletableFuture.failedFuture(new IllegalStateException("bad item"))
                : CompletableFuture.completedFuture(null));
        assertThatThrownBy(() -> consumer.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasRootCauseMessage("bad item");
        assertThat(q.getNowait()).isEqualTo("left");
    }
}
