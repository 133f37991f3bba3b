package dev.threshold.platform.api;

import dev.threshold.platform.problem.ApiProblem;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

/** Bean Validation of request bodies, reported by {@link ProblemMapper} as a 400 naming each field. */
public final class Validation {

    private Validation() {}

    public static <T> T require(Validator validator, T input) {
        if (input == null) {
            throw ApiProblem.invalid("body", "is required");
        }
        var violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return input;
    }
}
