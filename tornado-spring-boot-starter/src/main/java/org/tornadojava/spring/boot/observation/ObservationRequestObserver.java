package org.tornadojava.spring.boot.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.tornadojava.http.HttpServerRequest;
import org.tornadojava.web.RequestObservation;
import org.tornadojava.web.RequestObserver;

import java.util.List;

/**
 * Records every request Tornado routes as a Micrometer {@link Observation} named by the convention
 * ({@code http.server.requests} by default): started when the handler starts, current around the handler's code
 * and the access log line (with Micrometer Tracing, the server span continues an incoming {@code traceparent}
 * and its ids are in the MDC), stopped with the status and the exception once the response is handed to the
 * connection, or with status {@code UNKNOWN} when the client goes away. Register it with
 * {@code Application.Builder#requestObserver}. Called on IOLoop threads; thread-safe.
 */
public class ObservationRequestObserver implements RequestObserver {
    private static final TornadoServerRequestObservationConvention DEFAULT_CONVENTION =
            new DefaultTornadoServerRequestObservationConvention();

    private final ObservationRegistry registry;
    private final TornadoServerRequestObservationConvention convention;
    private final List<RoutePatternResolver> patternResolvers;

    /**
     * Creates the observer.
     *
     * @param registry where observations are recorded
     * @param convention the user's convention, or null for {@link DefaultTornadoServerRequestObservationConvention}
     * @param patternResolvers asked in order for the pattern of a request whose route serves several paths
     */
    public ObservationRequestObserver(ObservationRegistry registry,
            TornadoServerRequestObservationConvention convention,
                                      List<RoutePatternResolver> patternResolvers) {
        this.registry = registry;
        this.convention = convention;
        this.patternResolvers = List.copyOf(patternResolvers);
    }

    /**
     * Starts the request's observation. IOLoop thread.
     *
     * @param request the request
     * @param routePattern the matched route pattern, or null
     * @return the observation to follow, or null when the registry records nothing
     */
    @Override
    public RequestObservation requestStarted(HttpServerRequest request, String routePattern) {
        if (registry.isNoop()) {
            return null;
        }
        TornadoServerRequestObservationContext context = new TornadoServerRequestObservationContext(request,
                resolve(routePattern, request));
        Observation observation = Observation.createNotStarted(convention, DEFAULT_CONVENTION, () -> context,
                registry).start();
        return new Followed(observation, context);
    }

    private String resolve(String routePattern, HttpServerRequest request) {
        for (RoutePatternResolver resolver : patternResolvers) {
            String resolved = resolver.resolve(routePattern, request);
            if (resolved != null) {
                return resolved;
            }
        }
        return routePattern;
    }

    /** One started observation as the request's handler drives it (IOLoop thread). */
    private static final class Followed implements RequestObservation {
        private final Observation observation;
        private final TornadoServerRequestObservationContext context;

        Followed(Observation observation, TornadoServerRequestObservationContext context) {
            this.observation = observation;
            this.context = context;
        }

        @Override
        public Scope openScope() {
            return observation.openScope()::close;
        }

        @Override
        public void requestFinished(int status, Throwable error) {
            context.setResponse(status);
            if (error != null) {
                observation.error(error);
            }
            observation.stop();
        }

        @Override
        public void requestAborted() {
            context.setConnectionAborted(true);
            observation.stop();
        }
    }
}
