package dev.threshold.platform.api;

import dev.threshold.platform.problem.ApiProblem;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;

/** Parsing of query and path parameters into typed values, with 400s that name the parameter. */
public final class Params {

    private Params() {}

    public static UUID pathId(String raw, String what) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiProblem.notFound(what);
        }
    }

    public static UUID uuid(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(raw.trim());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid(field, "must be a UUID");
        }
    }

    public static Instant instant(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        // an unencoded '+' of an offset arrives as a space ("…T11:00:00 02:00"): read it as the offset it was
        String text = raw.trim().replace(' ', '+');
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e2) {
                throw ApiProblem.invalid(field, "must be an ISO-8601 instant such as 2026-01-31T09:00:00Z");
            }
        }
    }

    public static <E extends Enum<E>> E enumValue(String raw, Class<E> type, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            StringBuilder allowed = new StringBuilder();
            for (E constant : type.getEnumConstants()) {
                allowed.append(allowed.length() == 0 ? "" : ", ").append(constant.name());
            }
            throw ApiProblem.invalid(field, "must be one of " + allowed);
        }
    }

    public static Double number(String raw, String field, double min, double max) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        double value;
        try {
            value = Double.parseDouble(raw.trim());
        } catch (NumberFormatException e) {
            throw ApiProblem.invalid(field, "must be a number");
        }
        if (!(value >= min && value <= max)) {
            throw ApiProblem.invalid(field, "must be between " + fmt(min) + " and " + fmt(max));
        }
        return value;
    }

    public static String text(String raw, String field, int maxLength) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        if (raw.length() > maxLength) {
            throw ApiProblem.invalid(field, "must be at most " + maxLength + " characters");
        }
        return raw;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
