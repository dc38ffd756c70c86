package org.tornadojava.concurrent;

import org.tornadojava.ioloop.IOLoop;
import org.tornadojava.ioloop.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;

/**
 * Future helpers in the spirit of Tornado's {@code gen}: {@link #withTimeout} and {@link #all}. Sleeping is
 * {@link IOLoop#sleep(Duration)}. Stateless; thread-safe.
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
}
