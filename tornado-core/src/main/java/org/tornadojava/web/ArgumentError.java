package org.tornadojava.web;

/**
 * A request argument the handler asked for cannot be used: 400 Bad Request whose reason and log message name the
 * argument; logged once at WARN on {@code tornado.general} (after the escaped request line), without a stack
 * trace. Catch this type to handle {@link MissingArgumentError} and {@link InvalidArgumentError} alike. Created and
 * thrown on any thread.
 */
public abstract sealed class ArgumentError extends HttpError permits MissingArgumentError, InvalidArgumentError {
    private static final long serialVersionUID = 1L;

    private final String argumentName;

    /**
     * Creates the error with the reason {@code <problem> <argumentName>}.
     *
     * @param problem what is wrong, e.g. {@code Missing argument}
     * @param argumentName the argument
     */
    ArgumentError(String problem, String argumentName) {
        super(400, problem + " %s", argumentName);
        withReason(problem + " " + argumentName);
        this.argumentName = argumentName;
    }

    /**
     * The argument the error is about.
     *
     * @return its name
     */
    public String argumentName() {
        return argumentName;
    }
}
