/**
 * Imports and export: each source (LinkedIn, vCard, Google Contacts, …) is one class that turns a file into
 * contact drafts or interactions; the run (streaming in chunks, matching by owner-scoped keys, merging,
 * reporting) is written once. The export streams every contact as CSV or vCard. Import jobs ({@code ImportJobs}) run a
 * large or {@code Prefer: respond-async} import of any {@code ImportKind} (capture's too) from a spooled body, with its
 * state in {@code import_jobs}, and announce every end with {@code ImportFinished}. See docs/importing.md.
 *
 * <p>May use: every feature below it and {@code platform}; nothing depends on it.
 * <p>Data access: set-based upserts of contacts and their keys through {@code platform.persistence.Jdbc};
 * interactions through the interaction feature's "record many" step.
 */
package dev.threshold.importing;
