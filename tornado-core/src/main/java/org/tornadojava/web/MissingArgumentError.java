package org.tornadojava.web;

/**
 * A required argument is missing: 400 Bad Request, Tornado's {@code MissingArgumentError}. Thrown by
 * {@code getArgument(name)} and its query/body variants.
 */
public final class MissingArgumentError extends ArgumentError {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the error.
     *
     * @param argumentName the argument that was not sent
     */
    public MissingArgumentError(String argumentName) {
        super("Missing argument", argumentName);
    }
}
