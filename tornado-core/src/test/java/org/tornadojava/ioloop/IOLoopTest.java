package org.tornadojava.ioloop;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tornadojava.testing.LogCapture;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IOLoopTest {
    private static IOLoopGroup group;

    @BeforeAll
    static void startLoops() {
        group = new IOLoopGroup(2, Transport.AUTO);
    }

    @AfterAll
    static void stopLoops() {
        group.close();
    }

    @Test
    void currentReturnsTheLoopOfTheCallingThreadAndFailsElsewhere() throws Exception {
        IOLoop loop = group.loops().get(1);
        CompletableFuture<IOLoop> seen = new CompletableFuture<>();
        loop.addCallback(() -> seen.complete(IOLoop.current()));
        assertThat(seen.get(5, TimeUnit.SECONDS)).isSameAs(loop);
        assertThat(IOLoop.currentOrNull()).isNull();
        assertThatThrownBy(IOLoop::current).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not on an IOLoop thread");
    }

    @Test
    void addCallbackFromForeignThreadsRunsOnTheLoopInCallOrder() throws Exception {
        IOLoop loop = group.next();
        List<Integer> order = new CopyOnWriteArrayList<>();
        List<Boolean> onLoop = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1000);
        Thread producer = new Thread(() -> {
            for (int i = 0; i < 1000; i++) {
                int n = i;
                loop.addCallback(() -> {
                    order.add(n);
                    onLoop.add(loop.inLoop());
                    done.countDown();
                });
            }
        });
        producer.start();
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(order).isSorted().hasSize(1000);
        assertThat(onLoop).containsOnly(true);
    }

    @Test
    void callLaterRunsAfterTheDelayAndCanBeCancelled() throws Exception {
        IOLoop loop = group.next();
        long start = System.nanoTime();
        CompletableFuture<Long> ran = new CompletableFuture<>();
        loop.callLater(Duration.ofMillis(100), () -> ran.complete(System.nanoTime()));
        AtomicInteger cancelledRuns = new AtomicInteger();
        Timeout cancelled = loop.callLater(Duration.ofMillis(50), cancelledRuns::incrementAndGet);
        assertThat(cancelled.cancel()).isTrue();
        long elapsed = ran.get(5, TimeUnit.SECONDS) - start;
        assertThat(elapsed).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(95));
        assertThat(cancelled.isCancelled()).isTrue();
        // the cancelled timer was due before the other one ran
        assertThat(cancelledRuns).hasValue(0);
    }

    @Test
    void callAtRunsAtTheWallClockTime() throws Exception {
        IOLoop loop = group.next();
        Instant due = Instant.now().plusMillis(80);
        CompletableFuture<Instant> ran = new CompletableFuture<>();
        loop.callAt(due, () -> ran.complete(Instant.now()));
        assertThat(ran.get(5, TimeUnit.SECONDS)).isAfterOrEqualTo(due.minusMillis(5));
    }

    @Test
    void sleepCompletesOnTheLoop() throws Exception {
        IOLoop loop = group.next();
        CompletableFuture<Boolean> completedOnLoop = new CompletableFuture<>();
        loop.sleep(Duration.ofMillis(20)).thenRun(() -> completedOnLoop.complete(loop.inLoop()));
        assertThat(completedOnLoop.get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void periodicCallbackRunsRepeatedlyUntilStopped() throws Exception {
        IOLoop loop = group.next();
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch three = new CountDownLatch(3);
        PeriodicCallback periodic = new PeriodicCallback(loop, Duration.ofMillis(20), () -> {
            runs.incrementAndGet();
            three.countDown();
        });
        periodic.start();
        assertThat(three.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(periodic.isRunning()).isTrue();
        periodic.stop();
        CompletableFuture<Integer> afterStop = new CompletableFuture<>();
        loop.addCallback(() -> afterStop.complete(runs.get()));
        int countAtStop = afterStop.get(5, TimeUnit.SECONDS);
        CompletableFuture<Integer> later = new CompletableFuture<>();
        loop.callLater(Duration.ofMillis(100), () -> later.complete(runs.get()));
        assertThat(later.get(5, TimeUnit.SECONDS)).isEqualTo(countAtStop);
        assertThat(periodic.isRunning()).isFalse();
    }

    @Test
    void anExceptionInACallbackIsLoggedAndTheLoopGoesOn() throws Exception {
        IOLoop loop = group.next();
        try (LogCapture logs = LogCapture.of("tornado.application")) {
            loop.addCallback(() -> {
                throw new IllegalStateException("boom");
            });
            CompletableFuture<Boolean> next = new CompletableFuture<>();
            loop.addCallback(() -> next.complete(true));
            assertThat(next.get(5, TimeUnit.SECONDS)).isTrue();
            assertThat(logs.await("tornado.application", "Exception in callback").getThrowableProxy().getMessage())
                    .isEqualTo("boom");
        }
    }

    @Test
    void transportNamesParseAndAutoResolvesToAConcreteTransport() {
        assertThat(Transport.parse("io-uring")).isEqualTo(Transport.IO_URING);
        assertThat(Transport.parse("EPOLL")).isEqualTo(Transport.EPOLL);
        assertThat(Transport.parse(" nio ")).isEqualTo(Transport.NIO);
        assertThatThrownBy(() -> Transport.parse("kqueue2")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kqueue2");
        assertThat(Transport.AUTO.resolve()).isIn(Transport.EPOLL, Transport.NIO);
        assertThat(group.transport()).isNotEqualTo(Transport.AUTO);
    }

    @Test
    void aNioGroupServesCallbacksToo() throws Exception {
        try (IOLoopGroup nio = new IOLoopGroup(1, Transport.NIO)) {
            assertThat(nio.transport()).isEqualTo(Transport.NIO);
            CompletableFuture<String> thread = new CompletableFuture<>();
            nio.next().addCallback(() -> thread.complete(Thread.currentThread().getName()));
            assertThat(thread.get(5, TimeUnit.SECONDS)).startsWith("tornado-ioloop");
        }
    }
}
