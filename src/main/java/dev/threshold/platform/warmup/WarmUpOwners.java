package dev.threshold.platform.warmup;

import dev.threshold.platform.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The warm-up's own owners in the database (table {@code warm_up_owners}): one made up per start, recorded before
 * anything is written for it, and deleted with every row it has when the warm-up ends. A record older than the
 * warm-up's bound is the leftover of an instance that died while warming ({@link #stale}); the next start's warm-up
 * purges it. Only owners recorded here are ever deleted, so no real owner's row can be.
 *
 * <p>"Every row" is every row of every table of the schema that has an {@code owner_id} column, found in the catalog
 * when it runs: a feature that adds a table adds nothing here. The foreign keys between them all cascade, so the order
 * does not matter; the record itself goes last, in the same transaction.
 */
@ApplicationScoped
public class WarmUpOwners {

    private static final String TABLES = "SELECT c.table_name FROM information_schema.columns c"
            + " JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name"
            + " WHERE c.table_schema = current_schema() AND c.column_name = 'owner_id'"
            + " AND t.table_type = 'BASE TABLE' AND c.table_name <> 'warm_up_owners' ORDER BY c.table_name";

    private final Jdbc jdbc;

    public WarmUpOwners(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Records {@code owner} as the warm-up's, before anything is written for it. */
    @Transactional
    public void register(String owner, Instant now) {
        jdbc.update("INSERT INTO warm_up_owners (owner_id, started_at) VALUES (?, ?)", ps -> {
            ps.setString(1, owner);
            ps.setTimestamp(2, Timestamp.from(now));
        });
    }

    /** Deletes every row of the recorded warm-up owner {@code owner}, and its record; the rows deleted. */
    @Transactional
    public long purge(String owner) {
        boolean recorded = jdbc.first(
                        "SELECT 1 AS one FROM warm_up_owners WHERE owner_id = ? FOR UPDATE",
                        ps -> ps.setString(1, owner),
                        rs -> true)
                .orElse(false);
        if (!recorded) {
            return 0; // not a warm-up owner (or already purged): nothing of it is ever deleted here
        }
        long deleted = 0;
        for (String table : jdbc.list(TABLES, Jdbc.Binder.NONE, rs -> rs.getString("table_name"))) {
            deleted += jdbc.update(
                    "DELETE FROM \"" + table.replace("\"", "\"\"") + "\" WHERE owner_id = ?",
                    ps -> ps.setString(1, owner));
        }
        jdbc.update("DELETE FROM warm_up_owners WHERE owner_id = ?", ps -> ps.setString(1, owner));
        return deleted;
    }

    /** The warm-up owners recorded before {@code now - age}: leftovers of instances that died while warming. */
    public List<String> stale(Instant now, Duration age) {
        return jdbc.list(
                "SELECT owner_id FROM warm_up_owners WHERE started_at < ? ORDER BY started_at",
                ps -> ps.setTimestamp(1, Timestamp.from(now.minus(age))),
                rs -> rs.getString("owner_id"));
    }
}
