package org.tornadojava.ioloop;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.Test;
import org.tornadojava.testing.LogCapture;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The blocked-loop watchdog of {@link IOLoopGroup}: Tornado's {@code set_blocking_log_threshold}. */
class IOLoopWatchdogTest {
    private static final Duration THRESHOLD = Duration.ofMillis(50);

    @Test
    void aLoopBlockedLongerThanTheThresholdIsLoggedOnceWithItsStackAndReported() throws Exception {
        List<IOLoop> reported = new CopyOnWriteArrayList<>();
        CompletableFuture<Duration> blocked = new CompletableFuture<>();
        try (LogCapture logs = LogCapture.of("tornado.general");
             IOLoopGroup group = new IOLoopGroup(1, Transport.NIO, THRESHOLD, (loop, blockedFor) -> {
                 reported.add(loop);
                 blocked.complete(blockedFor);
             })) {
            IOLoop loop = group.loops().get(0);
            CompletableFuture<Void> unblocked = new CompletableFuture<>();
            loop.addCallback(() -> waitLikeAJdbcCall(blocked));
            loop.addCallback(() -> unblocked.complete(null));
            assertThat(blocked.get(10, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(THRESHOLD);
            unblocked.get(10, TimeUnit.SECONDS);
            assertThat(reported).containsExactly(loop);
            List<String> warnings = logs.messagesAtLeast(Level.WARN);
            assertThat(warnings).hasSize(1);
            assertThat(warnings.get(0)).startsWith("IOLoop tornado-ioloop-").contains("blocked for")
                    .contains("threshold 50 ms").contains(getClass().getName() + ".waitLikeAJdbcCall");
        }
    }

    @Test
    void aGroupWithoutThresholdHasNoWatchdog() {
        try (IOLoopGroup group = new IOLoopGroup(1, Transport.NIO)) {
            assertThat(group.blockedThreshold()).isZero();
        }
    }

    @Test
    void aNegativeThresholdIsRefused() {
        assertThatThrownBy(() -> new IOLoopGroup(1, Transport.NIO, Duration.ofMillis(-1), BlockedLoopListener.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blocked threshold");
    }

    /** Holds the loop until the watchdog reported it, as a JDBC call on the loop would (at most 10 seconds). */
    private static void waitLikeAJdbcCall(CompletableFuture<Duration> reported) {
        try {
            reported.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
