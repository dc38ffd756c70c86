package org.tornadojava.web;

/**
 * One request followed by a {@link RequestObserver}: made current around the handler's code and the access log
 * line (so, e.g., a tracing context reaches the logging MDC), then told exactly once how the request ended:
 * {@link #requestFinished} with the status it was answered with, or {@link #requestAborted} when the client went
 * away first. All methods are called on the request's IOLoop thread and must not block.
 */
public interface RequestObservation {
    /**
     * Makes this request's context current on the calling thread until the returned scope is closed. IOLoop
     * thread; scopes are closed in the reverse order they were opened, on the same thread.
     *
     * @return the scope to close
     */
    Scope openScope();

    /**
     * The response was handed to the connection (or the connection switched protocols, status 101). IOLoop thread.
     *
     * @param status the response status
     * @param error the exception that made the handler answer with an error page, or null
     */
    void requestFinished(int status, Throwable error);

    /** The client went away before the response was finished. IOLoop thread. */
    void requestAborted();

    /** A context made current by {@link #openScope()}; closing it restores what was current before. */
    @FunctionalInterface
    interface Scope extends AutoCloseable {
        /** Ends the scope. Same thread that opened it. */
        @Override
        void close();
    }
}
