/**
 * Starting the service: the launcher that refuses a production start without a database and keys, and the
 * dev-mode-only environment (embedded PostgreSQL, a dev key pair and token). Nothing of the dev environment
 * exists in a production build.
 *
 * <p>May use: other platform rooms; no feature. Data access: none (it only starts the database).
 */
package dev.threshold.platform.dev;
