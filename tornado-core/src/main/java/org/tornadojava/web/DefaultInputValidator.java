package org.tornadojava.web;

import java.util.List;

/**
 * The validator of applications that were given none: Bean Validation's default provider, created on first use
 * (building a validator factory costs some hundred milliseconds), or a clear error when {@code jakarta.validation}
 * or a provider is missing. It names no {@code jakarta.validation} type itself, so it loads without Bean Validation;
 * {@link BeanValidator} is loaded only once the API is known to be there. Thread-safe.
 */
final class DefaultInputValidator implements InputValidator {
    static final DefaultInputValidator INSTANCE = new DefaultInputValidator();

    private volatile InputValidator delegate;

    private DefaultInputValidator() {
    }

    @Override
    public List<Violation> validate(Object value) {
        InputValidator current = delegate;
        if (current == null) {
            current = create();
            delegate = current;
        }
        return current.validate(value);
    }

    private static InputValidator create() {
        try {
            Class.forName("jakarta.validation.Validation", false, DefaultInputValidator.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("validate() needs Bean Validation: add jakarta.validation-api and a "
                    + "provider such as hibernate-validator, or set Application.Builder.validator(...)");
        }
        return BeanValidator.withDefaultProvider();
    }
}
