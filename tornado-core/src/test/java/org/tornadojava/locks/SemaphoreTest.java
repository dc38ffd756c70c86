package org.tornadojava.locks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tornadojava.support.OnLoop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SemaphoreTest {
    @RegisterExtension
    static final LoopPair loops = new LoopPair();

    @Test
    void permitsRunOutAndReleasesServeWaitersFirstInFirstOut() throws Exception {
        Semaphore semaphore = new Semaphore(2);
        assertThat(semaphore.acquire()).isDone();
        assertThat(semaphore.acquire()).isDone();
        CompletableFuture<Void> third = semaphore.acquire();
        CompletableFuture<Void> fourth = semaphore.acquire();
        assertThat(third).isNotDone();
        semaphore.release();
        third.get(5, TimeUnit.SECONDS);
        assertThat(fourth).isNotDone();
        semaphore.release();
        fourth.get(5, TimeUnit.SECONDS);
        assertThat(semaphore.permits()).isZero();
        semaphore.release();
        assertThat(semaphore.permits()).isEqualTo(1);
        assertThatThrownBy(() -> new Semaphore(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReleaseOnAnotherLoopCompletesTheAcquireOnTheWaitersLoop() throws Exception {
        Semaphore semaphore = new Semaphore(0);
        CompletableFuture<Thread> thread = OnLoop.completionThread(loops.waiterLoop, semaphore::acquire);
        OnLoop.call(loops.wakerLoop, () -> {
            semaphore.release();
            return null;
        });
        assertThat(thread.get(5, TimeUnit.SECONDS)).isSameAs(OnLoop.threadOf(loops.waiterLoop));
    }

    @Test
    void aTimedOutAcquireHoldsNothingAndLeaves() throws Exception {
        Semaphore semaphore = new Semaphore(0);
        CompletableFuture<Void> acquire = OnLoop.call(loops.waiterLoop,
                () -> semaphore.acquire(Duration.ofMillis(20)));
        assertThatThrownBy(() -> acquire.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(TimeoutException.class);
        assertThat(semaphore.waiterCount()).isZero();
        semaphore.release();
        assertThat(semaphore.permits()).isEqualTo(1);
    }

    @Test
    void anAcquireCancelledAfterTheHandOffGivesThePermitBack() throws Exception {
        Semaphore semaphore = new Semaphore(0);
        CompletableFuture<Void> acquire = OnLoop.call(loops.waiterLoop, () -> semaphore.acquire());
        CountDownLatch release = OnLoop.hold(loops.waiterLoop);
        semaphore.release();
        acquire.cancel(false);
        release.countDown();
        OnLoop.call(loops.waiterLoop, () -> null);
        assertThat(semaphore.permits()).isEqualTo(1);
    }

    @Test
    void withPermitReleasesWhenTheBodyFails() throws Exception {
        Semaphore semaphore = new Semaphore(1);
        CompletableFuture<String> failed = semaphore.withPermit(
                () -> CompletableFuture.failedFuture(new IllegalStateException("body failed")));
        assertThatThrownBy(() -> failed.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasRootCauseMessage("body failed");
        CompletableFuture<String> thrown = semaphore.withPermit(() -> {
            throw new IllegalArgumentException("thrown");
        });
        assertThatThrownBy(() -> thrown.get(5, TimeUnit.SECONDS)).hasRootCauseMessage("thrown");
        assertThat(semaphore.permits()).isEqualTo(1);
        assertThat(semaphore.withPermit(() -> CompletableFuture.completedFuture("ok")).get(5, TimeUnit.SECONDS))
                .isEqualTo("ok");
        assertThat(semaphore.permits()).isEqualTo(1);
    }

    @Test
    void boundedSemaphoreRefusesAReleaseBeyondItsInitialValue() {
        BoundedSemaphore semaphore = new BoundedSemaphore(1);
        semaphore.acquire();
        semaphore.release();
        assertThatThrownBy(semaphore::release).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("released too many times");
        assertThat(semaphore.permits()).isEqualTo(1);
    }

    @Test
    void manyTimedOutAndCancelledAcquiresLeaveNoWaiter() throws Exception {
        Semaphore semaphore = new Semaphore(0);
        List<CompletableFuture<Void>> acquires = OnLoop.call(loops.waiterLoop, () -> {
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                all.add(semaphore.acquire(Duration.ZERO));
                semaphore.acquire().cancel(false);
            }
            return all;
        });
        CompletableFuture.allOf(acquires.toArray(CompletableFuture[]::new)).handle((v, e) -> null)
                .get(10, TimeUnit.SECONDS);
        assertThat(acquires).allMatch(CompletableFuture::isCompletedExceptionally);
        assertThat(semaphore.waiterCount()).isZero();
    }
}
