package dev.threshold.interaction;

import dev.threshold.platform.api.Params;
import dev.threshold.platform.problem.ApiProblem;
import dev.threshold.score.math.InteractionType;

import java.time.Instant;
import java.util.UUID;

/** Filters of the interaction lists: {@code from} (inclusive), {@code to} (exclusive), {@code type}, {@code contactId}. */
public record InteractionQuery(UUID contactId, Instant from, Instant to, InteractionType type) {

    static InteractionQuery parse(UUID contactId, String from, String to, String type) {
        Instant f = Params.instant(from, "from");
        Instant t = Params.instant(to, "to");
        if (f != null && t != null && !f.isBefore(t)) {
            throw ApiProblem.invalid("to", "must be after from");
        }
        return new InteractionQuery(contactId, f, t, Params.enumValue(type, InteractionType.class, "type"));
    }

    String ordering() {
        return "interactions";
    }
}
