package dev.threshold.score;

import dev.threshold.platform.api.Page;
import dev.threshold.platform.api.PageRequest;
import dev.threshold.platform.persistence.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
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

    private final EntityManager em;

    public Ranking(EntityManager em) {
        this.em = em;
    }

    /** Contacts whose key is in [{@code minKey}, {@code maxKey}) (either bound infinite for none). */
    public Page<RankedContact> rank(String owner, Scorer scorer, double minKey, double maxKey, PageRequest page) {
        StringBuilder sql = new StringBuilder("SELECT id, display_name, score_key, last_interaction_at FROM contacts"
                + " WHERE owner_id = ?1");
        List<Object> params = new ArrayList<>();
        params.add(owner);
        if (minKey != Double.NEGATIVE_INFINITY) {
            params.add(minKey);
            sql.append(" AND score_key >= ?").append(params.size());
        }
        if (maxKey != Double.POSITIVE_INFINITY) {
            params.add(maxKey);
            sql.append(" AND score_key < ?").append(params.size());
        }
        if (page.hasCursor()) {
            double key = page.afterDouble(0);
            UUID id = page.afterUuid(1);
            params.add(key);
            int k = params.size();
            params.add(id);
            // the first condition bounds the index scan; the second skips the rows already shown
            sql.append(" AND score_key <= ?").append(k).append(" AND (score_key < ?").append(k)
                    .append(" OR (score_key = ?").append(k).append(" AND id > ?").append(params.size()).append("))");
        }
        params.add(page.limit() + 1);
        sql.append(" ORDER BY score_key DESC, id LIMIT ?").append(params.size());
        var query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return page.page(rows, r -> {
            double key = ((Number) r[2]).doubleValue();
            return new RankedContact((UUID) r[0], (String) r[1], scorer.strength(key), scorer.tier(key), SqlValues.instant(r[3]));
        }, r -> List.of(Double.toString(((Number) r[2]).doubleValue()), r[0].toString()));
    }


}
