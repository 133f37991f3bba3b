package dev.threshold.score;

/**
 * Fired (CDI, synchronously, inside the transaction) by {@link ScoringSettingsService} after an owner's scoring
 * settings changed (and, for a half-life or weight change, after every contact was re-scored): tiers and stored
 * scores of that owner may all have moved at once.
 */
public record ScoringChanged(String owner) {}
