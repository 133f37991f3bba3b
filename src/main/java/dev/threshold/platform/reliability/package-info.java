/**
 * Cross-cutting reliability (docs/reliability.md): {@code Idempotency-Key} replay and its purge, the
 * per-owner rate limit, and the bulkhead of heavy reads.
 *
 * <p>May use: {@code platform.problem}, {@code platform.auth}, {@code platform.persistence},
 * {@code platform.http}; no feature (features declare what they need, e.g. by annotation).
 * <p>Data access: the idempotency table through {@code platform.persistence.Jdbc}.
 */
package dev.threshold.platform.reliability;
