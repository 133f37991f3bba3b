package dev.threshold.action;

/**
 * Fired (CDI, synchronously, inside the transaction) by {@link ActionService} when an owner's actions changed: one
 * was created (or the default ladder provisioned), its threshold or name changed, or it was deleted. Observers above
 * (the nudge feature's decay schedule) re-read the owner's thresholds.
 */
public record ActionsChanged(String owner) {}
