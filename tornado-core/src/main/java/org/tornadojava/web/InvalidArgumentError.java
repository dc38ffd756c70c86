package org.tornadojava.web;

/**
 * An argument was sent but its value does not have the type asked for (a number that is not one, an unknown enum
 * constant): 400 Bad Request with the reason {@code Invalid argument <name>}, thrown by the typed getters of
 * {@link RequestHandler} such as {@code getIntArgument}. Like {@link MissingArgumentError}, it is logged once at
 * WARN naming the argument, without a stack trace.
 */
public final class InvalidArgumentError extends ArgumentError {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the error.
     *
     * @param argumentName the argument whose value is malformed
     */
    public InvalidArgumentError(String argumentName) {
        super("Invalid argument", argumentName);
    }
}
