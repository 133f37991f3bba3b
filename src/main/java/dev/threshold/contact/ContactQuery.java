package dev.threshold.contact;

import dev.threshold.platform.api.Params;
import dev.threshold.platform.problem.ApiProblem;
import dev.threshold.score.math.Tier;

/** Filters and ordering of {@code GET /contacts}. */
public record ContactQuery(String q, String tag, Tier tier, Sort sort) {

    public enum Sort {
        DISPLAY_NAME,
        STRENGTH,
        LAST_INTERACTION_AT
    }

    static ContactQuery parse(String q, String tag, String tier, String sort) {
        Sort order =
                switch (sort == null || sort.isBlank() ? "displayName" : sort.trim()) {
                    case "displayName" -> Sort.DISPLAY_NAME;
                    case "strength" -> Sort.STRENGTH;
                    case "lastInteractionAt" -> Sort.LAST_INTERACTION_AT;
                    default -> throw ApiProblem.invalid(
                            "sort", "must be one of displayName, strength, lastInteractionAt");
                };
        String text = Params.text(q, "q", 200);
        if (text != null && text.indexOf('\u0000') >= 0) {
            throw ApiProblem.invalid("q", "must not contain NUL characters");
        }
        String tagValue = Params.text(tag, "tag", 100);
        if (tagValue != null && tagValue.indexOf('\u0000') >= 0) {
            throw ApiProblem.invalid("tag", "must not contain NUL characters");
        }
        return new ContactQuery(
                text == null || text.isBlank() ? null : text.strip(),
                tagValue,
                Params.enumValue(tier, Tier.class, "tier"),
                order);
    }

    String ordering() {
        return "contacts:" + sort.name();
    }
}
