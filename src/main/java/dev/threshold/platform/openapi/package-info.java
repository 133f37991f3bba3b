/**
 * The OpenAPI document's cross-cutting parts: the filter that adds every problem response to every operation.
 * Each feature keeps its own examples.
 *
 * <p>May use: {@code platform.problem}; no feature. Data access: none.
 */
package dev.threshold.platform.openapi;
