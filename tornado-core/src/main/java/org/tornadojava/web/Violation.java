package org.tornadojava.web;

import java.util.Objects;

/**
 * One broken constraint of a validated value, as {@link ValidationError} reports it and the error page lists it:
 * {@code {"field":"title","message":"must not be blank"}}. Immutable; any thread.
 *
 * @param field the property path ({@code title}, {@code items[0].name}); empty for a constraint on the whole value
 * @param message the constraint's message, already interpolated
 */
public record Violation(String field, String message) {
    /**
     * Creates a violation.
     *
     * @param field the property path, empty for the whole value
     * @param message the message
     */
    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
