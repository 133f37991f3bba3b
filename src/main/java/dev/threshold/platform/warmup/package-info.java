/**
 * The instance's warm-up before readiness: synthetic reads through its own HTTP stack, and the readiness check that
 * waits for them within a bound (docs/operations.md, "Readiness and warm-up").
 *
 * <p>May use: {@code platform.auth} (the warm-up's own token); no feature. Data access: none (it reads over HTTP).
 */
package dev.threshold.platform.warmup;
