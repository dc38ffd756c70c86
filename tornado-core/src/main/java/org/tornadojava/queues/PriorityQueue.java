package org.tornadojava.queues;

import java.util.Comparator;

/**
 * A {@link Queue} that gets the lowest item first, Tornado's {@code queues.PriorityQueue}: by natural order, or by a
 * comparator (Tornado's entries are typically {@code (priority, data)} tuples; here a comparator on a field does
 * the same). Thread-safe.
 *
 * @param <T> the item type; {@link Comparable} unless a comparator is given
 */
public final class PriorityQueue<T> extends Queue<T> {
    /** Creates an unbounded queue ordering items by their natural order. */
    public PriorityQueue() {
        this(0, null);
    }

    /**
     * Creates a queue ordering items by their natural order.
     *
     * @param maxsize the most items it holds; 0 for no limit
     */
    public PriorityQueue(int maxsize) {
        this(maxsize, null);
    }

    /**
     * Creates a queue ordering items by a comparator.
     *
     * @param maxsize the most items it holds; 0 for no limit
     * @param comparator the order, lowest first; null for the natural order
     */
    public PriorityQueue(int maxsize, Comparator<? super T> comparator) {
        super(maxsize, new java.util.PriorityQueue<>(comparator));
    }
}
