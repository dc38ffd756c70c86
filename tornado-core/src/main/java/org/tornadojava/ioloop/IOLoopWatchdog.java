package org.tornadojava.ioloop;

import io.netty.util.concurrent.DefaultThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Tornado's {@code set_blocking_log_threshold} (Vert.x's blocked-thread checker) for a group of IOLoops: one
 * daemon thread, {@code tornado-ioloop-watchdog}, posts a heartbeat task to every loop and checks, every half
 * threshold, whether it ran. A heartbeat still waiting after the threshold means the loop is stuck in a task (a
 * JDBC call, a {@code Thread.sleep}, a long computation): one WARN on {@code tornado.general} shows the loop
 * thread's stack at that moment, then the {@link BlockedLoopListener} is told. A loop is reported once per
 * blocked episode; the next heartbeat that runs ends it. Nothing is added to the tasks the loops run for
 * requests: the cost is one tiny task per loop per half threshold. Created and closed by {@link IOLoopGroup}.
 */
final class IOLoopWatchdog implements AutoCloseable {
    private static final Logger GENERAL_LOG = LoggerFactory.getLogger("tornado.general");
    private static final long IDLE = Long.MIN_VALUE;
    private static final long MIN_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final List<Pulse> pulses;
    private final Duration threshold;
    private final long thresholdNanos;
    private final BlockedLoopListener listener;
    private final ScheduledThreadPoolExecutor timer;

    IOLoopWatchdog(List<IOLoop> loops, Duration threshold, BlockedLoopListener listener) {
        this.pulses = loops.stream().map(Pulse::new).toList();
        this.threshold = threshold;
        this.thresholdNanos = threshold.toNanos();
        this.listener = listener;
        this.timer = new ScheduledThreadPoolExecutor(1, new DefaultThreadFactory("tornado-ioloop-watchdog", true));
        long period = Math.max(thresholdNanos / 2, MIN_CHECK_NANOS);
        timer.scheduleWithFixedDelay(this::check, 0, period, TimeUnit.NANOSECONDS);
    }

    /** One round on the watchdog thread: post a heartbeat to idle loops, report loops whose heartbeat waits. */
    private void check() {
        long now = System.nanoTime();
        for (Pulse pulse : pulses) {
            long postedAt = pulse.postedAt;
            if (postedAt == IDLE) {
                pulse.post(now);
            } else if (!pulse.reported && now - postedAt >= thresholdNanos) {
                pulse.reported = true;
                report(pulse, Duration.ofNanos(now - postedAt));
            }
        }
    }

    private void report(Pulse pulse, Duration blockedFor) {
        Thread thread = pulse.loop.thread();
        StringBuilder stack = new StringBuilder();
        if (thread != null) {
            for (StackTraceElement frame : thread.getStackTrace()) {
                stack.append("\n\tat ").append(frame);
            }
        }
        GENERAL_LOG.warn("IOLoop {} blocked for {} ms (threshold {} ms); it is running:{}",
                thread == null ? "?" : thread.getName(), blockedFor.toMillis(), threshold.toMillis(), stack);
        try {
            listener.loopBlocked(pulse.loop, blockedFor);
        } catch (RuntimeException e) {
            GENERAL_LOG.warn("Blocked-loop listener failed", e);
        }
    }

    /** Stops the watchdog thread and waits (at most a second) until it ended. Any thread but the watchdog's. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The heartbeat of one loop: posted by the watchdog, run on the loop. */
    private static final class Pulse implements Runnable {
        final IOLoop loop;
        volatile long postedAt = IDLE;
        boolean reported;

        Pulse(IOLoop loop) {
            this.loop = loop;
        }

        void post(long now) {
            if (loop.eventLoop().isShuttingDown()) {
                return;
            }
            reported = false;
            postedAt = now;
            try {
                loop.eventLoop().execute(this);
            } catch (RejectedExecutionException e) {
                postedAt = IDLE;
            }
        }

        @Override
        public void run() {
            postedAt = IDLE;
        }
    }
}
