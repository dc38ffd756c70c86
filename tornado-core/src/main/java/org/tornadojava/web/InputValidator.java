package org.tornadojava.web;

import java.util.List;

/**
 * Checks a value a handler read from the request (typically its JSON body) against its constraints, for
 * {@link RequestHandler#validate(Object)}. {@link BeanValidator} does it with Bean Validation
 * ({@code jakarta.validation}); an application sets one with {@link Application.Builder#validator(InputValidator)}.
 * Implementations must be thread-safe: handlers on every IOLoop (and executor threads) share one.
 */
@FunctionalInterface
public interface InputValidator {
    /**
     * Lists what is wrong with a value. Any thread.
     *
     * @param value the value to check, not null
     * @return the broken constraints in a stable order, empty when the value is valid
     */
    List<Violation> validate(Object value);
}
