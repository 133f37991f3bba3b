/**
 * The instance's warm-up before readiness: synthetic requests through its own HTTP stack, as an owner of its own, and
 * the readiness check that waits for them within a bound (docs/operations.md, "Readiness and warm-up").
 *
 * <p>May use: {@code platform.auth} (the warm-up's own token), {@code platform.persistence}; no feature. Data access:
 * the warm-up's owners ({@code warm_up_owners}), and deleting every row of such an owner in every table that has an
 * {@code owner_id} column ({@link dev.threshold.platform.warmup.WarmUpOwners}); it writes features' rows over HTTP
 * only.
 */
package dev.threshold.platform.warmup;
