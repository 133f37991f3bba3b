/**
 * The HTTP layer below JAX-RS: request ids (header, log context), the declared body limit, security headers
 * and their configuration ({@code threshold.http.*}).
 *
 * <p>May use: {@code platform.problem}; no feature (a feature that takes whole files declares it, the limit
 * does not name paths). Data access: none.
 */
package dev.threshold.platform.http;
