package org.tornadojava.ioloop;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.FastThreadLocal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * One event-loop thread, Tornado's {@code IOLoop} on top of a Netty {@link EventLoop}.
 *
 * <p>Every connection, and every {@code RequestHandler} serving it, is confined to one IOLoop. Code running
 * elsewhere hands work to the loop with {@link #addCallback(Runnable)}; the loop also implements
 * {@link Executor}, so {@code future.thenAcceptAsync(action, loop)} continues on it. Unlike Tornado, every
 * method of this class is thread-safe. Exceptions thrown by callbacks are logged on {@code tornado.application}
 * and do not stop the loop.
 */
public final class IOLoop implements Executor {
    private static final Logger APP_LOG = LoggerFactory.getLogger("tornado.application");
    private static final FastThreadLocal<IOLoop> CURRENT = new FastThreadLocal<>();

    private final EventLoop eventLoop;
    private volatile Thread thread;

    IOLoop(EventLoop eventLoop) {
        this.eventLoop = eventLoop;
        eventLoop.execute(() -> {
            thread = Thread.currentThread();
            CURRENT.set(this);
        });
    }

    /** The loop's thread, known once the loop ran its first task (before any other), else null. Any thread. */
    Thread thread() {
        return thread;
    }

    /**
     * Returns the IOLoop of the calling thread.
     *
     * @return the loop running the caller
     * @throws IllegalStateException when called from a thread that is not an IOLoop
     */
    public static IOLoop current() {
        IOLoop loop = CURRENT.get();
        if (loop == null) {
            throw new IllegalStateException("not on an IOLoop thread: " + Thread.currentThread().getName());
        }
        return loop;
    }

    /**
     * Returns the IOLoop of the calling thread, or null when the caller is not on one. Any thread.
     *
     * @return the loop running the caller, or null
     */
    public static IOLoop currentOrNull() {
        return CURRENT.get();
    }

    /**
     * The Netty event loop behind this IOLoop, for code that works with Netty directly. Any thread.
     *
     * @return the event loop
     */
    public EventLoop eventLoop() {
        return eventLoop;
    }

    /**
     * Tells whether the caller runs on this loop's thread. Any thread.
     *
     * @return true on this loop's thread
     */
    public boolean inLoop() {
        return eventLoop.inEventLoop();
    }

    /**
     * Runs the callback on this loop, after what is already queued. The only way to reach a loop from another
     * thread, as in Tornado; callbacks added from one thread run in the order they were added. Any thread.
     *
     * @param callback what to run
     */
    public void addCallback(Runnable callback) {
        eventLoop.execute(guarded(callback));
    }

    /**
     * Same as {@link #addCallback(Runnable)}, so the loop can serve as an {@link Executor}. Any thread.
     *
     * @param command what to run
     */
    @Override
    public void execute(Runnable command) {
        addCallback(command);
    }

    /**
     * Runs the callback on this loop after the delay. Any thread.
     *
     * @param delay how long to wait; zero or negative runs it on the next turn
     * @param callback what to run
     * @return a handle to cancel it
     */
    public Timeout callLater(Duration delay, Runnable callback) {
        long nanos = Math.max(0, delay.toNanos());
        return new Timeout(eventLoop.schedule(guarded(callback), nanos, TimeUnit.NANOSECONDS));
    }

    /**
     * Runs the callback on this loop at the given wall-clock time. Any thread.
     *
     * @param when when to run it; a time in the past runs it on the next turn
     * @param callback what to run
     * @return a handle to cancel it
     */
    public Timeout callAt(Instant when, Runnable callback) {
        return callLater(Duration.between(Instant.now(), when), callback);
    }

    /**
     * A future completed on this loop after the delay: Tornado's {@code gen.sleep}. Any thread.
     *
     * @param delay how long to wait
     * @return a future completed with null on this loop once the delay has passed
     */
    public CompletableFuture<Void> sleep(Duration delay) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        callLater(delay, () -> done.complete(null));
        return done;
    }

    /**
     * Runs blocking work on {@code executor} and delivers its outcome on this loop, Tornado's
     * {@code IOLoop.run_in_executor}. Any thread.
     *
     * @param executor where the task runs, e.g. a {@code BlockingExecutor}
     * @param task the blocking work
     * @param <T> the result type
     * @return a future completed on this loop with the task's result, or failed with what it threw
     * @throws java.util.concurrent.RejectedExecutionException when the executor refuses the task
     */
    public <T> CompletableFuture<T> runInExecutor(Executor executor, Callable<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        executor.execute(() -> {
            T value;
            try {
                value = task.call();
            } catch (Throwable e) {
                addCallback(() -> result.completeExceptionally(e));
                return;
            }
            addCallback(() -> result.complete(value));
        });
        return result;
    }

    /**
     * Runs {@code main} on a loop of a temporary one-thread group and waits for the stage it returns, Tornado's
     * {@code IOLoop.current().run_sync(main, timeout)}: for {@code main} methods and scripts. The group is stopped
     * before this returns. Only from a thread that is not an IOLoop (it blocks the caller).
     *
     * @param main builds the work; called on the loop
     * @param timeout longest wait
     * @param <T> the result type
     * @return the stage's result
     * @throws TimeoutException when the stage is not complete in time (the stage is then cancelled)
     * @throws IllegalStateException when called on an IOLoop thread
     * @throws RuntimeException the stage's failure: unchecked ones as they are, checked ones in a
     *         {@link CompletionException}
     */
    public static <T> T runSync(Supplier<? extends CompletionStage<T>> main, Duration timeout)
            throws TimeoutException {
        requireNotOnLoop();
        try (IOLoopGroup group = new IOLoopGroup(1, Transport.AUTO)) {
            return runSync(group, main, timeout);
        }
    }

    /**
     * Runs {@code main} on the next loop of {@code group} and waits for the stage it returns; the group keeps
     * running. See {@link #runSync(Supplier, Duration)}. Only from a thread that is not an IOLoop.
     *
     * @param group where {@code main} runs
     * @param main builds the work; called on the loop
     * @param timeout longest wait
     * @param <T> the result type
     * @return the stage's result
     * @throws TimeoutException when the stage is not complete in time (the stage is then cancelled)
     * @throws IllegalStateException when called on an IOLoop thread
     * @throws RuntimeException the stage's failure: unchecked ones as they are, checked ones in a
     *         {@link CompletionException}
     */
    public static <T> T runSync(IOLoopGroup group, Supplier<? extends CompletionStage<T>> main, Duration timeout)
            throws TimeoutException {
        requireNotOnLoop();
        CompletableFuture<T> result = new CompletableFuture<>();
        group.next().addCallback(() -> {
            CompletableFuture<T> stage;
            try {
                stage = main.get().toCompletableFuture();
            } catch (Throwable e) {
                result.completeExceptionally(e);
                return;
            }
            stage.whenComplete((value, error) -> {
                if (error != null) {
                    result.completeExceptionally(error);
                } else {
                    result.complete(value);
                }
            });
            result.whenComplete((value, error) -> stage.cancel(false));
        });
        try {
            return result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            result.cancel(false);
            throw new TimeoutException("runSync timed out after " + timeout);
        } catch (InterruptedException e) {
            result.cancel(false);
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        } catch (ExecutionException e) {
            throw unchecked(e.getCause());
        }
    }

    private static void requireNotOnLoop() {
        if (currentOrNull() != null) {
            throw new IllegalStateException("runSync blocks its caller and cannot run on an IOLoop thread: "
                    + Thread.currentThread().getName());
        }
    }

    private static RuntimeException unchecked(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
    }

    private static Runnable guarded(Runnable callback) {
        return () -> {
            try {
                callback.run();
            } catch (Throwable e) {
                APP_LOG.error("Exception in callback {}", callback, e);
            }
        };
    }

    @Override
    public String toString() {
        return "IOLoop[" + eventLoop + "]";
    }
}
