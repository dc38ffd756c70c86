package org.tornadojava.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the requests of one {@link HttpServer} that were handed to the delegate and whose response has not
 * reached the socket yet, so a graceful shutdown can wait for them. {@link #started()} and {@link #ended()} are
 * called on IOLoop threads; {@link #awaitIdle(Duration)} on the thread shutting the server down. Thread-safe.
 */
final class InFlightRequests {
    private final AtomicInteger count = new AtomicInteger();
    private volatile boolean awaited;

    /** A request was handed to the delegate. IOLoop thread. */
    void started() {
        count.incrementAndGet();
    }

    /** A request's response was written (or its connection closed). Exactly once per started request. */
    void ended() {
        if (count.decrementAndGet() == 0 && awaited) {
            synchronized (this) {
                notifyAll();
            }
        }
    }

    /** Requests in flight now. Any thread. */
    int count() {
        return count.get();
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
            while (count.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return count.get() == 0;
        } finally {
            awaited = false;
        }
    }
}
