package org.tornadojava.locks;

import org.tornadojava.concurrent.Waiter;
import org.tornadojava.concurrent.WaiterQueue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * A counter of permits, Tornado's {@code locks.Semaphore}: {@link #acquire()} takes one, waiting (without blocking
 * a thread) while none is left; {@link #release()} gives one back to the oldest waiter. Tornado's
 * {@code async with sem:} is {@link #withPermit(Supplier)}. Thread-safe; see the package documentation for where
 * futures complete.
 */
public class Semaphore {
    private final Object lock = new Object();
    private final WaiterQueue<Void> waiters = new WaiterQueue<>(lock);
    private int value;

    /**
     * Creates a semaphore with one permit.
     */
    public Semaphore() {
        this(1);
    }

    /**
     * Creates a semaphore.
     *
     * @param value the number of permits, 0 or more
     * @throws IllegalArgumentException when negative
     */
    public Semaphore(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("semaphore initial value must be >= 0, got " + value);
        }
        this.value = value;
    }

    /**
     * Takes a permit, waiting for one if none is left. Any thread.
     *
     * @return a future completed with null once the caller holds a permit
     */
    public CompletableFuture<Void> acquire() {
        return acquire(null);
    }

    /**
     * Takes a permit, waiting at most {@code timeout}. Any thread.
     *
     * @param timeout longest wait, or null for none
     * @return a future completed with null once the caller holds a permit, or failed with
     *         {@link java.util.concurrent.TimeoutException} (holding nothing) when the timeout passes first
     */
    public CompletableFuture<Void> acquire(Duration timeout) {
        synchronized (lock) {
            if (value > 0) {
                value--;
                return CompletableFuture.completedFuture(null);
            }
            return waiters.add(timeout);
        }
    }

    /**
     * Gives a permit back: the oldest waiter gets it, or the count grows. Any thread.
     *
     * @throws IllegalStateException from a {@link BoundedSemaphore} released more often than acquired
     */
    public void release() {
        Waiter<Void> next;
        synchronized (lock) {
            checkRelease(value);
            next = waiters.poll();
            if (next == null) {
                value++;
            }
        }
        if (next != null) {
            next.resolve(null, ignored -> release());
        }
    }

    /**
     * Runs {@code body} holding a permit and gives the permit back when the stage it returns completes, however it
     * completes: Tornado's {@code async with sem:}. The body runs on the caller's loop. Cancelling the returned
     * future while the permit is awaited gives up the wait. Any thread.
     *
     * @param body the guarded work
     * @param <T> the result type
     * @return a future of the body's result
     */
    public <T> CompletableFuture<T> withPermit(Supplier<? extends CompletionStage<T>> body) {
        CompletableFuture<Void> acquired = acquire();
        CompletableFuture<T> result = acquired.thenCompose(ignored -> {
            CompletionStage<T> stage;
            try {
                stage = body.get();
            } catch (RuntimeException | Error e) {
                release();
                throw e;
            }
            return stage.whenComplete((value, error) -> release());
        });
        result.whenComplete((value, error) -> {
            if (result.isCancelled()) {
                acquired.cancel(false);
            }
        });
        return result;
    }

    /**
     * Hook for {@link BoundedSemaphore}: refuses a release that would exceed the initial value. Called holding the
     * semaphore's monitor.
     *
     * @param current the permits left before this release
     */
    void checkRelease(int current) {
    }

    int waiterCount() {
        synchronized (lock) {
            return waiters.size();
        }
    }

    int permits() {
        synchronized (lock) {
            return value;
        }
    }
}
