package org.tornadojava.spring.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.tornadojava.web.InvalidRouteException;

/**
 * Explains an {@link InvalidRouteException} (an invalid {@code @Handler} attribute, a duplicate route, a verb
 * method that cannot take its route's groups): the route, the handler and the problem, then the rules a route
 * follows. Called by Boot on the thread that failed to start the application.
 */
class InvalidRouteFailureAnalyzer extends AbstractFailureAnalyzer<InvalidRouteException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidRouteException cause) {
        String description = "A Tornado route cannot work:\n\n    route:   " + cause.route() + "\n    handler: "
                + cause.handler() + "\n    problem: " + cause.problem() + "\n";
        String action = "Correct the @Handler annotation or the verb method of " + cause.handler() + ". A pattern "
                + "is a Java regex matched against the whole path; each group becomes a String argument of the verb "
                + "methods (get, post, ...). ipWhitelist lists CIDRs such as 10.0.0.0/8 or ::1/128. A pattern (with "
                + "its hosts) and a route name belong to one handler only.";
        return new FailureAnalysis(description, action, cause);
    }
}
