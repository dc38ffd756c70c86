package org.tornadojava.web;

/**
 * Told about every response an {@link Application} finishes, e.g. to record metrics without the core knowing
 * the metrics library. Register it with {@link Application.Builder#requestListener(RequestListener)}.
 *
 * <p>Called on the IOLoop that served the request, right after the response was handed to the connection (or
 * the connection was upgraded, e.g. to a WebSocket, with status 101), so it must be quick and must not block.
 * Not called for a request whose client went away before the response was finished. An exception it throws is
 * logged on {@code tornado.application} and does not affect the response.
 */
@FunctionalInterface
public interface RequestListener {
    /**
     * One request was answered. IOLoop thread.
     *
     * @param routePattern the path regex of the route that served it as given to {@link UrlSpec#of}, or null when
     *        no route matched (the default handler answered)
     * @param method the request method, e.g. {@code GET}
     * @param status the response status
     * @param durationNanos time from the request's arrival to its finish, in nanoseconds
     */
    void requestFinished(String routePattern, String method, int status, long durationNanos);
}
