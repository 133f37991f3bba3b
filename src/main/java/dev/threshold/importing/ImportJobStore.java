package dev.threshold.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.threshold.platform.api.Page;
import dev.threshold.platform.api.PageRequest;
import dev.threshold.platform.persistence.Columns;
import dev.threshold.platform.persistence.Jdbc;
import dev.threshold.platform.persistence.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code import_jobs} table (V11): every statement of the jobs, through {@link Jdbc}. Each is one short
 * statement of its own (autocommit) unless the caller is in a transaction: the insert of a keyed request joins it, so
 * that the job exists exactly when the stored 202 does.
 */
@ApplicationScoped
class ImportJobStore {

    private static final String COLUMNS = "id, kind, status, dry_run, bytes_read, bytes_total, report::text AS report,"
            + " error, created_at, started_at, finished_at";

    /** A job the sweep ended. */
    record Swept(String owner, UUID id, String kind) {}

    private final Jdbc jdbc;
    private final ObjectMapper json;

    ImportJobStore(Jdbc jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(String owner, UUID id, String kind, boolean dryRun, long bytesTotal, String instance) {
        jdbc.update(
                "INSERT INTO import_jobs (owner_id, id, kind, status, dry_run, bytes_total, instance, heartbeat_at,"
                        + " created_at) VALUES (?, ?, ?, 'QUEUED', ?, ?, ?, now(), clock_timestamp())",
                ps -> {
                    ps.setString(1, owner);
                    ps.setObject(2, id);
                    ps.setString(3, kind);
                    ps.setBoolean(4, dryRun);
                    ps.setLong(5, bytesTotal);
                    ps.setString(6, instance);
                });
    }

    Optional<ImportJob> find(String owner, UUID id) {
        return jdbc.first(
                "SELECT " + COLUMNS + " FROM import_jobs WHERE owner_id = ? AND id = ?",
                ps -> {
                    ps.setString(1, owner);
                    ps.setObject(2, id);
                },
                this::job);
    }

    /** The owner's jobs, newest first, keyset-paged by (created_at, id). */
    Page<ImportJob> page(String owner, PageRequest page) {
        boolean after = page.hasCursor();
        List<ImportJob> rows = jdbc.list(
                "SELECT " + COLUMNS + " FROM import_jobs WHERE owner_id = ?"
                        + (after ? " AND (created_at, id) < (?, ?)" : "")
                        + " ORDER BY created_at DESC, id DESC LIMIT ?",
                ps -> {
                    int i = 1;
                    ps.setString(i++, owner);
                    if (after) {
                        ps.setTimestamp(i++, Timestamp.from(page.afterInstant(0)));
                        ps.setObject(i++, page.afterUuid(1));
                    }
                    ps.setInt(i, page.limit() + 1);
                },
                this::job);
        return page.page(rows, j -> j, j -> List.of(j.createdAt().toString(), j.id().toString()));
    }

    /** QUEUED → RUNNING; false when the job is no longer QUEUED (the sweep ended it). */
    boolean start(String owner, UUID id) {
        return jdbc.update(
                        "UPDATE import_jobs SET status = 'RUNNING', started_at = clock_timestamp(), heartbeat_at = now()"
                                + " WHERE owner_id = ? AND id = ? AND status = 'QUEUED'",
                        ps -> {
                            ps.setString(1, owner);
                            ps.setObject(2, id);
                        })
                == 1;
    }

    /**
     * Ends a job SUCCEEDED (with its report) or FAILED (with its error). Also over a FAILED written by the sweep of a
     * job that was in fact alive (a pause longer than the lease): what happened wins.
     */
    void finish(String owner, UUID id, String status, JsonNode report, String error, long bytesRead) {
        String reportText;
        try {
            reportText = report == null ? null : json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        jdbc.update(
                "UPDATE import_jobs SET status = ?, report = ?::jsonb, error = ?, finished_at = clock_timestamp(),"
                        + " bytes_read = GREATEST(bytes_read, ?) WHERE owner_id = ? AND id = ?",
                ps -> {
                    ps.setString(1, status);
                    ps.setString(2, reportText);
                    ps.setString(3, error);
                    ps.setLong(4, bytesRead);
                    ps.setString(5, owner);
                    ps.setObject(6, id);
                });
    }

    /** The columns of {@link #heartbeat}'s {@code unnest}, in its order. */
    private static final Columns<ImportJobs.Live> LIVE = Columns.<ImportJobs.Live>of()
            .add("varchar", ImportJobs.Live::owner)
            .add("uuid", ImportJobs.Live::id)
            .add("bigint", ImportJobs.Live::bytesRead);

    /** One statement for all of this instance's live jobs: their progress, and their lease renewed. */
    void heartbeat(String instance, Collection<ImportJobs.Live> jobs) {
        if (jobs.isEmpty()) {
            return;
        }
        jdbc.update(
                "UPDATE import_jobs j SET heartbeat_at = now(),"
                        + " bytes_read = GREATEST(j.bytes_read, v.bytes_read)"
                        + " FROM unnest(?::varchar[], ?::uuid[], ?::bigint[]) AS v(owner_id, id, bytes_read)"
                        + " WHERE j.owner_id = v.owner_id AND j.id = v.id AND j.instance = ?"
                        + " AND j.status IN ('QUEUED', 'RUNNING')",
                ps -> {
                    int next = LIVE.bind(ps, 1, jobs);
                    ps.setString(next, instance);
                });
    }

    /**
     * Ends FAILED, with {@code reason}, the QUEUED and RUNNING jobs whose heartbeat is older than {@code lease}, of
     * every owner and instance, at most {@code limit} of them; the jobs it ended. Rows another instance's sweep holds
     * are skipped ({@code FOR UPDATE SKIP LOCKED}), so two sweeps never end a job twice.
     */
    List<Swept> sweep(Duration lease, String reason, int limit) {
        return jdbc.list(
                "UPDATE import_jobs j SET status = 'FAILED', error = ?, finished_at = clock_timestamp()"
                        + " FROM (SELECT owner_id, id FROM import_jobs WHERE status IN ('QUEUED', 'RUNNING')"
                        + " AND heartbeat_at < now() - make_interval(secs => ?) LIMIT ? FOR UPDATE SKIP LOCKED) s"
                        + " WHERE j.owner_id = s.owner_id AND j.id = s.id RETURNING j.owner_id, j.id, j.kind",
                ps -> {
                    ps.setString(1, reason);
                    ps.setDouble(2, lease.toMillis() / 1000.0);
                    ps.setInt(3, limit);
                },
                rs -> new Swept(rs.getString("owner_id"), rs.getObject("id", UUID.class), rs.getString("kind")));
    }

    /** Whether job {@code id} (of any owner) is QUEUED or RUNNING: the start-up clean-up of the spool asks. */
    boolean live(UUID id) {
        return jdbc.first(
                        "SELECT 1 AS live FROM import_jobs WHERE id = ? AND status IN ('QUEUED', 'RUNNING')",
                        ps -> ps.setObject(1, id),
                        rs -> true)
                .orElse(false);
    }

    private ImportJob job(ResultSet rs) throws SQLException {
        String report = rs.getString("report");
        JsonNode tree;
        try {
            tree = report == null ? null : json.readTree(report);
        } catch (JsonProcessingException e) {
            throw new SQLException("import_jobs.report is not JSON", e);
        }
        long total = rs.getLong("bytes_total");
        Long bytesTotal = rs.wasNull() ? null : total;
        long read = rs.getLong("bytes_read");
        return new ImportJob(
                rs.getObject("id", UUID.class),
                rs.getString("kind"),
                rs.getString("status"),
                bytesTotal == null ? read : Math.min(read, bytesTotal),
                bytesTotal,
                tree,
                rs.getString("error"),
                rs.getBoolean("dry_run"),
                SqlValues.instant(rs, "created_at"),
                SqlValues.instant(rs, "started_at"),
                SqlValues.instant(rs, "finished_at"));
    }
}
