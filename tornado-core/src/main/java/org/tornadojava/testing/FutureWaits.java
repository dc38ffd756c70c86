package org.tornadojava.testing;

import org.tornadojava.ioloop.IOLoop;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Blocks a test thread on a future with a deadline; refuses to block an IOLoop. */
final class FutureWaits {
    private FutureWaits() {
    }

    /**
     * Waits for the stage's result. Not on an IOLoop.
     *
     * @param stage what to wait for
     * @param timeout the longest wait
     * @param what names the awaited result in the failure message
     * @return the result
     * @throws AssertionError when the timeout passes (the stage is then cancelled)
     * @throws IllegalStateException when called on an IOLoop thread
     */
    static <T> T await(CompletionStage<T> stage, Duration timeout, String what) {
        if (IOLoop.currentOrNull() != null) {
            throw new IllegalStateException(what + " would block an IOLoop; in a @GenTest use the *Async variant");
        }
        try {
            return stage.toCompletableFuture().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            stage.toCompletableFuture().cancel(true);
            throw new AssertionError(what + " did not complete within " + timeout + " (" + AsyncTestTimeout
                    .ENVIRONMENT_VARIABLE + ")", e);
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        } catch (CancellationException e) {
            throw new AssertionError(what + " was cancelled", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what, e);
        }
    }

    private static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new CompletionException(cause);
    }
}
