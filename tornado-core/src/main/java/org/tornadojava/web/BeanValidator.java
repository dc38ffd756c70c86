package org.tornadojava.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidationException;
import jakarta.validation.Validator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * An {@link InputValidator} backed by a Bean Validation {@link Validator} ({@code @NotBlank}, {@code @Size},
 * {@code @Valid} on nested values...): each {@link ConstraintViolation} becomes a {@link Violation} of its property
 * path and interpolated message, sorted by field then message so error pages are stable. Only usable with
 * {@code jakarta.validation} on the class path; the Spring Boot starter wraps the context's {@code Validator} bean
 * in one. Thread-safe, as Bean Validation validators are.
 */
public final class BeanValidator implements InputValidator {
    private static final Comparator<Violation> ORDER = Comparator.comparing(Violation::field)
            .thenComparing(Violation::message);

    private final Validator validator;

    /**
     * Wraps a validator.
     *
     * @param validator the Bean Validation validator to delegate to
     */
    public BeanValidator(Validator validator) {
        this.validator = Objects.requireNonNull(validator, "validator");
    }

    /**
     * A validator of Bean Validation's default provider ({@code Validation.buildDefaultValidatorFactory()}), what
     * applications without {@link Application.Builder#validator(InputValidator)} use. Any thread; costly (build it
     * once).
     *
     * @return the validator
     * @throws IllegalStateException when no provider (such as hibernate-validator) can be started
     */
    public static BeanValidator withDefaultProvider() {
        try {
            return new BeanValidator(Validation.buildDefaultValidatorFactory().getValidator());
        } catch (ValidationException e) {
            throw new IllegalStateException("no usable Bean Validation provider: " + e.getMessage(), e);
        }
    }

    /**
     * Validates with the default constraint group. Any thread.
     *
     * @param value the value, not null
     * @return the violations in field order, empty when valid
     */
    @Override
    public List<Violation> validate(Object value) {
        List<Violation> violations = new ArrayList<>();
        for (ConstraintViolation<Object> violation : validator.validate(value)) {
            violations.add(new Violation(violation.getPropertyPath().toString(), violation.getMessage()));
        }
        violations.sort(ORDER);
        return violations;
    }
}
