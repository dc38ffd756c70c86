package org.tornadojava.locks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tornadojava.support.OnLoop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LockTest {
    @RegisterExtension
    static final LoopPair loops = new LoopPair();

    @Test
    void withLockAdmitsOneHolderAtATimeAcrossLoopsInArrivalOrder() throws Exception {
        Lock lock = new Lock();
        AtomicInteger holders = new AtomicInteger();
        AtomicInteger mostHolders = new AtomicInteger();
        List<Integer> order = new CopyOnWriteArrayList<>();
        List<CompletableFuture<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int n = i;
            var loop = n % 2 == 0 ? loops.waiterLoop : loops.wakerLoop;
            runs.add(OnLoop.call(loop, () -> lock.withLock(() -> {
                mostHolders.accumulateAndGet(holders.incrementAndGet(), Math::max);
                order.add(n);
                return loop.sleep(Duration.ofMillis(2)).thenApply(v -> {
                    holders.decrementAndGet();
                    return n;
                });
            })));
        }
        for (CompletableFuture<Integer> run : runs) {
            run.get(10, TimeUnit.SECONDS);
        }
        assertThat(mostHolders.get()).isEqualTo(1);
        assertThat(order).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(lock.isLocked()).isFalse();
    }

    @Test
    void releasingAnUnlockedLockIsAnError() {
        Lock lock = new Lock();
        assertThatThrownBy(lock::release).isInstanceOf(IllegalStateException.class)
                .hasMessage("release unlocked lock");
    }

    @Test
    void anAcquireTimesOutOnItsLoopAndLeaves() throws Exception {
        Lock lock = new Lock();
        lock.acquire().get(5, TimeUnit.SECONDS);
        CompletableFuture<Void> second = OnLoop.call(loops.waiterLoop, () -> lock.acquire(Duration.ofMillis(20)));
        CompletableFuture<Thread> thread = OnLoop.completionThread(loops.waiterLoop,
                () -> lock.acquire(Duration.ofMillis(20)));
        assertThatThrownBy(() -> second.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(TimeoutException.class);
        assertThat(thread.get(5, TimeUnit.SECONDS)).isSameAs(OnLoop.threadOf(loops.waiterLoop));
        assertThat(lock.waiterCount()).isZero();
        lock.release();
        assertThat(lock.isLocked()).isFalse();
    }

    @Test
    void cancellingAWithLockCallThatWaitsGivesUpTheWait() throws Exception {
        Lock lock = new Lock();
        lock.acquire().get(5, TimeUnit.SECONDS);
        AtomicInteger ran = new AtomicInteger();
        CompletableFuture<Object> waiting = lock.withLock(() -> {
            ran.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        });
        waiting.cancel(false);
        assertThat(lock.waiterCount()).isZero();
        lock.release();
        assertThat(lock.isLocked()).isFalse();
        assertThat(ran.get()).isZero();
    }
}
