package org.tornadojava.ioloop;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Runs a callback on an IOLoop every period, like Tornado's {@code PeriodicCallback}.
 *
 * <p>The schedule stays aligned to the start time: when a run overruns one or more periods, the missed runs are
 * skipped rather than queued. {@link #start()} and {@link #stop()} may be called from any thread; the callback
 * always runs on the loop. An exception from the callback is logged on {@code tornado.application} and the
 * schedule goes on.
 */
public final class PeriodicCallback {
    private static final Logger APP_LOG = LoggerFactory.getLogger("tornado.application");

    private final IOLoop loop;
    private final Runnable callback;
    private final long periodNanos;
    private volatile boolean running;
    private long nextDeadline;
    private Timeout pending;

    /**
     * Creates a stopped periodic callback.
     *
     * @param loop the loop the callback runs on
     * @param period time between runs; must be positive
     * @param callback what to run
     */
    public PeriodicCallback(IOLoop loop, Duration period, Runnable callback) {
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("period must be positive: " + period);
        }
        this.loop = loop;
        this.callback = callback;
        this.periodNanos = period.toNanos();
    }

    /** Starts running the callback every period, the first time one period from now. Any thread. */
    public void start() {
        loop.addCallback(() -> {
            if (!running) {
                running = true;
                nextDeadline = System.nanoTime() + periodNanos;
                schedule();
            }
        });
    }

    /** Stops the schedule; a run already under way finishes. Any thread. */
    public void stop() {
        running = false;
        loop.addCallback(() -> {
            if (pending != null) {
                pending.cancel();
                pending = null;
            }
        });
    }

    /**
     * Tells whether the callback is scheduled. Any thread.
     *
     * @return true between {@link #start()} and {@link #stop()}
     */
    public boolean isRunning() {
        return running;
    }

    private void schedule() {
        pending = loop.callLater(Duration.ofNanos(nextDeadline - System.nanoTime()), this::run);
    }

    private void run() {
        if (!running) {
            return;
        }
        try {
            callback.run();
        } catch (Throwable e) {
            APP_LOG.error("Exception in periodic callback {}", callback, e);
        }
        long now = System.nanoTime();
        nextDeadline += periodNanos;
        if (nextDeadline <= now) {
            long missed = (now - nextDeadline) / periodNanos + 1;
            nextDeadline += missed * periodNanos;
        }
        if (running) {
            schedule();
        }
    }
}
