package org.tornadojava.concurrent;

import org.tornadojava.ioloop.IOLoop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The first-in, first-out waiters of one coordination primitive, the building block of {@code locks} and
 * {@code queues}. A waiter leaves the queue as soon as its future completes, whatever completed it (a wake-up, its
 * timeout, or its owner cancelling it), so timed-out and cancelled waits leave nothing behind.
 *
 * <p>Threading: the primitive guards its state and this queue with one monitor, given to the constructor. Call
 * {@link #add}, {@link #poll}, {@link #pollAll} and {@link #size} while holding it; hold it only for short,
 * non-blocking sections, and {@link Waiter#resolve resolve} claimed waiters after releasing it. A timeout runs on
 * the waiter's loop ({@link IOLoop#callLater}), or on Netty's global executor for a waiter that is not on a loop.
 *
 * @param <T> what a waiter receives
 */
public final class WaiterQueue<T> {
    private final Object lock;
    private final LinkedHashSet<Waiter<T>> waiters = new LinkedHashSet<>();

    /**
     * Creates an empty queue guarded by the primitive's monitor.
     *
     * @param lock the monitor the primitive synchronizes on
     */
    public WaiterQueue(Object lock) {
        this.lock = lock;
    }

    /**
     * Adds a waiter for the calling thread (its IOLoop, if any), failing with
     * {@link java.util.concurrent.TimeoutException} when {@code timeout} passes first. Holding the lock.
     *
     * @param timeout longest wait, or null to wait without limit
     * @return the waiter's future
     */
    public CompletableFuture<T> add(Duration timeout) {
        return add(timeout, null, true, null);
    }

    /**
     * Adds a waiter for the calling thread, completed with {@code valueOnTimeout} when {@code timeout} passes first
     * (Tornado's {@code Condition.wait} answers false). Holding the lock.
     *
     * @param timeout longest wait, or null to wait without limit
     * @param valueOnTimeout the result when the wait times out
     * @return the waiter's future
     */
    public CompletableFuture<T> add(Duration timeout, T valueOnTimeout) {
        return add(timeout, valueOnTimeout, false, null);
    }

    /**
     * Same as {@link #add(Duration)}, and runs {@code cleanup} holding the lock when the waiter gives up (times out
     * or is cancelled) before being woken, e.g. to drop what the waiter brought. Holding the lock.
     *
     * @param timeout longest wait, or null to wait without limit
     * @param cleanup what to undo when the waiter leaves without being woken; given the waiter's future
     * @return the waiter's future
     */
    public CompletableFuture<T> addWithCleanup(Duration timeout, Consumer<CompletableFuture<T>> cleanup) {
        return add(timeout, null, true, cleanup);
    }

    private CompletableFuture<T> add(Duration timeout, T valueOnTimeout, boolean failOnTimeout,
            Consumer<CompletableFuture<T>> cleanup) {
        Waiter<T> waiter = new Waiter<>(IOLoop.currentOrNull());
        waiters.add(waiter);
        Runnable leave = () -> {
            synchronized (lock) {
                if (waiters.remove(waiter) && cleanup != null) {
                    cleanup.accept(waiter.future());
                }
            }
        };
        waiter.future().whenComplete((value, error) -> leave.run());
        if (timeout != null) {
            waiter.expireAfter(timeout, valueOnTimeout, failOnTimeout, leave);
        }
        return waiter.future();
    }

    /**
     * Removes and claims the oldest waiter still waiting. Holding the lock.
     *
     * @return the claimed waiter, to {@link Waiter#resolve resolve} after releasing the lock; null when none waits
     */
    public Waiter<T> poll() {
        Iterator<Waiter<T>> it = waiters.iterator();
        while (it.hasNext()) {
            Waiter<T> waiter = it.next();
            it.remove();
            if (waiter.claim()) {
                return waiter;
            }
        }
        return null;
    }

    /**
     * Removes and claims every waiter still waiting, oldest first. Holding the lock.
     *
     * @return the claimed waiters, to resolve after releasing the lock
     */
    public List<Waiter<T>> pollAll() {
        List<Waiter<T>> claimed = new ArrayList<>(waiters.size());
        for (Waiter<T> waiter : waiters) {
            if (waiter.claim()) {
                claimed.add(waiter);
            }
        }
        waiters.clear();
        return claimed;
    }

    /**
     * Waiters in the queue. Holding the lock.
     *
     * @return the number of waiters
     */
    public int size() {
        return waiters.size();
    }
}
