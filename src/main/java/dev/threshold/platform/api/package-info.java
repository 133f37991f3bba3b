/**
 * The REST conventions every resource shares: pages and keyset cursors, parameter parsing, text cleaning,
 * validation, JSON Merge Patch and entity tags.
 *
 * <p>May use: {@code platform.problem}; no feature. Data access: none.
 */
package dev.threshold.platform.api;
