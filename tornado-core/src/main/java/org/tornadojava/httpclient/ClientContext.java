package org.tornadojava.httpclient;

import org.tornadojava.ioloop.IOLoop;
import org.tornadojava.ioloop.IOLoopGroup;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What every fetch of one client shares: the settings, the loops, the pool and the connector, and whether the
 * client is closed. Thread-safe.
 */
final class ClientContext {
    private final HttpClientOptions options;
    private final IOLoopGroup loops;
    private final ConnectionPool pool;
    private final Connector connector;
    private final AtomicBoolean closed = new AtomicBoolean();

    ClientContext(HttpClientOptions options, IOLoopGroup loops, ConnectionPool pool, Connector connector) {
        this.options = options;
        this.loops = loops;
        this.pool = pool;
        this.connector = connector;
    }

    HttpClientOptions options() {
        return options;
    }

    ConnectionPool pool() {
        return pool;
    }

    Connector connector() {
        return connector;
    }

    boolean isClosed() {
        return closed.get();
    }

    /** Marks the client closed; returns true for the first call only. */
    boolean markClosed() {
        return closed.compareAndSet(false, true);
    }

    /**
     * The loop an exchange runs on: the caller's when it is one of the client's loops; otherwise a loop that has
     * an idle connection for the key, or the next loop in turn. Any thread.
     *
     * @param caller the caller's IOLoop, or null
     * @param key where the exchange goes
     * @return a loop of the client
     */
    IOLoop loopFor(IOLoop caller, PoolKey key) {
        if (caller != null && loops.loops().contains(caller)) {
            return caller;
        }
        IOLoop withIdle = pool.loopWithIdle(key);
        return withIdle != null ? withIdle : loops.next();
    }
}
