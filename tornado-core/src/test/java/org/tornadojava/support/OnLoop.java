package org.tornadojava.support;

import org.tornadojava.ioloop.IOLoop;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Runs test code on an IOLoop and reports where asynchronous results arrived. */
public final class OnLoop {
    private OnLoop() {
    }

    /** Runs the action on the loop and returns its result, failing after 10 seconds. */
    public static <T> T call(IOLoop loop, Supplier<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        loop.addCallback(() -> {
            try {
                result.complete(action.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(10, TimeUnit.SECONDS);
    }

    /** The thread running the loop. */
    public static Thread threadOf(IOLoop loop) throws Exception {
        return call(loop, Thread::currentThread);
    }

    /**
     * Starts the wait on the loop and returns a future of the thread on which the wait's future completed (whatever
     * its outcome), observed by a callback registered on the loop when the wait began.
     */
    public static CompletableFuture<Thread> completionThread(IOLoop loop, Supplier<? extends CompletableFuture<?>> wait)
            throws Exception {
        CompletableFuture<Thread> seen = new CompletableFuture<>();
        call(loop, () -> wait.get().whenComplete((value, error) -> seen.complete(Thread.currentThread())));
        return seen;
    }

    /**
     * Blocks the loop until the returned latch is counted down, so a test can queue work behind it (bounded: the
     * loop is released after 10 seconds whatever happens).
     */
    public static CountDownLatch hold(IOLoop loop) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch held = new CountDownLatch(1);
        loop.addCallback(() -> {
            held.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        if (!held.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("loop not held within 10 seconds");
        }
        return release;
    }
}
