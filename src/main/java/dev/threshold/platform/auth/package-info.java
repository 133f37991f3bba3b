/**
 * Who is asking: the owner of a request (the token's {@code sub}) and the cache of verified tokens.
 *
 * <p>May use: {@code platform.problem}; no feature. Data access: none.
 */
package dev.threshold.platform.auth;
