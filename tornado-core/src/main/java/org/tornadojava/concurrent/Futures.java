package org.tornadojava.concurrent;

import org.tornadojava.ioloop.IOLoop;
import org.tornadojava.ioloop.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;

/**
 * Future helpers in the spirit of Tornado's {@code gen}: {@link #withTimeout}, {@link #all} and {@link #moment}.
 * Sleeping is {@link IOLoop#sleep(Duration)}; results in completion order come from {@link WaitIterator}.
 * Stateless; thread-safe.
 */
public final class Futures {
    private Futures() {
    }

    /**
     * The stage's outcome, or a {@link TimeoutException} if it takes longer than {@code timeout}, delivered on
     * {@code loop}. Like Tornado's {@code gen.with_timeout}, the stage itself is not cancelled. Any thread.
     *
     * @param loop where the result is delivered
     * @param stage what to wait for
     * @param timeout longest wait
     * @param <T> the result type
     * @return a future completed on the loop
     */
    public static <T> CompletableFuture<T> withTimeout(IOLoop loop, CompletionStage<T> stage, Duration timeout) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Timeout timer = loop.callLater(timeout,
                () -> result.completeExceptionally(new TimeoutException("timed out after " + timeout)));
        stage.whenComplete((value, error) -> loop.addCallback(() -> {
            timer.cancel();
            if (error != null) {
                result.completeExceptionally(error);
            } else {
                result.complete(value);
            }
        }));
        return result;
    }

    /**
     * Same as {@link #withTimeout(IOLoop, CompletionStage, Duration)} on the caller's IOLoop.
     *
     * @param stage what to wait for
     * @param timeout longest wait
     * @param <T> the result type
     * @return a future completed on the current loop
     * @throws IllegalStateException when not called on an IOLoop
     */
    public static <T> CompletableFuture<T> withTimeout(CompletionStage<T> stage, Duration timeout) {
        return withTimeout(IOLoop.current(), stage, timeout);
    }

    /**
     * Waits for all stages, Tornado's {@code gen.multi}: completes with their results in order, or fails with the
     * first failure once every stage is done. Completes on the thread that completes the last stage (on an IOLoop
     * when they all complete there). Any thread.
     *
     * @param stages the stages
     * @param <T> the result type
     * @return a future of the results
     */
    @SafeVarargs
    public static <T> CompletableFuture<List<T>> all(CompletionStage<? extends T>... stages) {
        return all(List.of(stages));
    }

    /**
     * Same as {@link #all(CompletionStage[])} for a list.
     *
     * @param stages the stages
     * @param <T> the result type
     * @return a future of the results
     */
    public static <T> CompletableFuture<List<T>> all(List<? extends CompletionStage<? extends T>> stages) {
        CompletableFuture<?>[] futures = new CompletableFuture<?>[stages.size()];
        for (int i = 0; i < futures.length; i++) {
            futures[i] = stages.get(i).toCompletableFuture();
        }
        return CompletableFuture.allOf(futures).thenApply(ignored -> {
            List<T> results = new ArrayList<>(futures.length);
            for (CompletableFuture<?> future : futures) {
                @SuppressWarnings("unchecked")
                T value = (T) future.join();
                results.add(value);
            }
            return results;
        });
    }

    /**
     * Same as {@link #all(CompletionStage[])} for a map, Tornado's {@code gen.multi} over a dict: completes with a
     * map of the same keys (in the given map's iteration order) to the results. Any thread.
     *
     * @param stages the stages by key
     * @param <K> the key type
     * @param <T> the result type
     * @return a future of the results by key
     */
    public static <K, T> CompletableFuture<Map<K, T>> all(Map<K, ? extends CompletionStage<? extends T>> stages) {
        List<K> keys = new ArrayList<>(stages.keySet());
        List<CompletionStage<? extends T>> values = new ArrayList<>(stages.size());
        for (K key : keys) {
            values.add(stages.get(key));
        }
        return Futures.<T>all(values).thenApply(results -> {
            Map<K, T> byKey = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                byKey.put(keys.get(i), results.get(i));
            }
            return byKey;
        });
    }

    /**
     * Yields one turn of the loop, Tornado's {@code gen.moment}: the future completes on {@code loop} after the
     * callbacks already queued there have run, so a long computation can let other work in. Any thread.
     *
     * @param loop the loop to yield
     * @return a future completed with null on the loop's next turn
     */
    public static CompletableFuture<Void> moment(IOLoop loop) {
        CompletableFuture<Void> turn = new CompletableFuture<>();
        loop.addCallback(() -> turn.complete(null));
        return turn;
    }

    /**
     * Same as {@link #moment(IOLoop)} on the caller's IOLoop.
     *
     * @return a future completed with null on the loop's next turn
     * @throws IllegalStateException when not called on an IOLoop
     */
    public static CompletableFuture<Void> moment() {
        return moment(IOLoop.current());
    }
}
