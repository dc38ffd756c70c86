package org.tornadojava.locks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tornadojava.support.OnLoop;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ConditionTest {
    @RegisterExtension
    static final LoopPair loops = new LoopPair();

    @Test
    void signalWakesTheOldestWaitersFirst() throws Exception {
        Condition condition = new Condition();
        List<CompletableFuture<Boolean>> waits = List.of(condition.await(), condition.await(), condition.await());
        condition.signal();
        assertThat(waits.get(0).get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(waits.get(1)).isNotDone();
        condition.signal(2);
        assertThat(waits.get(1).get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(waits.get(2).get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(condition.waiterCount()).isZero();
    }

    @Test
    void signalAllWakesEveryWaiterOnItsOwnLoop() throws Exception {
        Condition condition = new Condition();
        CompletableFuture<Thread> thread = OnLoop.completionThread(loops.waiterLoop, condition::await);
        CompletableFuture<Boolean> other = condition.await();
        OnLoop.call(loops.wakerLoop, () -> {
            condition.signalAll();
            return null;
        });
        assertThat(thread.get(5, TimeUnit.SECONDS)).isSameAs(OnLoop.threadOf(loops.waiterLoop));
        assertThat(other.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(condition.waiterCount()).isZero();
    }

    @Test
    void aTimedOutWaitAnswersFalseAndLeaves() throws Exception {
        Condition condition = new Condition();
        CompletableFuture<Boolean> wait = OnLoop.call(loops.waiterLoop,
                () -> condition.await(Duration.ofMillis(20)));
        assertThat(wait.get(5, TimeUnit.SECONDS)).isFalse();
        assertThat(condition.waiterCount()).isZero();
    }

    @Test
    void aWaiterCancelledAfterBeingSignalledPassesTheSignalOn() throws Exception {
        Condition condition = new Condition();
        CompletableFuture<Boolean> first = OnLoop.call(loops.waiterLoop, () -> condition.await());
        CompletableFuture<Boolean> second = condition.await();
        CountDownLatch release = OnLoop.hold(loops.waiterLoop);
        condition.signal();
        first.cancel(false);
        release.countDown();
        assertThat(second.get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void cancelledWaitsLeaveAtOnce() {
        Condition condition = new Condition();
        for (int i = 0; i < 10_000; i++) {
            condition.await().cancel(false);
        }
        assertThat(condition.waiterCount()).isZero();
    }
}
