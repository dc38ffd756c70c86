package org.tornadojava.httpclient;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tornadojava.ioloop.IOLoop;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The client's shared state: at most {@code maxClients} exchanges in flight, a first-in, first-out queue of the
 * ones waiting for a slot, and the idle kept-alive connections per {@link PoolKey} and IOLoop (an exchange only
 * reuses a connection of its own loop). Idle connections are closed after the idle timeout or when the server
 * closes them.
 *
 * <p>Thread-safe: the state is guarded by one lock held only for a few map and queue operations, never while
 * doing I/O or running callbacks. A waiter is granted its slot on its own loop.
 */
final class ConnectionPool {
    private static final Logger GENERAL_LOG = LoggerFactory.getLogger("tornado.general");

    private final Object lock = new Object();
    private final int maxClients;
    private final Duration idleTimeout;
    private final ArrayDeque<Exchange> waiting = new ArrayDeque<>();
    private final Map<PoolKey, Map<IOLoop, ArrayDeque<ClientConnection>>> idle = new HashMap<>();
    private int inFlight;
    private boolean closed;

    ConnectionPool(int maxClients, Duration idleTimeout) {
        this.maxClients = maxClients;
        this.idleTimeout = idleTimeout;
    }

    /** What {@link #acquire} did. */
    enum Acquired {
        /** The slot is the caller's now. */
        TAKEN,
        /** The exchange waits; {@link Exchange#slotGranted()} runs on its loop once a slot is free. */
        QUEUED,
        /** The pool is closed: no slot will ever be granted. */
        CLOSED
    }

    /**
     * Takes a slot, or queues the exchange for one. Any thread.
     *
     * @param exchange the exchange asking
     * @return whether the slot was taken, the exchange queued, or the pool is closed
     */
    Acquired acquire(Exchange exchange) {
        synchronized (lock) {
            if (closed) {
                return Acquired.CLOSED;
            }
            if (inFlight < maxClients) {
                inFlight++;
                return Acquired.TAKEN;
            }
            waiting.add(exchange);
        }
        GENERAL_LOG.debug("maxClients limit reached, request queued: {} active, {} queued", maxClients,
                queued());
        return Acquired.QUEUED;
    }

    /**
     * Takes a queued exchange out of the queue (it timed out or was cancelled). Any thread.
     *
     * @param exchange the exchange
     * @return true when it held no slot; false when a slot was granted meanwhile (then the caller releases it)
     */
    boolean leaveQueue(Exchange exchange) {
        synchronized (lock) {
            return waiting.remove(exchange) || closed;
        }
    }

    /** Gives a slot back: the next waiter gets it, on its own loop. Any thread. */
    void release() {
        Exchange next;
        synchronized (lock) {
            next = closed ? null : waiting.poll();
            if (next == null) {
                inFlight--;
            }
        }
        if (next != null) {
            next.loop().execute(next::slotGranted);
        }
    }

    /**
     * Takes an open idle connection of the key on the loop, closing dead ones found on the way. On that loop.
     *
     * @param key what the connection must serve
     * @param loop the caller's loop
     * @return a connection, or null when there is none
     */
    ClientConnection takeIdle(PoolKey key, IOLoop loop) {
        while (true) {
            ClientConnection connection;
            synchronized (lock) {
                ArrayDeque<ClientConnection> connections = idleOn(key, loop);
                connection = connections == null ? null : connections.pollLast();
                dropIfEmpty(key, loop, connections);
            }
            if (connection == null) {
                return null;
            }
            connection.cancelIdleTimer();
            if (connection.channel().isActive()) {
                return connection;
            }
            connection.close();
        }
    }

    /**
     * Puts a connection back after a complete exchange, until the idle timeout. On the connection's loop.
     *
     * @param connection an open connection with no exchange
     */
    void offer(ClientConnection connection) {
        boolean kept;
        synchronized (lock) {
            kept = !closed;
            if (kept) {
                idle.computeIfAbsent(connection.key(), k -> new HashMap<>())
                        .computeIfAbsent(connection.loop(), l -> new ArrayDeque<>())
                        .addLast(connection);
            }
        }
        if (!kept) {
            connection.close();
            return;
        }
        connection.startIdleTimer(idleTimeout, () -> {
            if (remove(connection)) {
                GENERAL_LOG.debug("Closing the idle connection to {} after {}", connection.key(), idleTimeout);
                connection.close();
            }
        });
        connection.watchClose(() -> {
            if (remove(connection)) {
                GENERAL_LOG.debug("Idle connection to {} closed by the server", connection.key());
                connection.cancelIdleTimer();
            }
        });
    }

    private boolean remove(ClientConnection connection) {
        synchronized (lock) {
            ArrayDeque<ClientConnection> connections = idleOn(connection.key(), connection.loop());
            boolean removed = connections != null && connections.remove(connection);
            dropIfEmpty(connection.key(), connection.loop(), connections);
            return removed;
        }
    }

    /** The idle connections of the key on the loop, or null. Under the lock. */
    private ArrayDeque<ClientConnection> idleOn(PoolKey key, IOLoop loop) {
        Map<IOLoop, ArrayDeque<ClientConnection>> byLoop = idle.get(key);
        return byLoop == null ? null : byLoop.get(loop);
    }

    /** Forgets an emptied queue, and the key when no loop has idle connections for it. Under the lock. */
    private void dropIfEmpty(PoolKey key, IOLoop loop, ArrayDeque<ClientConnection> connections) {
        if (connections != null && connections.isEmpty()) {
            Map<IOLoop, ArrayDeque<ClientConnection>> byLoop = idle.get(key);
            byLoop.remove(loop);
            if (byLoop.isEmpty()) {
                idle.remove(key);
            }
        }
    }

    /**
     * A loop holding an idle connection for the key, to run an exchange of a caller that is not on a loop of the
     * client. Any thread.
     *
     * @param key what the connection must serve
     * @return such a loop, or null
     */
    IOLoop loopWithIdle(PoolKey key) {
        synchronized (lock) {
            Map<IOLoop, ArrayDeque<ClientConnection>> byLoop = idle.get(key);
            return byLoop == null || byLoop.isEmpty() ? null : byLoop.keySet().iterator().next();
        }
    }

    /**
     * Requests waiting for a slot. Any thread.
     *
     * @return the queue length
     */
    int queued() {
        synchronized (lock) {
            return waiting.size();
        }
    }

    /**
     * Stops the pool: closes the idle connections and returns the queued exchanges, which will never get a slot.
     * Any thread.
     *
     * @return the exchanges that were waiting
     */
    List<Exchange> close() {
        List<Exchange> abandoned;
        List<ClientConnection> toClose = new ArrayList<>();
        synchronized (lock) {
            closed = true;
            abandoned = new ArrayList<>(waiting);
            waiting.clear();
            for (Map<IOLoop, ArrayDeque<ClientConnection>> byLoop : idle.values()) {
                byLoop.values().forEach(toClose::addAll);
            }
            idle.clear();
        }
        for (ClientConnection connection : toClose) {
            connection.channel().close();
        }
        return abandoned;
    }
}
