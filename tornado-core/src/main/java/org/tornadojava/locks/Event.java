package org.tornadojava.locks;

import org.tornadojava.concurrent.Waiter;
import org.tornadojava.concurrent.WaiterQueue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A flag that callers wait for, Tornado's {@code locks.Event}: {@link #await()} completes once the flag is set. The
 * flag starts cleared. Thread-safe; see the package documentation for where futures complete.
 */
public final class Event {
    private final Object lock = new Object();
    private final WaiterQueue<Void> waiters = new WaiterQueue<>(lock);
    private boolean value;

    /** Creates an event whose flag is cleared. */
    public Event() {
    }

    /**
     * Tells whether the flag is set. Any thread.
     *
     * @return true when set
     */
    public boolean isSet() {
        synchronized (lock) {
            return value;
        }
    }

    /**
     * Sets the flag and wakes every waiter; later waits complete at once until {@link #clear()}. Any thread.
     */
    public void set() {
        List<Waiter<Void>> woken;
        synchronized (lock) {
            if (value) {
                return;
            }
            value = true;
            woken = waiters.pollAll();
        }
        for (Waiter<Void> waiter : woken) {
            waiter.resolve(null, ignored -> { });
        }
    }

    /**
     * Clears the flag, so later waits wait again. Any thread.
     */
    public void clear() {
        synchronized (lock) {
            value = false;
        }
    }

    /**
     * Waits until the flag is set, Tornado's {@code Event.wait()}. Any thread.
     *
     * @return a future completed with null once the flag is set (already completed when it is set now)
     */
    public CompletableFuture<Void> await() {
        return await(null);
    }

    /**
     * Waits until the flag is set, at most {@code timeout}: Tornado's {@code Event.wait(timeout)}. Any thread.
     *
     * @param timeout longest wait, or null for none
     * @return a future completed with null once the flag is set, or failed with
     *         {@link java.util.concurrent.TimeoutException} on the caller's loop when the timeout passes first
     */
    public CompletableFuture<Void> await(Duration timeout) {
        synchronized (lock) {
            if (value) {
                return CompletableFuture.completedFuture(null);
            }
            return waiters.add(timeout);
        }
    }

    int waiterCount() {
        synchronized (lock) {
            return waiters.size();
        }
    }
}
