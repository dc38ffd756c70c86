package org.tornadojava.concurrent;

import io.netty.util.concurrent.DefaultThreadFactory;
import org.tornadojava.ioloop.IOLoop;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The pool for blocking work ({@code tornado.executor.*}), Tornado's {@code run_in_executor} bridge: a task runs
 * on one of {@code threads} named daemon threads ({@code tornado-executor-N}) and its result is delivered on an
 * IOLoop, so the continuation runs where the handler lives. At most {@code queueCapacity} tasks wait; beyond that
 * a submission is refused at once (handlers answer 503). Idle threads end after a minute. On a JDK with virtual
 * threads (21+), {@link #ofVirtualThreads(int)} runs each task on a virtual thread instead. Thread-safe.
 */
public final class BlockingExecutor implements Executor, AutoCloseable {
    /** Default number of threads, {@value}. */
    public static final int DEFAULT_THREADS = 10;
    /** Default number of queued tasks, {@value}. */
    public static final int DEFAULT_QUEUE_CAPACITY = 1000;

    private final ThreadPoolExecutor pool;

    /**
     * Creates the pool; threads start on demand.
     *
     * @param threads how many tasks run at once, at least 1
     * @param queueCapacity how many tasks may wait, at least 1
     */
    public BlockingExecutor(int threads, int queueCapacity) {
        if (threads < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("executor needs at least 1 thread and a queue of at least 1, got "
                    + threads + " threads and " + queueCapacity);
        }
        this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queueCapacity), new DefaultThreadFactory("tornado-executor", true),
                new ThreadPoolExecutor.AbortPolicy());
        this.pool.allowCoreThreadTimeOut(true);
    }

    private BlockingExecutor(ThreadPoolExecutor pool) {
        this.pool = pool;
    }

    /**
     * Creates a pool that runs each task on a virtual thread ({@code tornado-executor-virtual-N}): up to
     * {@code maxTasks} tasks run at once, none waits in a queue, and a submission beyond that is refused at once
     * (handlers answer 503), so a flood of blocking calls stays bounded as with platform threads. Idle virtual
     * threads are kept a minute for reuse. Any thread.
     *
     * @param maxTasks how many tasks may run at once, at least 1 ({@code tornado.executor.queue-capacity})
     * @return the pool
     * @throws UnsupportedOperationException when this JDK has no virtual threads (before 21)
     */
    public static BlockingExecutor ofVirtualThreads(int maxTasks) {
        if (maxTasks < 1) {
            throw new IllegalArgumentException("a virtual-thread executor needs room for at least 1 task, got "
                    + maxTasks);
        }
        ThreadPoolExecutor pool = new ThreadPoolExecutor(maxTasks, maxTasks, 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), virtualThreadFactory(), new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
        return new BlockingExecutor(pool);
    }

    /**
     * Tells whether this JDK has virtual threads, i.e. whether {@link #ofVirtualThreads(int)} works. Any thread.
     *
     * @return true on JDK 21 and later
     */
    public static boolean virtualThreadsAvailable() {
        try {
            Thread.class.getMethod("ofVirtual");
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** {@code Thread.ofVirtual().name("tornado-executor-virtual-", 0).factory()}, called reflectively on Java 17. */
    private static ThreadFactory virtualThreadFactory() {
        try {
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            Class<?> builderType = Class.forName("java.lang.Thread$Builder");
            Method name = builderType.getMethod("name", String.class, long.class);
            builder = name.invoke(builder, "tornado-executor-virtual-", 0L);
            return (ThreadFactory) builderType.getMethod("factory").invoke(builder);
        } catch (NoSuchMethodException | ClassNotFoundException e) {
            throw new UnsupportedOperationException("virtual threads need JDK 21 or later; this is "
                    + Runtime.version(), e);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot create virtual threads: " + e, e);
        }
    }

    /**
     * Runs the task on the pool; the returned future completes on {@code loop} with the task's result or
     * exception. Any thread.
     *
     * @param task the blocking work
     * @param loop where the future is completed
     * @param <T> the result type
     * @return the future of the result
     * @throws RejectedExecutionException when the queue is full or the pool is shut down
     */
    public <T> CompletableFuture<T> submit(Callable<T> task, IOLoop loop) {
        return loop.runInExecutor(pool, task);
    }

    /**
     * Runs the task on the pool, for {@link IOLoop#runInExecutor}. Any thread.
     *
     * @param task the blocking work
     * @throws RejectedExecutionException when the queue is full or the pool is shut down
     */
    @Override
    public void execute(Runnable task) {
        pool.execute(task);
    }

    /**
     * Tasks waiting for a thread. Any thread.
     *
     * @return the queue length
     */
    public int queued() {
        return pool.getQueue().size();
    }

    /**
     * Tasks running now. Any thread.
     *
     * @return the number of busy threads
     */
    public int active() {
        return pool.getActiveCount();
    }

    /**
     * Stops taking tasks and waits up to {@code timeout} for running and queued ones to end. Any thread.
     *
     * @param timeout longest wait
     * @return true when every task ended in time
     */
    public boolean shutdown(Duration timeout) {
        pool.shutdown();
        try {
            return pool.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Tells whether {@link #shutdown(Duration)} was called. Any thread.
     *
     * @return true once shut down
     */
    public boolean isShutdown() {
        return pool.isShutdown();
    }

    /** Shuts down, waiting up to 10 seconds. See {@link #shutdown(Duration)}. */
    @Override
    public void close() {
        shutdown(Duration.ofSeconds(10));
    }
}
