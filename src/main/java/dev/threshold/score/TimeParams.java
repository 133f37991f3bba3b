package dev.threshold.score;

import dev.threshold.platform.api.Params;
import dev.threshold.platform.problem.ApiProblem;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** The {@code at}, {@code from}, {@code to} and {@code step} parameters of the score endpoints. */
public final class TimeParams {

    static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    private TimeParams() {}

    /** {@code at}, defaulting to now; between 1970 and 2200. */
    public static Instant at(String raw) {
        return bounded(Params.instant(raw, "at"), "at", Instant.now());
    }

    static Instant bounded(Instant value, String field, Instant fallback) {
        Instant v = value == null ? fallback : value;
        if (v.isBefore(EARLIEST) || v.isAfter(LATEST)) {
            throw ApiProblem.invalid(field, "must be between 1970-01-01T00:00:00Z and 2200-01-01T00:00:00Z");
        }
        return v;
    }

    /** An ISO-8601 duration such as {@code PT6H}, {@code P1D} or {@code P1W}; at least one minute. */
    static Duration step(String raw) {
        if (raw == null || raw.isBlank()) {
            return Duration.ofDays(1);
        }
        String text = raw.trim().toUpperCase(Locale.ROOT);
        Duration step;
        try {
            step = Duration.parse(text);
        } catch (DateTimeParseException e) {
            try {
                Period period = Period.parse(text);
                if (period.getMonths() != 0 || period.getYears() != 0) {
                    throw ApiProblem.invalid("step", "months and years vary in length; use days or weeks, e.g. P30D");
                }
                step = Duration.ofDays(period.getDays());
            } catch (DateTimeParseException e2) {
                throw ApiProblem.invalid("step", "must be an ISO-8601 duration such as P1D or PT6H");
            }
        }
        if (step.compareTo(Duration.ofMinutes(1)) < 0) {
            throw ApiProblem.invalid("step", "must be at least one minute");
        }
        return step;
    }
}
