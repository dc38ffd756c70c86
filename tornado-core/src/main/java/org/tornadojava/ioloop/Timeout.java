package org.tornadojava.ioloop;

import java.util.concurrent.ScheduledFuture;

/**
 * Handle of a callback scheduled with {@link IOLoop#callLater} or {@link IOLoop#callAt}.
 * Thread-safe: {@link #cancel()} may be called from any thread.
 */
public final class Timeout {
    private final ScheduledFuture<?> future;

    Timeout(ScheduledFuture<?> future) {
        this.future = future;
    }

    /**
     * Cancels the callback if it has not run yet. Any thread.
     *
     * @return true when the callback will not run because of this call
     */
    public boolean cancel() {
        return future.cancel(false);
    }

    /**
     * Tells whether the callback was cancelled. Any thread.
     *
     * @return true after a successful {@link #cancel()}
     */
    public boolean isCancelled() {
        return future.isCancelled();
    }
}
