package org.tornadojava.queues;

import java.util.ArrayDeque;
import java.util.Collections;

/**
 * A {@link Queue} that gets the most recently put item first, Tornado's {@code queues.LifoQueue}. Thread-safe.
 *
 * @param <T> the item type
 */
public final class LifoQueue<T> extends Queue<T> {
    /** Creates an unbounded LIFO queue. */
    public LifoQueue() {
        this(0);
    }

    /**
     * Creates a LIFO queue.
     *
     * @param maxsize the most items it holds; 0 for no limit
     */
    public LifoQueue(int maxsize) {
        super(maxsize, Collections.asLifoQueue(new ArrayDeque<>()));
    }
}
