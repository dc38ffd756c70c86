package org.tornadojava.httpclient;

import org.tornadojava.ioloop.IOLoop;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * A blocking HTTP client for scripts, tests and {@code main} methods, Tornado's {@code HTTPClient}: {@code fetch}
 * blocks the calling thread until the response is complete. It runs an {@link AsyncHttpClient} on an IOLoop of its
 * own (created with the same {@link HttpClientOptions}), so every option works the same.
 *
 * <pre>{@code
 * try (HttpClient client = new HttpClient()) {
 *     HttpResponse response = client.fetch("https://example.com/");
 *     System.out.println(response.text());
 * } catch (HttpClientError e) {
 *     System.err.println("Error: " + e.getMessage());   // HTTP 404: Not Found, or 599 for no response
 * }
 * }</pre>
 *
 * <p>Never use it on an IOLoop: blocking a loop stops every connection on it, so {@code fetch} refuses to run there
 * (use {@link AsyncHttpClient} in handlers). Thread-safe: several threads may fetch at once, up to
 * {@code maxClients} in flight.
 */
public final class HttpClient implements AutoCloseable {
    private final AsyncHttpClient client;

    /** A client with Tornado's defaults. Any thread that may block (it reads the trust store). */
    public HttpClient() {
        this(new HttpClientOptions());
    }

    /**
     * A client with the given settings. Any thread that may block (it reads the trust store).
     *
     * @param options the settings; copied
     * @throws IllegalStateException when a TLS file cannot be read
     */
    public HttpClient(HttpClientOptions options) {
        this.client = new AsyncHttpClient(options);
    }

    /**
     * Fetches a URL with a GET request and blocks until the response is complete. Not on an IOLoop.
     *
     * @param url an absolute {@code http://} or {@code https://} URL
     * @return the response
     * @throws HttpClientError for a status outside 200-299 (and its subclasses for timeouts and connection errors)
     * @throws IllegalStateException when called on an IOLoop thread, or after {@link #close()}
     */
    public HttpResponse fetch(String url) {
        return fetch(HttpRequest.builder(url).build());
    }

    /**
     * Sends the request, following redirects, and blocks until the final response is complete; the request's
     * {@code requestTimeout} bounds the wait. Not on an IOLoop.
     *
     * @param request the request
     * @return the response (any status when the request says {@code raiseError(false)})
     * @throws HttpClientError for a status outside 200-299 unless {@code raiseError(false)},
     *         {@link HttpTimeoutError} and {@link HttpConnectionError} for failures without a response
     * @throws IllegalStateException when called on an IOLoop thread, or after {@link #close()}
     * @throws CompletionException wrapping a checked exception of a callback or body producer, or the interruption
     *         of the waiting thread (the request is then cancelled and the interrupt flag kept)
     */
    public HttpResponse fetch(HttpRequest request) {
        IOLoop loop = IOLoop.currentOrNull();
        if (loop != null) {
            throw new IllegalStateException("HttpClient.fetch blocks its caller and cannot run on an IOLoop thread ("
                    + Thread.currentThread().getName() + "); use AsyncHttpClient.fetch there");
        }
        CompletableFuture<HttpResponse> response = client.fetch(request);
        try {
            return response.get();
        } catch (InterruptedException e) {
            response.cancel(true);
            Thread.currentThread().interrupt();
            throw new CompletionException("interrupted while waiting for " + request, e);
        } catch (ExecutionException e) {
            throw unchecked(e.getCause());
        } catch (CancellationException e) {
            throw new IllegalStateException("the fetch of " + request + " was cancelled", e);
        }
    }

    private static RuntimeException unchecked(Throwable failure) {
        if (failure instanceof Error error) {
            throw error;
        }
        return failure instanceof RuntimeException runtime ? runtime : new CompletionException(failure);
    }

    /**
     * Closes the client and stops its IOLoop; requests in flight fail. Calling it again does nothing. Any thread
     * that is not the client's own loop.
     */
    @Override
    public void close() {
        client.close();
    }
}
