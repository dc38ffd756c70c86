package org.tornadojava.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the requests of one {@link HttpServer} that were handed to the delegate and whose response has not
 * reached the socket yet, so a graceful shutdown can wait for them. {@link #started()} and {@link #ended()} are
 * called on IOLoop threads; {@link #awaitIdle(Duration)} on the thread shutting the server down. Thread-safe.
 *
 * <p>Every request of every loop updates the count, so it is a {@link LongAdder} (no cache line shared by the
 * loops); the waiting side sums it, and re-checks at least every 10 ms in case a wake-up raced with its check.
 */
final class InFlightRequests {
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final LongAdder count = new LongAdder();
    private volatile boolean awaited;

    /** A request was handed to the delegate. IOLoop thread. */
    void started() {
        count.increment();
    }

    /** A request's response was written (or its connection closed). Exactly once per started request. */
    void ended() {
        count.decrement();
        if (awaited && count.sum() == 0) {
            synchronized (this) {
                notifyAll();
            }
        }
    }

    /** Requests in flight now. Any thread. */
    int count() {
        return (int) count.sum();
    }

    /**
     * Blocks until no request is in flight or the timeout elapsed. Not on an IOLoop.
     *
     * @return true when idle in time
     */
    synchronized boolean awaitIdle(Duration timeout) {
        awaited = true;
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (count.sum() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, RECHECK_NANOS));
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return count.sum() == 0;
        } finally {
            awaited = false;
        }
    }
}
