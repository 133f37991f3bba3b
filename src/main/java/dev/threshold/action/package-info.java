/**
 * Actions: what the owner wants to do ("ask for a referral") and the strength it takes; a new owner's default
 * ladder; CRUD endpoints.
 *
 * <p>May use: {@code score.math}, {@code platform}. Below {@code score}: the score feature reads the actions
 * (which ones a score clears, who clears one), never the other way round.
 * <p>Data access: Panache for the {@code Action} entity; the one-statement default provisioning through
 * {@code platform.persistence.Jdbc}.
 */
package dev.threshold.action;
