package org.tornadojava.queues;

import java.util.ArrayDeque;
import java.util.Comparator;

/**
 * Where a queue keeps its items, the one thing {@link Queue}, {@link LifoQueue} and {@link PriorityQueue} do
 * differently (Tornado's {@code _init}/{@code _put}/{@code _get}). Not thread-safe: the queue calls it holding its
 * monitor.
 *
 * @param <T> the item type
 */
interface ItemStore<T> {
    int size();

    void add(T item);

    /** Removes the next item to get; the store is not empty. */
    T take();

    /** Puts back an item just taken, so it is the next to get again. */
    void restore(T item);

    /** First in, first out. */
    static <T> ItemStore<T> fifo() {
        ArrayDeque<T> items = new ArrayDeque<>();
        return new ItemStore<>() {
            @Override
            public int size() {
                return items.size();
            }

            @Override
            public void add(T item) {
                items.addLast(item);
            }

            @Override
            public T take() {
                return items.removeFirst();
            }

            @Override
            public void restore(T item) {
                items.addFirst(item);
            }
        };
    }

    /** Last in, first out. */
    static <T> ItemStore<T> lifo() {
        ArrayDeque<T> items = new ArrayDeque<>();
        return new ItemStore<>() {
            @Override
            public int size() {
                return items.size();
            }

            @Override
            public void add(T item) {
                items.push(item);
            }

            @Override
            public T take() {
                return items.pop();
            }

            @Override
            public void restore(T item) {
                items.push(item);
            }
        };
    }

    /** Lowest first by the comparator (natural order when null). */
    static <T> ItemStore<T> priority(Comparator<? super T> comparator) {
        java.util.PriorityQueue<T> items = new java.util.PriorityQueue<>(comparator);
        return new ItemStore<>() {
            @Override
            public int size() {
                return items.size();
            }

            @Override
            public void add(T item) {
                items.add(item);
            }

            @Override
            public T take() {
                return items.remove();
            }

            @Override
            public void restore(T item) {
                items.add(item);
            }
        };
    }
}
