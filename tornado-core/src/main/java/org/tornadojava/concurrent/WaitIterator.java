package org.tornadojava.concurrent;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Results of several stages in the order they complete, Tornado's {@code gen.WaitIterator}:
 *
 * <pre>{@code
 * WaitIterator<String> it = new WaitIterator<>(List.of(a, b, c));
 * // Tornado: while not it.done(): result = await it.next()
 * it.next().whenComplete((result, error) -> log(it.currentIndex(), result, error));
 * }</pre>
 *
 * {@link #next()} returns a future completed (on the caller's IOLoop) with the result of the next stage to
 * complete, or failed with its error; {@link #currentIndex()} then tells which stage it was. Wait for one
 * {@code next()} before asking for the following one. Thread-safe.
 *
 * @param <T> the result type
 */
public final class WaitIterator<T> {
    private final Object lock = new Object();
    private final List<CompletableFuture<? extends T>> stages;
    private final ArrayDeque<Integer> completed = new ArrayDeque<>();
    private final WaiterQueue<Integer> next = new WaiterQueue<>(lock);
    private int handedOut;
    private volatile int currentIndex = -1;

    /**
     * Starts watching the stages. Any thread.
     *
     * @param stages the stages, indexed by their position
     */
    public WaitIterator(List<? extends CompletionStage<? extends T>> stages) {
        this.stages = stages.stream().<CompletableFuture<? extends T>>map(CompletionStage::toCompletableFuture)
                .toList();
        for (int i = 0; i < this.stages.size(); i++) {
            int index = i;
            this.stages.get(i).whenComplete((value, error) -> completed(index));
        }
    }

    /**
     * Tells whether every result has been handed out by {@link #next()}. Any thread.
     *
     * @return true when there is nothing left to wait for
     */
    public boolean done() {
        synchronized (lock) {
            return handedOut == stages.size();
        }
    }

    /**
     * Waits for the next stage to complete. Any thread.
     *
     * @return a future completed with that stage's result, or failed with its error
     * @throws IllegalStateException when every result has been handed out already
     */
    public CompletableFuture<T> next() {
        CompletableFuture<Integer> index;
        synchronized (lock) {
            if (handedOut == stages.size()) {
                throw new IllegalStateException("WaitIterator has no more results");
            }
            handedOut++;
            Integer ready = completed.poll();
            index = ready != null ? CompletableFuture.completedFuture(ready) : next.add(null);
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        index.whenComplete((i, cancelled) -> {
            if (cancelled != null) {
                synchronized (lock) {
                    handedOut--;
                }
                result.completeExceptionally(cancelled);
                return;
            }
            currentIndex = i;
            stages.get(i).whenComplete((value, error) -> {
                if (error != null) {
                    result.completeExceptionally(error);
                } else {
                    result.complete(value);
                }
            });
        });
        result.whenComplete((value, error) -> {
            if (result.isCancelled()) {
                index.cancel(false);
            }
        });
        return result;
    }

    /**
     * The position of the stage whose outcome the last completed {@link #next()} delivered. Any thread.
     *
     * @return its index in the list given to the constructor, or -1 before the first
     */
    public int currentIndex() {
        return currentIndex;
    }

    /**
     * The stage whose outcome the last completed {@link #next()} delivered. Any thread.
     *
     * @return the stage, or null before the first
     */
    public CompletableFuture<? extends T> currentFuture() {
        int index = currentIndex;
        return index < 0 ? null : stages.get(index);
    }

    private void completed(int index) {
        Waiter<Integer> waiter;
        synchronized (lock) {
            waiter = next.poll();
            if (waiter == null) {
                completed.add(index);
                return;
            }
        }
        waiter.resolve(index, this::completed);
    }
}
