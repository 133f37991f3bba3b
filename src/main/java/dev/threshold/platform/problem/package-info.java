/**
 * Problem details (RFC 9457): the one place where exceptions become {@code application/problem+json}, with
 * stable type URIs, field errors and the request id.
 *
 * <p>May use: other platform rooms that sit below it ({@code http} for the request id) and Jakarta/Quarkus;
 * no feature. Data access: none.
 */
package dev.threshold.platform.problem;
