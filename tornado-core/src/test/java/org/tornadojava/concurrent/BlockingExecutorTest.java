package org.tornadojava.concurrent;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tornadojava.ioloop.IOLoop;
import org.tornadojava.ioloop.IOLoopGroup;
import org.tornadojava.ioloop.Transport;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@link BlockingExecutor} on platform and virtual threads. The virtual-thread tests run on JDK 21+ only (the
 * {@code jdk25} profile of this module runs them on the JDK 25 found on the machine); on 17 they are skipped.
 */
class BlockingExecutorTest {
    private static IOLoopGroup loops;

    @BeforeAll
    static void startLoops() {
        loops = new IOLoopGroup(1, Transport.NIO);
    }

    @AfterAll
    static void stopLoops() {
        loops.close();
    }

    @Test
    void withoutVirtualThreadsTheVirtualExecutorIsUnsupported() {
        assumeFalse(Runtime.version().feature() >= 21);
        assertThat(BlockingExecutor.virtualThreadsAvailable()).isFalse();
        assertThatThrownBy(() -> BlockingExecutor.ofVirtualThreads(10))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("JDK 21");
    }

    @Test
    void onAVirtualThreadExecutorTasksRunOnVirtualThreadsAndCompleteOnTheLoop() throws Exception {
        assumeTrue(Runtime.version().feature() >= 21);
        assertThat(BlockingExecutor.virtualThreadsAvailable()).isTrue();
        IOLoop loop = loops.next();
        try (BlockingExecutor executor = BlockingExecutor.ofVirtualThreads(4)) {
            CompletableFuture<Thread> ranOn = new CompletableFuture<>();
            CompletableFuture<Boolean> completedOnLoop = new CompletableFuture<>();
            loop.addCallback(() -> executor.submit(Thread::currentThread, loop).thenAccept((thread) -> {
                completedOnLoop.complete(loop.inLoop());
                ranOn.complete(thread);
            }));
            Thread thread = ranOn.get(10, TimeUnit.SECONDS);
            assertThat((Boolean) Thread.class.getMethod("isVirtual").invoke(thread)).isTrue();
            assertThat(thread.getName()).startsWith("tornado-executor-virtual-");
            assertThat(completedOnLoop.get(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aVirtualThreadExecutorRefusesTasksBeyondItsCapacity() throws Exception {
        assumeTrue(Runtime.version().feature() >= 21);
        IOLoop loop = loops.next();
        CompletableFuture<Void> release = new CompletableFuture<>();
        try (BlockingExecutor executor = BlockingExecutor.ofVirtualThreads(2)) {
            CompletableFuture<Object> first = executor.submit(release::get, loop);
            CompletableFuture<Object> second = executor.submit(release::get, loop);
            assertThatThrownBy(() -> executor.submit(release::get, loop))
                    .isInstanceOf(RejectedExecutionException.class);
            release.complete(null);
            CompletableFuture.allOf(first, second).get(10, TimeUnit.SECONDS);
        }
    }
}
