/**
 * The mathematics of the threshold score, in plain Java: decayed points, reciprocity, strength, tiers, the
 * log-space state stored per contact, histories and suggestions (docs/scoring.md).
 *
 * <p>Owns: {@code ScoringSettings}, {@code ScoreState}, {@code ScoreCalculator}, {@code ScoreHistory},
 * {@code LogSpace}, the enums {@code InteractionType}, {@code Direction}, {@code Tier}.
 * <p>May use: {@code java.*} only, no framework type (held by {@code ArchitectureTest}); records in, numbers out.
 * <p>Data access: none. The one SQL that repeats the formula ({@code ScoreLedger}'s re-score) is held to this
 * package by a test on real PostgreSQL.
 */
package dev.threshold.score.math;
