package dev.threshold.platform.api;

import dev.threshold.platform.problem.ApiProblem;

/** Normalisation of user text before it is stored: trimmed, empty as absent, and no NUL characters (PostgreSQL rejects them). */
public final class Text {

    private Text() {}

    public static String clean(String field, String value) {
        if (value == null) {
            return null;
        }
        if (value.indexOf('\u0000') >= 0) {
            throw ApiProblem.invalid(field, "must not contain NUL characters");
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
