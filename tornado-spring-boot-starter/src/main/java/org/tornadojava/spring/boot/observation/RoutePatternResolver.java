package org.tornadojava.spring.boot.observation;

import org.tornadojava.http.HttpServerRequest;

/**
 * Names the pattern a request is observed under when one route serves several paths of its own, e.g. the
 * actuator's route, whose requests are tagged with the endpoint path ({@code /actuator/health/{*path}}) rather
 * than the route's catch-all regex. Beans of this type are asked in order; the first non-null answer wins.
 * Called on the request's IOLoop; must not block.
 */
@FunctionalInterface
public interface RoutePatternResolver {
    /**
     * The pattern to report for a request, or null to keep the route's. IOLoop thread.
     *
     * @param routePattern the matched route's path regex, or null when no route matched
     * @param request the request
     * @return the pattern, or null
     */
    String resolve(String routePattern, HttpServerRequest request);
}
