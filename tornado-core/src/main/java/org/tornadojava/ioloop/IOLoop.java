package org.tornadojava.ioloop;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.FastThreadLocal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

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
