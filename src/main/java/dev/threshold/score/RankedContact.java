package dev.threshold.score;

import dev.threshold.score.math.Tier;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** A contact in a ranking: {@code GET /scores} and {@code GET /actions/{id}/contacts}. */
@Schema(name = "RankedContact")
public record RankedContact(
        UUID contactId,
        String displayName,
        double strength,
        Tier tier,
        @Schema(nullable = true) Instant lastInteractionAt) {}
