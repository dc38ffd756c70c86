package org.tornadojava.queues;

import org.tornadojava.concurrent.Waiter;
import org.tornadojava.concurrent.WaiterQueue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Coordinates asynchronous producers and consumers, Tornado's {@code queues.Queue}: first in, first out, at most
 * {@code maxsize} items (0 means no limit). {@link #put} waits while the queue is full and {@link #get} while it is
 * empty, without blocking a thread. Every item put counts as an unfinished task until a {@link #taskDone()};
 * {@link #join()} waits until none is left. Tornado's {@code async for item in q:} is {@link #forEach(Function)}.
 *
 * <pre>{@code
 * Queue<String> q = new Queue<>(2);
 * q.forEach(item -> process(item).whenComplete((r, e) -> q.taskDone()));   // consumer
 * producer().thenCompose(done -> q.join());                                  // every item processed
 * }</pre>
 *
 * <p>Items must not be null. Thread-safe; see the package documentation for where futures complete. A getter
 * whose future is cancelled just after an item was handed to it gives the item back (it is the next one got); a
 * putter whose future is cancelled after its item entered the queue leaves the item there.
 *
 * @param <T> the item type
 */
public class Queue<T> {
    private final Object lock = new Object();
    private final int maxsize;
    private final java.util.Queue<T> items;
    private final WaiterQueue<T> getters = new WaiterQueue<>(lock);
    private final WaiterQueue<Void> putters = new WaiterQueue<>(lock);
    private final Map<CompletableFuture<Void>, T> puttersItems = new IdentityHashMap<>();
    private final WaiterQueue<Void> joiners = new WaiterQueue<>(lock);
    private int unfinishedTasks;

    /** Creates an unbounded queue. */
    public Queue() {
        this(0);
    }

    /**
     * Creates a queue.
     *
     * @param maxsize the most items it holds; 0 for no limit
     * @throws IllegalArgumentException when negative
     */
    public Queue(int maxsize) {
        this(maxsize, new ArrayDeque<>());
    }

    /**
     * For the subclasses: the store decides the order, Tornado's {@code _init}/{@code _put}/{@code _get}. Its
     * {@code add} puts an item and its {@code remove} takes the next one to get. Guarded by the queue's monitor.
     */
    Queue(int maxsize, java.util.Queue<T> items) {
        if (maxsize < 0) {
            throw new IllegalArgumentException("maxsize can't be negative: " + maxsize);
        }
        this.maxsize = maxsize;
        this.items = items;
    }

    /**
     * The most items the queue holds. Any thread.
     *
     * @return the limit; 0 means none
     */
    public int maxsize() {
        return maxsize;
    }

    /**
     * Items in the queue now. Any thread.
     *
     * @return the number of items
     */
    public int qsize() {
        synchronized (lock) {
            return items.size();
        }
    }

    /**
     * Tells whether the queue holds no item. Any thread.
     *
     * @return true when empty
     */
    public boolean empty() {
        return qsize() == 0;
    }

    /**
     * Tells whether the queue holds {@code maxsize} items. Any thread.
     *
     * @return true when full; never for an unbounded queue
     */
    public boolean full() {
        synchronized (lock) {
            return isFull();
        }
    }

    /**
     * Puts an item, waiting while the queue is full. Any thread.
     *
     * @param item the item, not null
     * @return a future completed with null once the item is in the queue (at once when there is room)
     */
    public CompletableFuture<Void> put(T item) {
        return put(item, null);
    }

    /**
     * Puts an item, waiting at most {@code timeout} for room. Any thread.
     *
     * @param item the item, not null
     * @param timeout longest wait, or null for none
     * @return a future completed with null once the item is in the queue, or failed with
     *         {@link java.util.concurrent.TimeoutException} (the item not put) when the timeout passes first
     */
    public CompletableFuture<Void> put(T item, Duration timeout) {
        Objects.requireNonNull(item, "item");
        Waiter<T> getter;
        synchronized (lock) {
            getter = getters.poll();
            if (getter == null) {
                if (!isFull()) {
                    addItem(item);
                    return CompletableFuture.completedFuture(null);
                }
                CompletableFuture<Void> putter = putters.addWithCleanup(timeout, puttersItems::remove);
                puttersItems.put(putter, item);
                return putter;
            }
            unfinishedTasks++;
        }
        getter.resolve(item, this::giveBack);
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Puts an item without waiting, Tornado's {@code put_nowait}. Any thread.
     *
     * @param item the item, not null
     * @throws QueueFull when the queue is full
     */
    public void putNowait(T item) {
        Objects.requireNonNull(item, "item");
        Waiter<T> getter;
        synchronized (lock) {
            getter = getters.poll();
            if (getter == null) {
                if (isFull()) {
                    throw new QueueFull(maxsize);
                }
                addItem(item);
                return;
            }
            unfinishedTasks++;
        }
        getter.resolve(item, this::giveBack);
    }

    /**
     * Removes and returns the next item, waiting while the queue is empty. Any thread.
     *
     * @return a future of the item (completed at once when one is there)
     */
    public CompletableFuture<T> get() {
        return get(null);
    }

    /**
     * Removes and returns the next item, waiting at most {@code timeout}. Any thread.
     *
     * @param timeout longest wait, or null for none
     * @return a future of the item, or failed with {@link java.util.concurrent.TimeoutException} when the timeout
     *         passes first
     */
    public CompletableFuture<T> get(Duration timeout) {
        T item;
        Waiter<Void> putter;
        synchronized (lock) {
            putter = admitPutter();
            if (items.size() == 0) {
                return getters.add(timeout);
            }
            item = items.remove();
        }
        if (putter != null) {
            putter.resolve(null, ignored -> { });
        }
        return CompletableFuture.completedFuture(item);
    }

    /**
     * Removes and returns the next item without waiting, Tornado's {@code get_nowait}. Any thread.
     *
     * @return the item
     * @throws QueueEmpty when the queue is empty
     */
    public T getNowait() {
        T item;
        Waiter<Void> putter;
        synchronized (lock) {
            putter = admitPutter();
            if (items.size() == 0) {
                throw new QueueEmpty();
            }
            item = items.remove();
        }
        if (putter != null) {
            putter.resolve(null, ignored -> { });
        }
        return item;
    }

    /**
     * Marks one task got from the queue as done, Tornado's {@code task_done}: when every item put has been marked,
     * {@link #join()} completes. Any thread.
     *
     * @throws IllegalStateException when called more often than items were put
     */
    public void taskDone() {
        List<Waiter<Void>> woken;
        synchronized (lock) {
            if (unfinishedTasks <= 0) {
                throw new IllegalStateException("taskDone() called too many times");
            }
            unfinishedTasks--;
            if (unfinishedTasks > 0) {
                return;
            }
            woken = joiners.pollAll();
        }
        for (Waiter<Void> joiner : woken) {
            joiner.resolve(null, ignored -> { });
        }
    }

    /**
     * Waits until every item put has been marked done with {@link #taskDone()}. Any thread.
     *
     * @return a future completed with null then (at once when no task is unfinished)
     */
    public CompletableFuture<Void> join() {
        return join(null);
    }

    /**
     * Waits at most {@code timeout} until every item put has been marked done. Any thread.
     *
     * @param timeout longest wait, or null for none
     * @return a future completed with null then, or failed with {@link java.util.concurrent.TimeoutException}
     *         when the timeout passes first
     */
    public CompletableFuture<Void> join(Duration timeout) {
        synchronized (lock) {
            if (unfinishedTasks == 0) {
                return CompletableFuture.completedFuture(null);
            }
            return joiners.add(timeout);
        }
    }

    /**
     * Gets items one after the other for ever, Tornado's {@code async for item in q:}: gets an item, runs
     * {@code action} on it, waits for the stage it returns, then gets the next. Runs on the caller's loop (the
     * action too) when called on one. It does not call {@link #taskDone()}: the action does, as in Tornado.
     *
     * @param action what to do with each item
     * @return a future that completes only exceptionally: with the action's failure, which ends the loop; cancel it
     *         to stop the loop (an item not yet handed to the action stays in the queue)
     */
    public CompletableFuture<Void> forEach(Function<? super T, ? extends CompletionStage<?>> action) {
        return new QueueConsumer<>(this, action).start();
    }

    int getterCount() {
        synchronized (lock) {
            return getters.size();
        }
    }

    int putterCount() {
        synchronized (lock) {
            return putters.size();
        }
    }

    int parkedItemCount() {
        synchronized (lock) {
            return puttersItems.size();
        }
    }

    int joinerCount() {
        synchronized (lock) {
            return joiners.size();
        }
    }

    private boolean isFull() {
        return maxsize > 0 && items.size() >= maxsize;
    }

    private void addItem(T item) {
        unfinishedTasks++;
        items.add(item);
    }

    private Waiter<Void> admitPutter() {
        Waiter<Void> putter = putters.poll();
        if (putter != null) {
            addItem(puttersItems.remove(putter.future()));
        }
        return putter;
    }

    private void giveBack(T item) {
        Waiter<T> getter;
        synchronized (lock) {
            getter = getters.poll();
            if (getter == null) {
                restore(item);
                return;
            }
        }
        getter.resolve(item, this::giveBack);
    }

    /** Puts back an item just taken so it is the next one got: at the head of a first-in, first-out deque. */
    private void restore(T item) {
        if (items instanceof ArrayDeque<T> fifo) {
            fifo.addFirst(item);
        } else {
            items.add(item);
        }
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return getClass().getSimpleName() + "[maxsize=" + maxsize + " qsize=" + items.size() + " getters="
                    + getters.size() + " putters=" + putters.size() + " tasks=" + unfinishedTasks + "]";
        }
    }
}
