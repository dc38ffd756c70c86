package org.tornadojava.httpclient;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Hands a response body to a {@link StreamingCallback} with backpressure: while the future the callback returned is
 * unfinished, the connection stops reading ({@code autoRead} off) and the few pieces already decoded from the last
 * read wait here, in order; when it completes the waiting pieces go out and reading resumes. The end of the body is
 * reported only after the last piece was taken. IOLoop thread only (the connection's loop).
 */
final class StreamedBody {
    private final StreamingCallback callback;
    private final ClientConnection connection;
    private final Consumer<Throwable> failure;
    private final ArrayDeque<byte[]> waiting = new ArrayDeque<>();
    private boolean paused;
    private boolean stopped;
    private Runnable atEnd;

    /**
     * Creates the body stream of one exchange.
     *
     * @param callback the request's callback
     * @param connection the connection the body arrives on
     * @param failure told (once) when the callback throws or its future fails
     */
    StreamedBody(StreamingCallback callback, ClientConnection connection, Consumer<Throwable> failure) {
        this.callback = callback;
        this.connection = connection;
        this.failure = failure;
    }

    /**
     * A piece arrived: handed over now, or queued while the callback's last future is unfinished.
     *
     * @param piece the bytes, owned by the callback from now on
     */
    void offer(byte[] piece) {
        if (stopped) {
            return;
        }
        if (paused) {
            waiting.add(piece);
        } else {
            deliver(piece);
        }
    }

    /**
     * The body is complete: runs the action once every piece was taken (at once when nothing waits).
     *
     * @param action what ends the exchange
     */
    void end(Runnable action) {
        if (stopped) {
            return;
        }
        if (paused) {
            atEnd = action;
        } else {
            action.run();
        }
    }

    /** The exchange ended some other way: nothing more is handed over, and reading resumes. */
    void stop() {
        stopped = true;
        waiting.clear();
        atEnd = null;
        connection.resumeReading();
    }

    private void deliver(byte[] piece) {
        CompletionStage<?> next;
        try {
            next = callback.onChunk(piece);
        } catch (Throwable e) {
            stopAndFail(e);
            return;
        }
        if (next == null) {
            return;
        }
        if (next instanceof CompletableFuture<?> future && future.isDone() && !future.isCompletedExceptionally()) {
            return;
        }
        paused = true;
        connection.pauseReading();
        next.whenComplete((ignored, error) -> connection.loop().execute(() -> resumed(error)));
    }

    private void resumed(Throwable error) {
        if (stopped) {
            return;
        }
        paused = false;
        if (error != null) {
            stopAndFail(Failures.unwrap(error));
            return;
        }
        while (!paused && !stopped && !waiting.isEmpty()) {
            deliver(waiting.poll());
        }
        if (paused || stopped) {
            return;
        }
        connection.resumeReading();
        if (atEnd != null) {
            Runnable action = atEnd;
            atEnd = null;
            action.run();
        }
    }

    private void stopAndFail(Throwable error) {
        stop();
        failure.accept(error);
    }
}
