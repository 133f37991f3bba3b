package dev.threshold.interaction;

import dev.threshold.platform.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Where captured interactions came from ({@code interaction_sources}, V10): per owner, an export kind and the
 * source's own id of an item (an event's UID and instance, a Message-ID, a chat and line) → the interaction it made.
 * The primary key {@code (owner_id, kind, source_id)} is what makes re-importing a file create nothing.
 */
@ApplicationScoped
public class InteractionSources {

    /**
     * The source ids of some items, chosen by a query of the caller's (e.g. over the spool of a capture), so that an
     * item with a million source ids (one long chat exchange) never passes through memory. {@code sql} yields the rows
     * {@code (item bigint, source_id text, at timestamptz, seq bigint)}: each source id of item number {@code item}
     * (1, 2, …), whose sources are in ({@code at}, {@code seq}) order; it has {@code parameters} parameters, bound by
     * {@code binder} from index 1 on.
     */
    public record Selection(String sql, int parameters, Jdbc.Binder binder) {}

    private final Jdbc jdbc;

    public InteractionSources(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Item number → the interaction its first already recorded source made, for the items with such a source. */
    public Map<Long, UUID> recorded(String owner, String kind, Selection items) {
        record Row(long item, UUID interactionId) {}
        // During a first import the table's statistics still say "empty" (this transaction's rows are uncommitted),
        // and the planner then reads every source row of the owner for every chunk: quadratic in the import (docs/
        // benchmarks.md, "Capture"). Without sequential scans, and with the cascade's index keyed by interaction id
        // alone (V15), the lookup can only go through the primary key.
        jdbc.update("SET LOCAL enable_seqscan = off", Jdbc.Binder.NONE);
        List<Row> rows = jdbc.list(
                "WITH items AS (" + items.sql() + ")"
                        + " SELECT DISTINCT ON (i.item) i.item, s.interaction_id FROM items i"
                        // one probe of the primary key per source id (LATERAL, not flattened: OFFSET 0), never a hash
                        // of all the owner's sources, which the planner would choose, thinking the table small
                        + " CROSS JOIN LATERAL (SELECT interaction_id FROM interaction_sources"
                        + " WHERE owner_id = ? AND kind = ? AND source_id = i.source_id OFFSET 0) s"
                        + " ORDER BY i.item, i.at, i.seq",
                ps -> {
                    items.binder().bind(ps);
                    ps.setString(items.parameters() + 1, owner);
                    ps.setString(items.parameters() + 2, kind);
                },
                rs -> new Row(rs.getLong("item"), rs.getObject("interaction_id", UUID.class)));
        jdbc.update("RESET enable_seqscan", Jdbc.Binder.NONE);
        Map<Long, UUID> found = new HashMap<>();
        for (Row r : rows) {
            found.put(r.item(), r.interactionId());
        }
        return found;
    }

    /**
     * Links each source id of item number {@code n} to {@code interactions.get(n - 1)}, those not linked yet (one
     * statement), and returns the interactions that got at least one link here. A source already held by this owner
     * (an earlier import, or a concurrent one that committed first or is about to: the insert waits for it) is left
     * alone.
     */
    public Set<UUID> claim(String owner, String kind, Selection items, List<UUID> interactions) {
        if (interactions.isEmpty()) {
            return Set.of();
        }
        int n = items.parameters();
        return new HashSet<>(jdbc.list(
                "WITH items AS (" + items.sql() + "),"
                        + " linked AS (INSERT INTO interaction_sources (owner_id, kind, source_id, interaction_id)"
                        + " SELECT ?, ?, i.source_id, m.interaction_id FROM items i"
                        + " JOIN unnest(?::uuid[]) WITH ORDINALITY AS m(interaction_id, item) ON m.item = i.item"
                        + " ON CONFLICT DO NOTHING RETURNING interaction_id)"
                        + " SELECT DISTINCT interaction_id FROM linked",
                ps -> {
                    items.binder().bind(ps);
                    ps.setString(n + 1, owner);
                    ps.setString(n + 2, kind);
                    ps.setArray(n + 3, ps.getConnection().createArrayOf("uuid", interactions.toArray()));
                },
                rs -> rs.getObject("interaction_id", UUID.class)));
    }
}
