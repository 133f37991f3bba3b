/**
 * Sources of capture for chats and LinkedIn's archive: one streaming parser per export kind (WhatsApp's chat export,
 * Telegram Desktop's {@code result.json}, LinkedIn's whole-export {@code .zip}), each an {@code @ApplicationScoped}
 * {@link dev.threshold.capture.CaptureSource} that turns a file into {@link dev.threshold.capture.Captured} items
 * handed to the pipeline's {@link dev.threshold.capture.CaptureSink}, with per-item errors by line that never abort
 * the file. No database: {@link dev.threshold.capture.CaptureService} does exchange grouping, matching, the report and
 * idempotent recording; each class can also be used on its own ({@code new WhatsAppChat(zone, me).read(…)}) in
 * plain unit tests. See docs/importing.md.
 *
 * <p>May use: {@code dev.threshold.capture}, every feature below it and {@code platform}.
 */
package dev.threshold.capture.source;
