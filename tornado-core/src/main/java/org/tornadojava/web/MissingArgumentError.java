package org.tornadojava.web;

/**
 * A required argument is missing: 400 Bad Request, Tornado's {@code MissingArgumentError}. Thrown by
 * {@code getArgument(name)} and its query/body variants.
 */
public final class MissingArgumentError extends HttpError {
    private static final long serialVersionUID = 1L;

    private final String argumentName;

    /**
     * Creates the error.
     *
     * @param argumentName the argument that was not sent
     */
    public MissingArgumentError(String argumentName) {
        super(400, "Missing argument %s", argumentName);
        withReason("Missing argument " + argumentName);
        this.argumentName = argumentName;
    }

    /**
     * The argument that was not sent.
     *
     * @return its name
     */
    public String argumentName() {
        return argumentName;
    }
}
