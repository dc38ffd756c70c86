package org.tornadojava.web;

import java.util.List;

/**
 * A value read from the request broke its constraints: 400 Bad Request, thrown by
 * {@link RequestHandler#validate(Object)}. The default error page lists the violations: in HTML as a {@code <ul>}
 * after the status, in JSON as {@code "violations":[{"field":..,"message":..}]}. Nothing is logged but the access
 * log line: the mistake is the client's. Created and thrown on any thread.
 */
public final class ValidationError extends HttpError {
    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    /**
     * Creates the error.
     *
     * @param violations what is wrong, at least one
     * @throws IllegalArgumentException when there is no violation
     */
    public ValidationError(List<Violation> violations) {
        super(400);
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a ValidationError needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    /**
     * The broken constraints.
     *
     * @return an unmodifiable list, never empty
     */
    public List<Violation> violations() {
        return violations;
    }

    /**
     * The status and the violations, for debug-mode error pages and the server log.
     *
     * @return e.g. {@code "HTTP 400: Bad Request (title: must not be blank; priority: must be at most 5)"}
     */
    @Override
    public String getMessage() {
        StringBuilder message = new StringBuilder(super.getMessage()).append(" (");
        for (int i = 0; i < violations.size(); i++) {
            Violation violation = violations.get(i);
            message.append(i == 0 ? "" : "; ").append(violation.field().isEmpty() ? "" : violation.field() + ": ")
                    .append(violation.message());
        }
        return message.append(')').toString();
    }
}
