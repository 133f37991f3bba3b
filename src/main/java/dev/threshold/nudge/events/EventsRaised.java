package dev.threshold.nudge.events;

/**
 * Fired by {@link Outbox} when it queued deliveries in the current transaction; the delivery worker observes it
 * after a successful commit and wakes at once instead of waiting for its next poll.
 */
public record EventsRaised(int deliveries) {}
