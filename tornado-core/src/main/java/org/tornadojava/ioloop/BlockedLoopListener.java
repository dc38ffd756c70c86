package org.tornadojava.ioloop;

import java.time.Duration;

/**
 * Told when an IOLoop stayed blocked longer than its group's blocked threshold (see
 * {@link IOLoopGroup#IOLoopGroup(int, Transport, Duration, BlockedLoopListener)}), e.g. to count it in a metric.
 * Called once per blocked episode, on the watchdog thread, after the WARN line with the loop's stack was logged;
 * it must return quickly.
 */
@FunctionalInterface
public interface BlockedLoopListener {
    /** A listener that does nothing. */
    BlockedLoopListener NONE = (loop, blockedFor) -> { };

    /**
     * A loop has not run a queued task for longer than the threshold. Watchdog thread.
     *
     * @param loop the blocked loop
     * @param blockedFor how long it has been blocked when the watchdog noticed
     */
    void loopBlocked(IOLoop loop, Duration blockedFor);
}
