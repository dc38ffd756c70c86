package org.tornadojava.http;

import java.util.function.LongSupplier;

/**
 * The clock of one connection: {@link System#nanoTime()}, read at most once per incoming read. While a read is passed
 * down the pipeline, everything it causes (the head deadline, the request's start, the idle deadline after an answer
 * written at once) shares the first reading, so a request costs one clock reading instead of three. Outside a read
 * the clock is read each time. {@link RequestTimeouts} marks where a read starts and ends; the timeouts and the
 * connection both tell time with it.
 *
 * <p>IOLoop thread only.
 */
final class RequestClock {
    private final LongSupplier source;
    private boolean inRead;
    private boolean readTimeKnown;
    private long readNanos;

    /** A clock reading {@link System#nanoTime()}. */
    RequestClock() {
        this(System::nanoTime);
    }

    /**
     * A clock reading {@code source}, for tests that move time themselves.
     *
     * @param source nanoseconds in the domain of {@link System#nanoTime()}
     */
    RequestClock(LongSupplier source) {
        this.source = source;
    }

    /** A read is being passed on: the next {@link #now()} reads the clock, the ones after it share that reading. */
    void readStarted() {
        inRead = true;
        readTimeKnown = false;
    }

    /** The read was passed on: from now on each {@link #now()} reads the clock again. */
    void readEnded() {
        inRead = false;
    }

    /**
     * The time now, in {@link System#nanoTime()}'s domain: during a read the reading shared by all it causes.
     *
     * @return nanoseconds
     */
    long now() {
        if (!inRead) {
            return source.getAsLong();
        }
        if (!readTimeKnown) {
            readNanos = source.getAsLong();
            readTimeKnown = true;
        }
        return readNanos;
    }
}
