package dev.threshold.score.math;

/**
 * Kind of interaction with a contact. The declaration order is part of the stored form:
 * {@link ScoreState#typeKeys()} is indexed by {@link #ordinal()}, so new types may only be appended.
 */
public enum InteractionType {
    VIEW(0.5),
    LIKE(1),
    COMMENT(3),
    SHARE(4),
    MESSAGE(5),
    CALL(8),
    MEETING(12),
    FAVOR(15);

    private static final InteractionType[] VALUES = values();

    private final double defaultWeight;

    InteractionType(double defaultWeight) {
        this.defaultWeight = defaultWeight;
    }

    /** Points of one interaction of this type when neither the owner settings nor the interaction override it. */
    public double defaultWeight() {
        return defaultWeight;
    }

    /** Number of types (length of {@link ScoreState#typeKeys()}). */
    public static int count() {
        return VALUES.length;
    }

    static InteractionType ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }
}
