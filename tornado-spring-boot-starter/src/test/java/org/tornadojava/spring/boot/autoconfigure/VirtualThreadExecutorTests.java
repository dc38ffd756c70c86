package org.tornadojava.spring.boot.autoconfigure;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.Test;
import org.tornadojava.concurrent.BlockingExecutor;
import org.tornadojava.ioloop.IOLoopGroup;
import org.tornadojava.testing.LogCapture;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code tornado.executor.virtual-threads} and {@code spring.threads.virtual.enabled}. */
class VirtualThreadExecutorTests {
    @Test
    void onAJdkWithoutVirtualThreadsTheSettingFallsBackToPlatformThreadsWithOneWarn() {
        assumeFalse(BlockingExecutor.virtualThreadsAvailable());
        try (LogCapture logs = LogCapture.of(TornadoPropertiesMapper.class.getName())) {
            TestContexts.runner().withBean(HelloHandler.class)
                    .withPropertyValues("spring.threads.virtual.enabled=true", "tornado.executor.threads=3")
                    .run((context) -> assertThat(executorThreadName(context.getBean(BlockingExecutor.class),
                            context.getBean(IOLoopGroup.class)))
                            .startsWith("tornado-executor-").doesNotContain("virtual"));
            assertThat(logs.messagesAtLeast(Level.WARN)).containsExactly("spring.threads.virtual.enabled=true but Java "
                    + Runtime.version().feature() + " has no virtual threads: runOnExecutor uses 3 platform threads "
                    + "(tornado.executor.threads)");
        }
    }

    @Test
    void tornadoExecutorVirtualThreadsRunsTasksOnVirtualThreads() {
        assumeTrue(BlockingExecutor.virtualThreadsAvailable());
        TestContexts.runner().withBean(HelloHandler.class).withPropertyValues("tornado.executor.virtual-threads=true")
                .run((context) -> assertThat(executorThreadName(context.getBean(BlockingExecutor.class),
                        context.getBean(IOLoopGroup.class))).startsWith("tornado-executor-virtual-"));
    }

    @Test
    void tornadoExecutorVirtualThreadsFalseWinsOverSpringsSetting() {
        try (LogCapture logs = LogCapture.of(TornadoPropertiesMapper.class.getName())) {
            TestContexts.runner().withBean(HelloHandler.class)
                    .withPropertyValues("spring.threads.virtual.enabled=true", "tornado.executor.virtual-threads=false")
                    .run((context) -> assertThat(executorThreadName(context.getBean(BlockingExecutor.class),
                            context.getBean(IOLoopGroup.class))).doesNotContain("virtual"));
            assertThat(logs.events()).isEmpty();
        }
    }

    private static String executorThreadName(BlockingExecutor executor, IOLoopGroup loops) throws Exception {
        return executor.submit(() -> Thread.currentThread().getName(), loops.next()).get(10, TimeUnit.SECONDS);
    }
}
