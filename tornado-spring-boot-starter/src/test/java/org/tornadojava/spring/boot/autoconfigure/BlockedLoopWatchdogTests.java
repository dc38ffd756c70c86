package org.tornadojava.spring.boot.autoconfigure;

import ch.qos.logback.classic.Level;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.tornadojava.ioloop.IOLoop;
import org.tornadojava.ioloop.IOLoopGroup;
import org.tornadojava.testing.Await;
import org.tornadojava.testing.LogCapture;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code tornado.ioloop.blocked-threshold}: the watchdog logs a blocked loop and counts it in Micrometer. */
class BlockedLoopWatchdogTests {
    @Test
    void aLoopBlockedPastTheThresholdIsLoggedAndCounted() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (LogCapture logs = LogCapture.of("tornado.general")) {
            TestContexts.runner().withBean(HelloHandler.class)
                    .withPropertyValues("tornado.ioloop.blocked-threshold=50ms").run((context) -> {
                        context.getBean(TornadoBlockedLoopMetrics.class).bindTo(registry);
                        FunctionCounter blocked = registry.get(TornadoBlockedLoopMetrics.COUNTER).functionCounter();
                        IOLoop loop = context.getBean(IOLoopGroup.class).next();
                        CompletableFuture<Void> released = new CompletableFuture<>();
                        loop.addCallback(() -> {
                            Await.until(() -> blocked.count() == 1, Duration.ofSeconds(10));
                            released.complete(null);
                        });
                        released.get(15, TimeUnit.SECONDS);
                    });
            assertThat(logs.messagesAtLeast(Level.WARN)).singleElement().asString()
                    .contains("blocked for").contains("threshold 50 ms")
                    .contains(getClass().getName() + ".lambda$aLoopBlockedPastTheThresholdIsLoggedAndCounted");
        }
    }

    @Test
    void theThresholdIsTwoSecondsByDefaultAndZeroTurnsTheWatchdogOff() {
        TestContexts.runner().withBean(HelloHandler.class).run((context) -> assertThat(
                context.getBean(IOLoopGroup.class).blockedThreshold()).isEqualTo(Duration.ofSeconds(2)));
        TestContexts.runner().withBean(HelloHandler.class).withPropertyValues("tornado.ioloop.blocked-threshold=0")
                .run((context) -> assertThat(context.getBean(IOLoopGroup.class).blockedThreshold()).isZero());
    }
}
