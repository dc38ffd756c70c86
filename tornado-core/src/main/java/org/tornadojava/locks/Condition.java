package org.tornadojava.locks;

import org.tornadojava.concurrent.Waiter;
import org.tornadojava.concurrent.WaiterQueue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Callers waiting until another one signals them, Tornado's {@code locks.Condition}. Tornado's {@code wait},
 * {@code notify(n)} and {@code notify_all} are {@link #await}, {@link #signal(int)} and {@link #signalAll()} here
 * ({@code Object} owns the Java names {@code wait} and {@code notify}). Unlike {@code java.util.concurrent}'s
 * condition it needs no lock. Thread-safe; see the package documentation for where futures complete.
 */
public final class Condition {
    private final Object lock = new Object();
    private final WaiterQueue<Boolean> waiters = new WaiterQueue<>(lock);

    /** Creates a condition nobody waits on. */
    public Condition() {
    }

    /**
     * Waits until signalled. Any thread.
     *
     * @return a future completed with true when signalled
     */
    public CompletableFuture<Boolean> await() {
        return await(null);
    }

    /**
     * Waits until signalled, at most {@code timeout}. Any thread.
     *
     * @param timeout longest wait, or null for none
     * @return a future completed with true when signalled, or with false (not an exception, as in Tornado) when
     *         the timeout passes first
     */
    public CompletableFuture<Boolean> await(Duration timeout) {
        synchronized (lock) {
            return waiters.add(timeout, Boolean.FALSE);
        }
    }

    /**
     * Wakes the oldest waiter, if any. Any thread.
     */
    public void signal() {
        signal(1);
    }

    /**
     * Wakes the {@code n} oldest waiters (fewer when fewer wait). A woken waiter whose future was cancelled in the
     * meantime passes its signal on to the next waiter. Any thread.
     *
     * @param n how many to wake
     */
    public void signal(int n) {
        List<Waiter<Boolean>> woken = new ArrayList<>(Math.min(n, 16));
        synchronized (lock) {
            while (woken.size() < n) {
                Waiter<Boolean> waiter = waiters.poll();
                if (waiter == null) {
                    break;
                }
                woken.add(waiter);
            }
        }
        for (Waiter<Boolean> waiter : woken) {
            waiter.resolve(Boolean.TRUE, ignored -> signal(1));
        }
    }

    /**
     * Wakes every waiter. Any thread.
     */
    public void signalAll() {
        List<Waiter<Boolean>> woken;
        synchronized (lock) {
            woken = waiters.pollAll();
        }
        for (Waiter<Boolean> waiter : woken) {
            waiter.resolve(Boolean.TRUE, ignored -> { });
        }
    }

    int waiterCount() {
        synchronized (lock) {
            return waiters.size();
        }
    }
}
