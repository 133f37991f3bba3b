/**
 * Operations' view of the service beside the built-in HTTP, JVM and pool metrics.
 *
 * <p>May use: Micrometer; no feature (features declare their own business counters). Data access: none.
 */
package dev.threshold.platform.observability;
