package org.tornadojava.httpclient;

import org.tornadojava.ioloop.IOLoop;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * One call of {@code fetch}: runs an {@link Exchange} per hop, following redirects, and completes the caller's
 * future on the caller's IOLoop (or, for a caller on no IOLoop, on the loop the last exchange ran on). A
 * non-2xx final response fails it with {@link HttpClientError} unless the request says {@code raiseError(false)}.
 * Cancelling the future aborts the exchange in progress. Thread-safe.
 */
final class Fetch {
    private final ClientContext client;
    private final HttpRequest original;
    private final IOLoop callerLoop;
    private final long startNanos = System.nanoTime();
    private final CompletableFuture<HttpResponse> result = new CompletableFuture<>();
    private volatile Exchange current;

    /**
     * Creates the fetch; nothing is sent before {@link #start()}.
     *
     * @param client the client's shared state
     * @param original the request given to {@code fetch}
     * @param callerLoop the caller's IOLoop, or null
     */
    Fetch(ClientContext client, HttpRequest original, IOLoop callerLoop) {
        this.client = client;
        this.original = original;
        this.callerLoop = callerLoop;
        result.whenComplete((response, error) -> {
            Exchange running = current;
            if (result.isCancelled() && running != null) {
                running.abort(new CancellationException("fetch cancelled"));
            }
        });
    }

    /**
     * Sends the original request. Any thread.
     *
     * @return the caller's future
     */
    CompletableFuture<HttpResponse> start() {
        send(original);
        return result;
    }

    RequestUrl originalUrl() {
        return original.parsedUrl();
    }

    private void send(HttpRequest hop) {
        if (result.isDone()) {
            return;
        }
        RequestSettings settings = RequestSettings.of(hop, client.options());
        PoolKey key = PoolKey.of(hop.parsedUrl(), settings);
        IOLoop loop = client.loopFor(callerLoop, key);
        Exchange exchange = new Exchange(client, this, hop, settings, key, loop);
        current = exchange;
        if (loop.inLoop()) {
            exchange.start();
        } else {
            loop.execute(exchange::start);
        }
    }

    /**
     * The exchange got a redirect to follow. On the exchange's loop.
     *
     * @param next the request to send next
     */
    void redirected(HttpRequest next) {
        send(next);
    }

    /**
     * The exchange got the final response. On the exchange's loop.
     *
     * @param hop the request that got it
     * @param head status and headers
     * @param body the collected body, empty when streamed
     */
    void responded(HttpRequest hop, io.netty.handler.codec.http.HttpResponse head, byte[] body) {
        int code = head.status().code();
        String reason = head.status().reasonPhrase();
        HttpResponse response = new HttpResponse(original, code, reason, head.headers(), body, hop.url(),
                Duration.ofNanos(System.nanoTime() - startNanos));
        if (original.raiseError() && !response.isSuccess()) {
            failed(new HttpClientError(code, reason, response));
        } else {
            deliver(() -> result.complete(response));
        }
    }

    /**
     * The exchange failed. On the exchange's loop.
     *
     * @param error what the caller's future fails with
     */
    void failed(Throwable error) {
        deliver(() -> result.completeExceptionally(error));
    }

    private void deliver(Runnable completion) {
        if (callerLoop == null || callerLoop.inLoop()) {
            completion.run();
        } else {
            callerLoop.execute(completion);
        }
    }
}
