package dev.threshold.importing;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** An import that runs after its request answered 202: {@code GET /imports/{id}}, an item of {@code GET /imports}. */
@Schema(name = "ImportJob", description = "An import running (or run) as a job")
public record ImportJob(
        UUID id,
        @Schema(description = "The import: linkedin, vcard, google, calendar, mail, …") String kind,
        @Schema(enumeration = {"QUEUED", "RUNNING", "SUCCEEDED", "FAILED"}) String status,
        @Schema(description = "Bytes of the body the import has read so far (updated every few seconds)")
                long bytesRead,
        @Schema(description = "The body's size in bytes") Long bytesTotal,
        @Schema(
                        description = "The import's report once SUCCEEDED, as the synchronous import answers it (a"
                                + " capture's report adds its own fields)",
                        nullable = true,
                        implementation = ImportReport.class)
                JsonNode report,
        @Schema(description = "Why it FAILED, in words", nullable = true) String error,
        boolean dryRun,
        Instant createdAt,
        @Schema(nullable = true) Instant startedAt,
        @Schema(nullable = true) Instant finishedAt) {

    static final String QUEUED = "QUEUED";
    static final String RUNNING = "RUNNING";
    static final String SUCCEEDED = "SUCCEEDED";
    static final String FAILED = "FAILED";
}
