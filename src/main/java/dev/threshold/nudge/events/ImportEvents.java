package dev.threshold.nudge.events;

import dev.threshold.importing.ImportFinished;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Raises {@code import.finished} for every import that ended (a job or a synchronous import; a dry run fires nothing).
 * {@link ImportFinished} is fired once the import's writes are committed, outside any transaction, so the event is
 * written in a transaction of its own right after: a crash in between loses this one event (never an import's data),
 * which docs/nudges.md says.
 */
@ApplicationScoped
public class ImportEvents {

    private final Outbox outbox;

    public ImportEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void onImportFinished(@Observes ImportFinished finished) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("jobId", finished.jobId());
        data.put("kind", finished.kind());
        data.put("status", finished.status());
        data.put("report", finished.summary());
        if (finished.error() != null) {
            data.put("error", finished.error());
        }
        QuarkusTransaction.requiringNew().run(() -> outbox.raise(finished.owner(), NudgeEvent.IMPORT_FINISHED, data));
    }
}
