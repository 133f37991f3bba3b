package dev.threshold.score.math;

/** Relationship tiers, weakest first. The floors live in {@link ScoringSettings}. */
public enum Tier {
    STRANGER,
    ACQUAINTANCE,
    FRIEND,
    ALLY;

    private static final Tier[] VALUES = values();

    /** The next stronger tier, or {@code null} for {@link #ALLY}. */
    public Tier next() {
        int i = ordinal() + 1;
        return i < VALUES.length ? VALUES[i] : null;
    }

    /** The next weaker tier, or {@code null} for {@link #STRANGER}. */
    public Tier previous() {
        int i = ordinal() - 1;
        return i >= 0 ? VALUES[i] : null;
    }
}
