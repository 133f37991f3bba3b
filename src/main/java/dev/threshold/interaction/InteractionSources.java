package dev.threshold.interaction;

import dev.threshold.platform.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
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

    /** One source id of one (new or existing) interaction. */
    public record Link(UUID interactionId, String sourceId) {}

    private final Jdbc jdbc;

    public InteractionSources(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** source id → the interaction it made, for those of {@code sourceIds} already recorded for the owner. */
    public Map<String, UUID> find(String owner, String kind, Collection<String> sourceIds) {
        Map<String, UUID> found = new HashMap<>();
        if (sourceIds.isEmpty()) {
            return found;
        }
        record Row(String sourceId, UUID interactionId) {}
        // During a first import the table's statistics still say "empty" (this transaction's rows are uncommitted),
        // and the planner then reads every source row of the owner for every chunk: quadratic in the import (docs/
        // benchmarks.md, "Capture"). Without sequential scans, and with the cascade's index keyed by interaction id
        // alone (V15), the lookup can only go through the primary key.
        jdbc.update("SET LOCAL enable_seqscan = off", Jdbc.Binder.NONE);
        List<Row> rows = jdbc.list(
                "SELECT source_id, interaction_id FROM interaction_sources"
                        + " WHERE owner_id = ? AND kind = ? AND source_id = ANY (?)",
                ps -> {
                    ps.setString(1, owner);
                    ps.setString(2, kind);
                    ps.setArray(3, ps.getConnection().createArrayOf("text", sourceIds.toArray()));
                },
                rs -> new Row(rs.getString("source_id"), rs.getObject("interaction_id", UUID.class)));
        jdbc.update("RESET enable_seqscan", Jdbc.Binder.NONE);
        for (Row r : rows) {
            found.put(r.sourceId(), r.interactionId());
        }
        return found;
    }

    /**
     * Stores the links that are not there yet (one statement); the interactions whose links were stored here. A
     * link already held by this owner (an earlier import, or a concurrent one that committed first or is about to:
     * the insert waits for it) is left alone.
     */
    public Set<UUID> claim(String owner, String kind, List<Link> links) {
        Set<UUID> claimed = new HashSet<>();
        if (links.isEmpty()) {
            return claimed;
        }
        Object[] sources = new Object[links.size()];
        Object[] interactions = new Object[links.size()];
        for (int i = 0; i < links.size(); i++) {
            sources[i] = links.get(i).sourceId();
            interactions[i] = links.get(i).interactionId();
        }
        claimed.addAll(jdbc.list(
                "INSERT INTO interaction_sources (owner_id, kind, source_id, interaction_id)"
                        + " SELECT ?, ?, u.source_id, u.interaction_id FROM unnest(?::text[], ?::uuid[])"
                        + " AS u(source_id, interaction_id) ON CONFLICT DO NOTHING RETURNING interaction_id",
                ps -> {
                    ps.setString(1, owner);
                    ps.setString(2, kind);
                    ps.setArray(3, ps.getConnection().createArrayOf("text", sources));
                    ps.setArray(4, ps.getConnection().createArrayOf("uuid", interactions));
                },
                rs -> rs.getObject("interaction_id", UUID.class)));
        return claimed;
    }
}
