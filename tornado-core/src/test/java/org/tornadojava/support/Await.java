package org.tornadojava.support;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Polls a condition with a deadline, for results that arrive on other threads (no sleeps in tests). */
public final class Await {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private Await() {
    }

    /** Waits until the condition holds, failing after 10 seconds. */
    public static void until(BooleanSupplier condition) {
        until(condition, DEFAULT_TIMEOUT);
    }

    /** Waits until the condition holds, failing after {@code timeout}. */
    public static void until(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }
}
