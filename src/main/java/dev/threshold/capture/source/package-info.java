/**
 * Sources of capture: one pure, streaming parser per export kind (WhatsApp's chat export, Telegram Desktop's
 * {@code result.json}, LinkedIn's whole-export {@code .zip}), each turning a file into
 * {@link dev.threshold.capture.Captured} items handed to a {@link dev.threshold.capture.source.CaptureSink}, with
 * per-item errors by line that never abort the file. No database, no CDI: the capture pipeline (exchange grouping,
 * matching, the report, idempotent recording) calls them. See docs/importing.md.
 *
 * <p>May use: {@code dev.threshold.capture}, every feature below it and {@code platform}.
 */
package dev.threshold.capture.source;
