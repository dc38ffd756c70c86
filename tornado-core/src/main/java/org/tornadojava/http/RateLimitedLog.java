package org.tornadojava.http;

import org.slf4j.Logger;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * One WARN line per condition and interval instead of one per occurrence, for conditions that repeat under overload
 * (out of file descriptors, a full executor queue): the first occurrence is logged at once, later ones within the
 * interval are only counted, and the next line logged says how many there were. Thread-safe and lock-free; the
 * caller's thread, usually an IOLoop.
 */
public final class RateLimitedLog {
    private final Logger logger;
    private final String message;
    private final long intervalNanos;
    private final AtomicLong nextLine;
    private final LongAdder suppressed = new LongAdder();

    /**
     * A log for one condition.
     *
     * @param logger where the lines go, at WARN
     * @param message what happened, without the count, e.g. {@code cannot accept connections}
     * @param interval the shortest time between two lines
     */
    public RateLimitedLog(Logger logger, String message, Duration interval) {
        this.logger = logger;
        this.message = message;
        this.intervalNanos = interval.toNanos();
        this.nextLine = new AtomicLong(System.nanoTime());
    }

    /**
     * Records one occurrence; logs a line when none was logged within the interval. Any thread.
     *
     * @param detail what this occurrence adds (e.g. the exception's message), or null
     * @return true when a line was logged
     */
    public boolean warn(String detail) {
        long now = System.nanoTime();
        long next = nextLine.get();
        if (now - next < 0 || !nextLine.compareAndSet(next, now + intervalNanos)) {
            suppressed.increment();
            return false;
        }
        long more = suppressed.sumThenReset();
        String text = detail == null ? message : message + ": " + LogText.escape(detail);
        if (more > 0) {
            logger.warn("{} ({} more since the last report)", text, more);
        } else {
            logger.warn(text);
        }
        return true;
    }
}
