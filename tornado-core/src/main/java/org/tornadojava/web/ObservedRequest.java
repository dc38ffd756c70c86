package org.tornadojava.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tornadojava.http.HttpServerRequest;

/**
 * A {@link RequestObservation} as a handler drives it: remembers the exception behind an error page, ends the
 * observation exactly once, and keeps an observer's exception away from the request (logged on
 * {@code tornado.application}). Confined to the request's IOLoop.
 */
final class ObservedRequest {
    private static final Logger APP_LOG = LoggerFactory.getLogger("tornado.application");
    /** The scope of a request nobody observes: shared, so an unobserved request allocates nothing. */
    static final RequestObservation.Scope NO_SCOPE = () -> {
    };

    private final RequestObservation observation;
    private final String summary;
    private Throwable error;
    private boolean ended;

    private ObservedRequest(RequestObservation observation, String summary) {
        this.observation = observation;
        this.summary = summary;
    }

    /** Starts observing a request, or returns null when there is no observer or it declines (or fails). */
    static ObservedRequest start(RequestObserver observer, HttpServerRequest request, String routePattern) {
        if (observer == null) {
            return null;
        }
        String summary = request.method() + " " + request.uri();
        try {
            RequestObservation observation = observer.requestStarted(request, routePattern);
            return observation == null ? null : new ObservedRequest(observation, summary);
        } catch (Throwable e) {
            APP_LOG.error("Exception in request observer for {}", summary, e);
            return null;
        }
    }

    /** Makes the observation current until the scope closes; {@link #NO_SCOPE} when the observer fails. */
    RequestObservation.Scope openScope() {
        if (ended) {
            return NO_SCOPE;
        }
        try {
            RequestObservation.Scope scope = observation.openScope();
            return scope == null ? NO_SCOPE : () -> closeQuietly(scope);
        } catch (Throwable e) {
            APP_LOG.error("Exception in request observer for {}", summary, e);
            return NO_SCOPE;
        }
    }

    private void closeQuietly(RequestObservation.Scope scope) {
        try {
            scope.close();
        } catch (Throwable e) {
            APP_LOG.error("Exception in request observer for {}", summary, e);
        }
    }

    /** Remembers the exception an error page answers (the last one wins). */
    void error(Throwable cause) {
        if (cause != null) {
            error = cause;
        }
    }

    /** The response was handed to the connection with this status. */
    void finished(int status) {
        if (ended) {
            return;
        }
        ended = true;
        try {
            observation.requestFinished(status, error);
        } catch (Throwable e) {
            APP_LOG.error("Exception in request observer for {}", summary, e);
        }
    }

    /** The client went away before the response was finished. */
    void aborted() {
        if (ended) {
            return;
        }
        ended = true;
        try {
            observation.requestAborted();
        } catch (Throwable e) {
            APP_LOG.error("Exception in request observer for {}", summary, e);
        }
    }
}
