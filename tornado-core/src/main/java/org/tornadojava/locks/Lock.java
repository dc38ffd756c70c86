package org.tornadojava.locks;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Mutual exclusion for asynchronous code, Tornado's {@code locks.Lock}: at most one holder, waiters served
 * first-in, first-out. Not reentrant and not tied to a thread: whoever holds it may release it from any thread.
 * Tornado's {@code async with lock:} is {@link #withLock(Supplier)}. Thread-safe; see the package documentation
 * for where futures complete.
 */
public final class Lock {
    private final BoundedSemaphore block = new BoundedSemaphore(1);

    /** Creates an unlocked lock. */
    public Lock() {
    }

    /**
     * Takes the lock, waiting while another caller holds it. Any thread.
     *
     * @return a future completed with null once the caller holds the lock
     */
    public CompletableFuture<Void> acquire() {
        return block.acquire();
    }

    /**
     * Takes the lock, waiting at most {@code timeout}. Any thread.
     *
     * @param timeout longest wait, or null for none
     * @return a future completed with null once the caller holds the lock, or failed with
     *         {@link java.util.concurrent.TimeoutException} when the timeout passes first
     */
    public CompletableFuture<Void> acquire(Duration timeout) {
        return block.acquire(timeout);
    }

    /**
     * Releases the lock: the oldest waiter gets it. Any thread.
     *
     * @throws IllegalStateException when the lock is not held
     */
    public void release() {
        try {
            block.release();
        } catch (IllegalStateException e) {
            throw new IllegalStateException("release unlocked lock", e);
        }
    }

    /**
     * Runs {@code body} holding the lock and releases it when the returned stage completes: Tornado's
     * {@code async with lock:}. Any thread; the body runs on the caller's loop.
     *
     * @param body the guarded work
     * @param <T> the result type
     * @return a future of the body's result
     */
    public <T> CompletableFuture<T> withLock(Supplier<? extends CompletionStage<T>> body) {
        return block.withPermit(body);
    }

    /**
     * Tells whether someone holds the lock. Any thread.
     *
     * @return true when locked
     */
    public boolean isLocked() {
        return block.permits() == 0;
    }

    int waiterCount() {
        return block.waiterCount();
    }
}
