package org.tornadojava.spring.boot.observation;

import io.micrometer.observation.transport.RequestReplyReceiverContext;
import org.tornadojava.http.HttpServerRequest;

/**
 * The Micrometer {@code Observation.Context} of one request served by Tornado: the request as the carrier (its
 * headers feed trace propagation, e.g. W3C {@code traceparent}), the route pattern that matched, and the response
 * status once known. Created and filled on the request's IOLoop thread.
 */
public class TornadoServerRequestObservationContext extends RequestReplyReceiverContext<HttpServerRequest, Integer> {
    private final String routePattern;
    private boolean connectionAborted;

    /**
     * Creates the context of one request.
     *
     * @param request the request
     * @param routePattern the matched route's path regex, or null when no route matched
     */
    public TornadoServerRequestObservationContext(HttpServerRequest request, String routePattern) {
        super((carrier, key) -> carrier.headers().get(key));
        setCarrier(request);
        this.routePattern = routePattern;
    }

    /**
     * The route pattern that matched. Any thread.
     *
     * @return the path regex as the route was declared, or null when no route matched
     */
    public String getRoutePattern() {
        return routePattern;
    }

    /**
     * Whether the client went away before the response was finished. Any thread.
     *
     * @return true when aborted
     */
    public boolean isConnectionAborted() {
        return connectionAborted;
    }

    /**
     * Marks the request as abandoned by its client. IOLoop thread.
     *
     * @param connectionAborted whether the client went away
     */
    public void setConnectionAborted(boolean connectionAborted) {
        this.connectionAborted = connectionAborted;
    }
}
