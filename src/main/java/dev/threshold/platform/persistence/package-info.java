/**
 * Persistence helpers and the data-access rule of the service: entity CRUD through Panache repositories in
 * the features; every hand-written SQL statement through {@link dev.threshold.platform.persistence.Jdbc},
 * with one row mapper per query reading columns by name. Also time-ordered ids, the owned primary key and
 * the transaction timeouts.
 *
 * <p>May use: Agroal, Hibernate's mapping annotations; no other room, no feature.
 */
package dev.threshold.platform.persistence;
