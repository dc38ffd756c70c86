package org.tornadojava.testing;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AwaitTest {
    @Test
    void returnsOnceAnotherThreadMadeTheConditionTrue() {
        AtomicInteger value = new AtomicInteger();
        CompletableFuture.runAsync(() -> value.set(3));
        Await.until(() -> value.get() == 3);
        assertThat(value.get()).isEqualTo(3);
    }

    @Test
    void failsWithTheDescriptionWhenTheDeadlinePasses() {
        assertThatThrownBy(() -> Await.until(() -> false, Duration.ofMillis(20), () -> "no connection closed"))
                .isInstanceOf(AssertionError.class).hasMessage("no connection closed within PT0.02S");
    }
}
