/**
 * The score as a feature: the stored score state of each contact ({@code ScoreLedger}), the one-statement score
 * read, owners' scoring settings, ranking by key range and who clears an action, and the score, history,
 * ranking and settings endpoints.
 *
 * <p>May use: {@code score.math}, {@code action}, {@code platform}. Used by contact, interaction, network and
 * importing, which record and read scores through it.
 * <p>Data access: Panache for entities; the hand-tuned set-based SQL (locks, O(1) state updates, the
 * log-sum-exp re-score, key-range reads) through {@code platform.persistence.Jdbc}, one row mapper per query.
 */
package dev.threshold.score;
