package org.tornadojava.web;

import org.tornadojava.http.HttpServerRequest;

/**
 * Observes each request an {@link Application} routes, from the moment its handler starts to its finish, e.g. to
 * record it as a metrics timer and a tracing span without the core knowing either library. Register one with
 * {@link Application.Builder#requestObserver(RequestObserver)}; an application without one does no work and
 * allocates nothing for it.
 *
 * <p>Called on the IOLoop that serves the request, so it must be quick and must not block. An exception it throws
 * is logged on {@code tornado.application} and the request goes on unobserved.
 */
@FunctionalInterface
public interface RequestObserver {
    /**
     * A request was routed and its handler is about to start. IOLoop thread.
     *
     * @param request the request (head, headers, remote address; the body may still be arriving)
     * @param routePattern the path regex of the route that matched, as given to {@link UrlSpec#of}, or null when no
     *        route matched (the default handler answers)
     * @return what follows this request to its end, or null to leave it unobserved
     */
    RequestObservation requestStarted(HttpServerRequest request, String routePattern);
}
