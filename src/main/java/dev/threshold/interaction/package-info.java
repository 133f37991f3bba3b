/**
 * Interactions: the relationship log. Recording one updates the contact's score in O(1); a batch records up
 * to 1,000 at once through the one "record many" step that imports use too; edits and deletes re-derive.
 *
 * <p>May use: {@code score}, {@code score.math}, {@code contact}, {@code action}, {@code platform}.
 * <p>Data access: Panache for the {@code Interaction} entity; set-based inserts ({@code unnest} arrays)
 * through {@code platform.persistence.Jdbc}.
 */
package dev.threshold.interaction;
