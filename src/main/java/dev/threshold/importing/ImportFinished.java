package dev.threshold.importing;

import java.util.Map;
import java.util.UUID;

/**
 * Fired (CDI, synchronously) when an import has ended and what it wrote is committed: a job that SUCCEEDED or FAILED,
 * or a synchronous import that answered its report (a dry run, which writes nothing, fires nothing). For the nudges'
 * {@code import.finished} webhooks; fired outside any transaction, so an observer that records something opens its
 * own.
 *
 * @param owner whose import it was
 * @param jobId the job, or null for a synchronous import
 * @param kind {@code linkedin}, {@code vcard}, {@code google}, or a capture kind such as {@code calendar}
 * @param status {@code SUCCEEDED} or {@code FAILED}
 * @param summary the report's counts as flat names ({@code created}, {@code messages.created}, …); empty when FAILED
 * @param error why it failed, in words; null when it succeeded
 */
public record ImportFinished(
        String owner, UUID jobId, String kind, String status, Map<String, Long> summary, String error) {}
