package org.tornadojava.ioloop;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunSyncTest {
    @Test
    void runSyncRunsMainOnATemporaryLoopAndReturnsItsResult() throws Exception {
        String result = IOLoop.runSync(() -> IOLoop.current().sleep(Duration.ofMillis(5))
                .thenApply(v -> Thread.currentThread().getName()), Duration.ofSeconds(10));
        assertThat(result).startsWith("tornado-ioloop");
    }

    @Test
    void runSyncRethrowsTheStagesFailure() {
        assertThatThrownBy(() -> IOLoop.runSync(
                () -> CompletableFuture.failedFuture(new IllegalArgumentException("bad input")),
                Duration.ofSeconds(10))).isInstanceOf(IllegalArgumentException.class).hasMessage("bad input");
        assertThatThrownBy(() -> IOLoop.runSync(
                () -> CompletableFuture.failedFuture(new IOException("checked")), Duration.ofSeconds(10)))
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(IOException.class);
    }

    @Test
    void runSyncTimesOutAndCancelsTheStage() throws Exception {
        try (IOLoopGroup group = new IOLoopGroup(1, Transport.AUTO)) {
            CompletableFuture<String> never = new CompletableFuture<>();
            assertThatThrownBy(() -> IOLoop.runSync(group, () -> never, Duration.ofMillis(50)))
                    .isInstanceOf(TimeoutException.class);
            assertThat(never.handle((v, e) -> e).get(5, TimeUnit.SECONDS))
                    .isInstanceOf(java.util.concurrent.CancellationException.class);
            assertThat(group.isShuttingDown()).isFalse();
        }
    }

    @Test
    void runSyncOnALoopThreadIsRefused() throws Exception {
        try (IOLoopGroup group = new IOLoopGroup(1, Transport.AUTO)) {
            CompletableFuture<Throwable> refused = new CompletableFuture<>();
            group.next().addCallback(() -> {
                try {
                    IOLoop.runSync(() -> CompletableFuture.completedFuture(1), Duration.ofSeconds(1));
                    refused.complete(null);
                } catch (Throwable e) {
                    refused.complete(e);
                }
            });
            assertThat(refused.get(5, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cannot run on an IOLoop thread");
        }
    }
}
