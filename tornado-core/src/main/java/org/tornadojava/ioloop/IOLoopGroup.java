package org.tornadojava.ioloop;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Owns the IOLoop threads of a server (or a client): {@code threads} Netty event loops on one {@link Transport}.
 * Threads are named {@code tornado-ioloop-N}. With a blocked threshold, a watchdog thread logs a WARN with the
 * stack of any loop stuck in one task longer than that. Thread-safe.
 */
public final class IOLoopGroup implements AutoCloseable {
    private final Transport transport;
    private final MultiThreadIoEventLoopGroup group;
    private EventLoopGroup acceptors;
    private final List<IOLoop> loops;
    private final Map<EventExecutor, IOLoop> byEventLoop;
    private final AtomicInteger nextIndex = new AtomicInteger();
    private final Duration blockedThreshold;
    private final IOLoopWatchdog watchdog;

    /**
     * Starts the loops, without a blocked-loop watchdog.
     *
     * @param threads number of loops; 0 means one per available processor
     * @param transport the I/O mechanism; {@link Transport#AUTO} picks the best one available
     * @throws IllegalStateException when a native transport was asked for and cannot load
     */
    public IOLoopGroup(int threads, Transport transport) {
        this(threads, transport, Duration.ZERO, BlockedLoopListener.NONE);
    }

    /**
     * Starts the loops and, for a positive threshold, a watchdog: a loop that does not get to a queued task for
     * longer than {@code blockedThreshold} (a handler calling JDBC on the loop, say) is reported once, with a WARN
     * on {@code tornado.general} showing the loop thread's stack, and to {@code listener}. Tornado's
     * {@code set_blocking_log_threshold}.
     *
     * @param threads number of loops; 0 means one per available processor
     * @param transport the I/O mechanism; {@link Transport#AUTO} picks the best one available
     * @param blockedThreshold how long a loop may be stuck before it is reported; zero turns the watchdog off
     * @param listener told of each blocked episode on the watchdog thread, e.g. to count it
     * @throws IllegalStateException when a native transport was asked for and cannot load
     * @throws IllegalArgumentException for a negative thread count or threshold
     */
    public IOLoopGroup(int threads, Transport transport, Duration blockedThreshold, BlockedLoopListener listener) {
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be 0 (one per CPU) or more: " + threads);
        }
        if (blockedThreshold.isNegative()) {
            throw new IllegalArgumentException("blocked threshold must be 0 (off) or more: " + blockedThreshold);
        }
        this.transport = transport.resolve();
        int count = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        this.group = new MultiThreadIoEventLoopGroup(count, new DefaultThreadFactory("tornado-ioloop", false),
                this.transport.ioHandlerFactory());
        List<IOLoop> all = new ArrayList<>(count);
        Map<EventExecutor, IOLoop> index = new IdentityHashMap<>();
        for (EventExecutor executor : group) {
            IOLoop loop = new IOLoop((EventLoop) executor);
            all.add(loop);
            index.put(executor, loop);
        }
        this.loops = List.copyOf(all);
        this.byEventLoop = index;
        this.blockedThreshold = blockedThreshold;
        this.watchdog = blockedThreshold.isZero() ? null : new IOLoopWatchdog(loops, blockedThreshold, listener);
    }

    /**
     * How long a loop may be stuck before the watchdog reports it. Any thread.
     *
     * @return the threshold; zero when there is no watchdog
     */
    public Duration blockedThreshold() {
        return blockedThreshold;
    }

    /**
     * The transport actually in use (never {@code AUTO}). Any thread.
     *
     * @return the resolved transport
     */
    public Transport transport() {
        return transport;
    }

    /**
     * All loops of the group, in a fixed order. Any thread.
     *
     * @return an unmodifiable list
     */
    public List<IOLoop> loops() {
        return loops;
    }

    /**
     * The next loop in round-robin order, to spread work over the group. Any thread.
     *
     * @return a loop of this group
     */
    public IOLoop next() {
        return loops.get(Math.floorMod(nextIndex.getAndIncrement(), loops.size()));
    }

    /**
     * The caller's loop when it is one of this group's, otherwise the next loop in round-robin order: where work
     * asked for by the caller should live so its futures complete on the caller's loop. Any thread.
     *
     * @return a loop of this group
     */
    public IOLoop currentOrNext() {
        IOLoop caller = IOLoop.currentOrNull();
        return caller != null && byEventLoop.containsKey(caller.eventLoop()) ? caller : next();
    }

    /**
     * The IOLoop wrapping one of this group's Netty event loops. Any thread.
     *
     * @param eventLoop an event loop of this group, e.g. {@code channel.eventLoop()}
     * @return its IOLoop
     * @throws IllegalArgumentException when the event loop belongs to another group
     */
    public IOLoop loopOf(EventLoop eventLoop) {
        IOLoop loop = byEventLoop.get(eventLoop);
        if (loop == null) {
            throw new IllegalArgumentException("event loop " + eventLoop + " is not part of this group");
        }
        return loop;
    }

    /**
     * The Netty group behind the loops, for bootstraps. Any thread.
     *
     * @return the event loop group
     */
    public EventLoopGroup eventLoopGroup() {
        return group;
    }

    /**
     * The one-thread group, of the same transport, that listening sockets are registered on: apart from the IOLoops,
     * so accepting a new connection never waits behind the work of the connections a loop already serves (under
     * keep-alive load, an acceptor sharing a busy loop let new connections queue in the backlog for seconds).
     * Created on first use, shut down with the loops. Any thread.
     *
     * @return the acceptor group, for {@code ServerBootstrap.group(acceptors, eventLoopGroup())}
     */
    public synchronized EventLoopGroup acceptorGroup() {
        if (acceptors == null) {
            acceptors = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("tornado-acceptor", false),
                    transport.ioHandlerFactory());
        }
        return acceptors;
    }

    /**
     * The server socket channel class matching the transport. Any thread.
     *
     * @return the channel class for a {@code ServerBootstrap}
     */
    public Class<? extends ServerChannel> serverChannelClass() {
        return transport.serverChannelClass();
    }

    /**
     * Tells whether {@link #shutdown(Duration)} or {@link #close()} was called. Any thread.
     *
     * @return true once shutting down
     */
    public boolean isShuttingDown() {
        return group.isShuttingDown();
    }

    /**
     * Stops the loops: queued callbacks run, then the threads end. Waits at most {@code timeout}.
     * Must not be called from one of this group's loops. Any other thread.
     *
     * @param timeout longest wait for the threads to end
     * @return true when every thread ended in time
     */
    public boolean shutdown(Duration timeout) {
        if (loops.stream().anyMatch(IOLoop::inLoop)) {
            throw new IllegalStateException("an IOLoopGroup cannot be shut down from one of its own loops");
        }
        EventLoopGroup acceptorsToStop;
        synchronized (this) {
            acceptorsToStop = acceptors;
        }
        if (acceptorsToStop != null) {
            acceptorsToStop.shutdownGracefully(0, timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        if (watchdog != null) {
            watchdog.close();
        }
        group.shutdownGracefully(0, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return group.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    && (acceptorsToStop == null
                    || acceptorsToStop.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops the loops, waiting up to 10 seconds. See {@link #shutdown(Duration)}. */
    @Override
    public void close() {
        shutdown(Duration.ofSeconds(10));
    }
}
