/**
 * The owner's whole network: the tier pyramid summary (from the per-owner score histogram and its scheduled
 * compaction) and the recommendations of whom to engage next.
 *
 * <p>May use: {@code score}, {@code score.math}, {@code action}, {@code contact}, {@code interaction},
 * {@code platform}.
 * <p>Data access: read-only set-based SQL through {@code platform.persistence.Jdbc}, one row mapper per query.
 */
package dev.threshold.network;
