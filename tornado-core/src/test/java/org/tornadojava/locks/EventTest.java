package org.tornadojava.locks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tornadojava.support.OnLoop;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventTest {
    @RegisterExtension
    static final LoopPair loops = new LoopPair();

    @Test
    void setWakesEveryWaiterOnItsOwnLoop() throws Exception {
        Event event = new Event();
        CompletableFuture<Thread> onLoop = OnLoop.completionThread(loops.waiterLoop, event::await);
        CompletableFuture<Void> offLoop = event.await();
        assertThat(event.waiterCount()).isEqualTo(2);
        assertThat(offLoop).isNotDone();
        OnLoop.call(loops.wakerLoop, () -> {
            event.set();
            return null;
        });
        assertThat(onLoop.get(5, TimeUnit.SECONDS)).isSameAs(OnLoop.threadOf(loops.waiterLoop));
        offLoop.get(5, TimeUnit.SECONDS);
        assertThat(event.isSet()).isTrue();
        assertThat(event.waiterCount()).isZero();
    }

    @Test
    void aWaitWhileSetCompletesAtOnceAndClearMakesItWaitAgain() {
        Event event = new Event();
        event.set();
        assertThat(event.await()).isDone();
        event.clear();
        assertThat(event.isSet()).isFalse();
        assertThat(event.await()).isNotDone();
    }

    @Test
    void aWaitTimesOutOnTheWaitersLoopAndLeaves() throws Exception {
        Event event = new Event();
        CompletableFuture<Void> wait = OnLoop.call(loops.waiterLoop, () -> event.await(Duration.ofMillis(20)));
        CompletableFuture<Thread> thread = OnLoop.completionThread(loops.waiterLoop,
                () -> event.await(Duration.ofMillis(20)));
        assertThatThrownBy(() -> wait.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(TimeoutException.class);
        assertThat(thread.get(5, TimeUnit.SECONDS)).isSameAs(OnLoop.threadOf(loops.waiterLoop));
        assertThat(event.waiterCount()).isZero();
    }

    @Test
    void aCancelledWaitLeavesAtOnce() {
        Event event = new Event();
        CompletableFuture<Void> wait = event.await();
        wait.cancel(false);
        assertThat(event.waiterCount()).isZero();
    }
}
