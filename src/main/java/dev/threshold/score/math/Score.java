package dev.threshold.score.math;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A contact's score at one instant.
 *
 * @param at                 the instant scored
 * @param in                 decayed INBOUND points (+ half of MUTUAL), exact
 * @param out                decayed OUTBOUND points (+ half of MUTUAL), exact
 * @param reciprocity        r = min(in, out) / max(in, out), 0 when both are 0
 * @param effectivePoints    S = (in + out)(0.5 + 0.5 r), exact
 * @param strength           100(1 - e^(-S/K)) rounded HALF_UP to one decimal (for display)
 * @param exactStrength      the unrounded strength; the tier is decided on this
 * @param tier               tier of {@code exactStrength}
 * @param nextTier           the next stronger tier, {@code null} for ALLY
 * @param strengthToNextTier next tier's floor minus exactStrength, one decimal; {@code null} for ALLY
 * @param daysUntilTierDrop  days until the strength falls below the current tier's floor with no new
 *                           interaction, H log2(S / S_floor), one decimal; {@code null} for STRANGER
 * @param lastInteractionAt  latest interaction counted, {@code null} if none
 * @param breakdown          decayed points per type at {@code at} (all directions), rounded to two
 *                           decimals; every type present; unmodifiable
 */
public record Score(
        Instant at,
        double in,
        double out,
        double reciprocity,
        double effectivePoints,
        double strength,
        double exactStrength,
        Tier tier,
        Tier nextTier,
        Double strengthToNextTier,
        Double daysUntilTierDrop,
        Instant lastInteractionAt,
        Map<InteractionType, Double> breakdown) {

    public Score {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(breakdown, "breakdown");
        EnumMap<InteractionType, Double> b = new EnumMap<>(InteractionType.class);
        for (InteractionType t : InteractionType.values()) {
            Double v = breakdown.get(t);
            b.put(t, v == null ? 0.0 : v);
        }
        breakdown = Collections.unmodifiableMap(b);
    }
}
