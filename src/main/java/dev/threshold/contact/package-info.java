/**
 * Contacts: the people of an owner, their CRUD endpoints, merge patch and keyset listing with the score's
 * read-only fields (strength, tier, last interaction).
 *
 * <p>May use: {@code score}, {@code score.math}, {@code action}, {@code platform}.
 * <p>Data access: Panache for the {@code Contact} entity; the filtered keyset listing and the delete through
 * {@code platform.persistence.Jdbc} or Panache queries, never positional column reads.
 */
package dev.threshold.contact;
