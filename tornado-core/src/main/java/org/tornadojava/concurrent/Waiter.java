package org.tornadojava.concurrent;

import io.netty.util.concurrent.GlobalEventExecutor;
import org.tornadojava.ioloop.IOLoop;
import org.tornadojava.ioloop.Timeout;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One caller waiting on a coordination primitive (a lock, a queue, an event): a future completed on the IOLoop the
 * caller was on when it began to wait, or directly by the waking thread when the caller was not on a loop.
 *
 * <p>A waiter is taken once: either by the primitive waking it ({@link #claim()} then {@link #resolve}) or by its
 * own timeout. A future cancelled (or completed) by its owner after a wake-up refuses the value, which then goes
 * back to the primitive through the {@code refused} callback, so no item or permit is lost. Built by
 * {@link WaiterQueue}; thread-safe.
 *
 * @param <T> what the waiter receives
 */
public final class Waiter<T> {
    private final CompletableFuture<T> future = new CompletableFuture<>();
    private final IOLoop loop;
    private final AtomicBoolean claimed = new AtomicBoolean();

    Waiter(IOLoop loop) {
        this.loop = loop;
    }

    /**
     * The future the waiting caller holds. Any thread.
     *
     * @return the future, completed on the waiter's loop (see the class documentation)
     */
    public CompletableFuture<T> future() {
        return future;
    }

    /**
     * The loop the caller was on when it began to wait. Any thread.
     *
     * @return the loop, or null when the caller was not on one
     */
    public IOLoop loop() {
        return loop;
    }

    /**
     * Takes the waiter for a wake-up; each waiter is taken at most once (by a wake-up or by its timeout). Any
     * thread.
     *
     * @return true when the caller now owns the waiter and must {@link #resolve} it; false when it was already
     *         taken or its future is done
     */
    public boolean claim() {
        return claimed.compareAndSet(false, true) && !future.isDone();
    }

    /**
     * Completes a claimed waiter's future with the value, on the waiter's loop (or here when it has none). Call it
     * outside the primitive's lock. When the future is already done by then (its owner cancelled it), the value is
     * handed to {@code refused} instead. Any thread.
     *
     * @param value what the waiter receives
     * @param refused takes the value back when the future no longer wants it; runs on the waiter's loop
     */
    public void resolve(T value, Consumer<? super T> refused) {
        Runnable delivery = () -> {
            if (!future.complete(value)) {
                refused.accept(value);
            }
        };
        if (loop == null) {
            delivery.run();
            return;
        }
        try {
            loop.addCallback(delivery);
        } catch (RejectedExecutionException loopStopped) {
            delivery.run();
        }
    }

    /** A wait's timeout: thrown by a timer, so its stack trace would say nothing; left out, as it costs. */
    private static final class WaitTimeout extends TimeoutException {
        private static final long serialVersionUID = 1L;

        WaitTimeout(Duration timeout) {
            super("timed out after " + timeout);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    void expireAfter(Duration timeout, T valueOnTimeout, boolean failOnTimeout, Runnable leave) {
        Runnable expiry = () -> {
            if (claimed.compareAndSet(false, true)) {
                leave.run();
                if (failOnTimeout) {
                    future.completeExceptionally(new WaitTimeout(timeout));
                } else {
                    future.complete(valueOnTimeout);
                }
            }
        };
        if (loop != null) {
            Timeout timer = loop.callLater(timeout, expiry);
            future.whenComplete((value, error) -> timer.cancel());
        } else {
            var timer = GlobalEventExecutor.INSTANCE.schedule(expiry, Math.max(0, timeout.toNanos()),
                    TimeUnit.NANOSECONDS);
            future.whenComplete((value, error) -> timer.cancel(false));
        }
    }
}
