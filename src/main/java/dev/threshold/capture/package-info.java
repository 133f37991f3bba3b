/**
 * Capture: interactions from the data people already have (calendars, mail, LinkedIn's export, chats). Each source
 * is one class that turns a file into {@link dev.threshold.capture.Captured} items; grouping messages into
 * exchanges, matching parties to contacts by owner-scoped keys, the unmatched report and idempotent recording by
 * source id are written once. See docs/importing.md.
 *
 * <p>May use: every feature below it and {@code platform}; nothing depends on it but {@code nudge}.
 */
package dev.threshold.capture;
