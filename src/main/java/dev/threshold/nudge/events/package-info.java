/**
 * The events of nudges (docs/nudges.md): {@code ScoreWatch} raises them in the transaction of every write that
 * changes a score (observing the score feature's {@code ScoreChanged}), {@code DecaySweep} for changes caused by
 * decay alone, both from the per-contact {@code nudge_watch} row (what was last announced, and when the next decay
 * crossing is due: {@code Crossings}); {@code Outbox} writes them with their pending deliveries. Reaches the
 * database through {@code platform.persistence.Jdbc} only.
 */
package dev.threshold.nudge.events;
