package dev.threshold.score;

import dev.threshold.platform.api.Page;
import dev.threshold.platform.api.PageRequest;
import dev.threshold.platform.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Contacts ranked by strength, strongest first, between two stored keys: an index range scan on
 * {@code contacts (owner_id, score_key DESC, id)}, never a scan of interactions nor a computation per contact.
 */
@ApplicationScoped
public class Ranking {

    private final Jdbc jdbc;

    public Ranking(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** A row of the ranking query, before the scorer turns its key into a strength and a tier. */
    private record Row(UUID id, String displayName, double scoreKey, OffsetDateTime lastInteractionAt) {}

    /** Contacts whose key is in [{@code minKey}, {@code maxKey}) (either bound infinite for none). */
    public Page<RankedContact> rank(String owner, Scorer scorer, double minKey, double maxKey, PageRequest page) {
        StringBuilder sql = new StringBuilder(
                "SELECT id, display_name, score_key, last_interaction_at FROM contacts" + " WHERE owner_id = ?");
        List<Object> params = new ArrayList<>();
        params.add(owner);
        if (minKey != Double.NEGATIVE_INFINITY) {
            params.add(minKey);
            sql.append(" AND score_key >= ?");
        }
        if (maxKey != Double.POSITIVE_INFINITY) {
            params.add(maxKey);
            sql.append(" AND score_key < ?");
        }
        if (page.hasCursor()) {
            double key = page.afterDouble(0);
            UUID id = page.afterUuid(1);
            params.addAll(List.of(key, key, key, id));
            // the first condition bounds the index scan; the second skips the rows already shown
            sql.append(" AND score_key <= ? AND (score_key < ? OR (score_key = ? AND id > ?))");
        }
        params.add(page.limit() + 1);
        sql.append(" ORDER BY score_key DESC, id LIMIT ?");
        List<Row> rows = jdbc.list(
                sql.toString(),
                ps -> {
                    for (int i = 0; i < params.size(); i++) {
                        ps.setObject(i + 1, params.get(i));
                    }
                },
                rs -> new Row(
                        rs.getObject("id", UUID.class),
                        rs.getString("display_name"),
                        rs.getDouble("score_key"),
                        rs.getObject("last_interaction_at", OffsetDateTime.class)));
        return page.page(
                rows,
                r -> new RankedContact(
                        r.id(),
                        r.displayName(),
                        scorer.strength(r.scoreKey()),
                        scorer.tier(r.scoreKey()),
                        r.lastInteractionAt() == null
                                ? null
                                : r.lastInteractionAt().toInstant()),
                r -> List.of(Double.toString(r.scoreKey()), r.id().toString()));
    }
}
