package org.tornadojava.queues;

import org.tornadojava.ioloop.IOLoop;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The loop behind {@link Queue#forEach}: get, act, wait for the action's stage, repeat. Steps that complete at once
 * continue in a loop rather than by recursion, so a long run of ready items does not grow the stack. Steps that
 * complete later continue on the loop that started the consumer (when it was started on one).
 *
 * @param <T> the item type
 */
final class QueueConsumer<T> {
    private final Queue<T> queue;
    private final Function<? super T, ? extends CompletionStage<?>> action;
    private final IOLoop loop;
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private volatile CompletableFuture<T> pendingGet;

    QueueConsumer(Queue<T> queue, Function<? super T, ? extends CompletionStage<?>> action) {
        this.queue = queue;
        this.action = action;
        this.loop = IOLoop.currentOrNull();
    }

    CompletableFuture<Void> start() {
        stopped.whenComplete((value, error) -> {
            CompletableFuture<T> get = pendingGet;
            if (get != null) {
                get.cancel(false);
            }
        });
        run();
        return stopped;
    }

    private void run() {
        while (!stopped.isDone()) {
            CompletableFuture<T> get = queue.get();
            pendingGet = get;
            if (stopped.isDone()) {
                get.cancel(false);
                return;
            }
            if (!get.isDone()) {
                get.whenComplete((item, error) -> resume(() -> {
                    if (error == null) {
                        act(item, true);
                    }
                }));
                return;
            }
            if (!act(get.join(), false)) {
                return;
            }
        }
    }

    /** Runs the action on the item; returns true when its stage is already complete and the loop may go on. */
    private boolean act(T item, boolean resumed) {
        CompletableFuture<?> stage;
        try {
            stage = action.apply(item).toCompletableFuture();
        } catch (RuntimeException | Error e) {
            stopped.completeExceptionally(e);
            return false;
        }
        if (!stage.isDone()) {
            stage.whenComplete((value, error) -> resume(() -> afterAction(error)));
            return false;
        }
        if (stage.isCompletedExceptionally()) {
            stage.whenComplete((value, error) -> stopped.completeExceptionally(error));
            return false;
        }
        if (resumed) {
            run();
        }
        return true;
    }

    private void afterAction(Throwable error) {
        if (error != null) {
            stopped.completeExceptionally(error);
        } else {
            run();
        }
    }

    private void resume(Runnable step) {
        if (loop == null || loop.inLoop()) {
            step.run();
        } else {
            loop.addCallback(step);
        }
    }
}
