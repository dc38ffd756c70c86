package org.tornadojava.web;

/**
 * A route that cannot work, found while the application is being built: a pattern that is not a valid regex, a
 * verb method whose parameters cannot take the pattern's groups, an invalid handler attribute (e.g. an
 * {@code ipWhitelist} CIDR), or two handlers claiming the same pattern or name. The message names the route, the
 * handler (class, and method when one is at fault) and the problem; Spring Boot's failure analysis prints it
 * with what to do. Thrown on the thread building the application.
 */
public class InvalidRouteException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String route;
    private final String handler;
    private final String problem;

    /**
     * Creates the exception.
     *
     * @param route the route's pattern, e.g. {@code /story/([0-9]+)}
     * @param handler what is at fault: a handler class name, or {@code Class.method(...)}
     * @param problem what is wrong, e.g. {@code "has 1 group but get() takes 2 arguments"}
     * @param cause the underlying error, or null
     */
    public InvalidRouteException(String route, String handler, String problem, Throwable cause) {
        super("Invalid route '" + route + "' of " + handler + ": " + problem, cause);
        this.route = route;
        this.handler = handler;
        this.problem = problem;
    }

    /**
     * Creates the exception without a cause.
     *
     * @param route the route's pattern
     * @param handler what is at fault: a handler class name, or {@code Class.method(...)}
     * @param problem what is wrong
     */
    public InvalidRouteException(String route, String handler, String problem) {
        this(route, handler, problem, null);
    }

    /**
     * The route's pattern. Any thread.
     *
     * @return the pattern as written
     */
    public String route() {
        return route;
    }

    /**
     * What is at fault: a handler class name, or {@code Class.method(...)}. Any thread.
     *
     * @return the handler
     */
    public String handler() {
        return handler;
    }

    /**
     * What is wrong with the route, without the route and handler. Any thread.
     *
     * @return the problem
     */
    public String problem() {
        return problem;
    }
}
