package org.tornadojava.testing;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Polls a condition with a deadline, for results that show up on other threads without a future to wait on (a
 * connection count, a log line): a test never sleeps a fixed time. Every method blocks the calling thread, so
 * call them from the test thread, never an IOLoop.
 */
public final class Await {
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private Await() {
    }

    /**
     * Waits until the condition holds, up to twice {@link AsyncTestTimeout#get()} (10 seconds by default).
     *
     * @param condition checked every 5 ms
     * @throws AssertionError when the condition still fails at the deadline
     */
    public static void until(BooleanSupplier condition) {
        until(condition, AsyncTestTimeout.get().multipliedBy(2));
    }

    /**
     * Waits until the condition holds.
     *
     * @param condition checked every 5 ms
     * @param timeout the longest wait
     * @throws AssertionError when the condition still fails at the deadline
     */
    public static void until(BooleanSupplier condition, Duration timeout) {
        until(condition, timeout, () -> "condition not met");
    }

    /**
     * Waits until the condition holds, describing the failure.
     *
     * @param condition checked every 5 ms
     * @param timeout the longest wait
     * @param failure what went wrong, computed only when the deadline passes
     * @throws AssertionError with the description and the timeout when the condition still fails at the deadline
     */
    public static void until(BooleanSupplier condition, Duration timeout, Supplier<String> failure) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(failure.get() + " within " + timeout);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }
}
