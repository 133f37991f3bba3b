package dev.threshold.score;

import java.util.Map;
import java.util.UUID;

/**
 * Fired (CDI, synchronously, inside the writer's transaction) by {@link ScoreLedger#storeAll} each time stored
 * scores change: the owner and, per contact, its new {@code score_key} (log2 of the effective points in the epoch
 * frame, docs/scoring.md). Observers above (the nudge feature's outbox) compare it with what they last announced;
 * nothing below depends on who listens.
 */
public record ScoreChanged(String owner, Map<UUID, Double> scoreKeys) {}
