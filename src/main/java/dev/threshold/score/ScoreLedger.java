package dev.threshold.score;

import dev.threshold.platform.persistence.Columns;
import dev.threshold.platform.persistence.Jdbc;
import dev.threshold.score.math.Direction;
import dev.threshold.score.math.InteractionType;
import dev.threshold.score.math.Peak;
import dev.threshold.score.math.ScoreState;
import dev.threshold.score.math.ScoredInteraction;
import dev.threshold.score.math.ScoringSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The stored score state of contacts (columns of {@code contacts}): the log2 sums of docs/scoring.md.
 * A writer locks the contact row ({@code SELECT … FOR NO KEY UPDATE}, the lock an UPDATE of non-key columns
 * takes) before it reads the state it will store, so concurrent writes to one contact are serialised by
 * PostgreSQL, whichever instance serves them. Must run inside a transaction.
 */
@ApplicationScoped
public class ScoreLedger {

    private static final int TYPES = InteractionType.values().length;

    private final Jdbc jdbc;
    private final OwnerScoring scoring;
    private final Event<ScoreChanged> changed;

    public ScoreLedger(Jdbc jdbc, OwnerScoring scoring, Event<ScoreChanged> changed) {
        this.jdbc = jdbc;
        this.scoring = scoring;
        this.changed = changed;
    }

    public ScoringSettings settings(String owner) {
        return scoring.settings(owner);
    }

    /**
     * The owner's settings as committed now, for a writer that has just locked contacts ({@link #lockAll}): a
     * settings change that re-scored them committed before the lock was granted, so what this request may
     * have read before the lock is not to be used.
     */
    public ScoringSettings settingsUnderLock(String owner) {
        scoring.forget(owner);
        return scoring.settings(owner);
    }

    public boolean contactExists(String owner, UUID contactId) {
        return jdbc.first(
                        "SELECT 1 FROM contacts WHERE owner_id = ? AND id = ?",
                        ps -> {
                            ps.setString(1, owner);
                            ps.setObject(2, contactId);
                        },
                        rs -> Boolean.TRUE)
                .isPresent();
    }

    /** The stored state's columns of {@code contacts}, as the table {@code alias} names them, each under its name. */
    static String stateColumns(String alias) {
        String a = alias + ".";
        return a + "in_key AS in_key, " + a + "out_key AS out_key, " + a + "type_keys AS type_keys, " + a
                + "last_interaction_at AS last_interaction_at, " + a + "interaction_count AS interaction_count, " + a
                + "peak_log2_points AS peak_log2_points, " + a + "peak_at AS peak_at";
    }

    /**
     * The contact's state and the owner's settings in one round trip. The settings come from the statement's
     * snapshot, the locked row from after any wait for the lock: when that wait was for a settings change
     * (which re-scores every contact under its lock), {@code stale} says so, and the settings are read again.
     */
    private static final String LOCK_WITH_SETTINGS = "SELECT " + stateColumns("c") + ", "
            + OwnerScoring.settingsColumns("s") + ", c.settings_version > coalesce(s.version, 0) AS stale"
            + " FROM contacts c LEFT JOIN scoring_settings s ON s.owner_id = c.owner_id"
            + " WHERE c.owner_id = ? AND c.id = ? FOR NO KEY UPDATE OF c";

    /** A row of {@link #LOCK_WITH_SETTINGS}: the settings are null when stale. */
    private record Locked(ScoreState state, ScoringSettings settings) {}

    /**
     * Locks the contact and returns its stored state, or empty when the owner has no such contact. The
     * owner's scoring settings come in the same round trip and are remembered for the request.
     */
    public Optional<ScoreState> lock(String owner, UUID contactId) {
        Optional<Locked> row = jdbc.first(
                LOCK_WITH_SETTINGS,
                ps -> {
                    ps.setString(1, owner);
                    ps.setObject(2, contactId);
                },
                rs -> new Locked(stateOf(rs), rs.getBoolean("stale") ? null : scoring.settingsOf(rs)));
        row.ifPresent(locked -> {
            if (locked.settings() == null) {
                scoring.forget(owner); // re-scored by a settings change this statement waited for: read again
            } else {
                scoring.remember(owner, locked.settings());
            }
        });
        return row.map(Locked::state);
    }

    /**
     * Of {@code contactIds}, the owner's contacts, each share-locked ({@code FOR KEY SHARE}, in key order, as
     * an interaction's foreign key check would) so that none can be deleted before the transaction ends. It
     * does not conflict with {@link #lockAll}: a batch pins its contacts, writes its interactions, and only
     * then locks them for the score update, so concurrent batches that share contacts wait for each other
     * only for that last, short step.
     */
    public Set<UUID> pinAll(String owner, Collection<UUID> contactIds) {
        return inKeyOrder(owner, contactIds, "", "FOR KEY SHARE", rs -> Boolean.TRUE)
                .keySet();
    }

    /**
     * Locks several contacts in one statement, in key order (the order every multi-contact writer uses, so
     * that writers cannot deadlock), and returns the states of those that exist.
     */
    public Map<UUID, ScoreState> lockAll(String owner, Collection<UUID> contactIds) {
        return inKeyOrder(owner, contactIds, ", " + stateColumns("c"), "FOR NO KEY UPDATE", ScoreLedger::stateOf);
    }

    /** A contact's id and the value {@code mapper} read from the same row. */
    private record Keyed<T>(UUID id, T value) {}

    /**
     * The owner's contacts among {@code contactIds}, by id: one statement selecting {@code id} and then
     * {@code columns}, locking the rows with {@code lock} in key order.
     */
    private <T> Map<UUID, T> inKeyOrder(
            String owner, Collection<UUID> contactIds, String columns, String lock, Jdbc.RowMapper<T> mapper) {
        List<Keyed<T>> rows = jdbc.list(
                "SELECT c.id AS id" + columns + " FROM contacts c"
                        + " WHERE c.owner_id = ? AND c.id = ANY (?) ORDER BY c.id " + lock,
                ps -> {
                    ps.setString(1, owner);
                    ps.setArray(2, ps.getConnection().createArrayOf("uuid", contactIds.toArray()));
                },
                rs -> new Keyed<>(rs.getObject("id", UUID.class), mapper.map(rs)));
        Map<UUID, T> found = new HashMap<>();
        rows.forEach(row -> found.put(row.id(), row.value()));
        return found;
    }

    public void store(String owner, UUID contactId, ScoreState state) {
        storeAll(owner, Map.of(contactId, state));
    }

    /** The per-contact columns of {@link #storeAll}'s {@code unnest}, in its order (the type keys follow, flat). */
    private static final Columns<Map.Entry<UUID, ScoreState>> STATE = Columns.<Map.Entry<UUID, ScoreState>>of()
            .add("uuid", Map.Entry::getKey)
            .add("float8", e -> e.getValue().inKey())
            .add("float8", e -> e.getValue().outKey())
            .add("float8", e -> e.getValue().scoreKey())
            .add("timestamptz", e -> e.getValue().lastInteractionAt())
            .add("int8", e -> e.getValue().interactionCount())
            .add("float8", e -> e.getValue().peak().log2Points())
            .add("timestamptz", e -> e.getValue().peak().at());

    /**
     * Stores several contacts' states in one UPDATE (one round trip, one statement): the rows come in as
     * parallel arrays, the type keys as one flat array sliced per contact. One statement, not a JDBC
     * batch of one UPDATE per contact, so that the statement-level trigger that keeps the owner's
     * {@code score_histogram} (V8) runs once per call, not once per contact.
     */
    public void storeAll(String owner, Map<UUID, ScoreState> states) {
        if (states.isEmpty()) {
            return;
        }
        states = withKnownPeaks(owner, states);
        List<Map.Entry<UUID, ScoreState>> rows = List.copyOf(states.entrySet());
        Double[] types = new Double[rows.size() * TYPES]; // sliced per contact by the statement
        for (int i = 0; i < rows.size(); i++) {
            double[] keys = rows.get(i).getValue().typeKeys();
            for (int t = 0; t < TYPES; t++) {
                types[i * TYPES + t] = keys[t];
            }
        }
        jdbc.update(
                "UPDATE contacts c SET in_key = v.in_key, out_key = v.out_key,"
                        + " score_key = v.score_key, type_keys = v.type_keys, last_interaction_at = v.last_at,"
                        + " interaction_count = v.n, peak_log2_points = v.peak, peak_at = v.peak_at"
                        + " FROM (SELECT u.id, u.in_key, u.out_key, u.score_key, u.last_at, u.n, u.peak, u.peak_at,"
                        + "         t.flat[(u.i - 1) * " + TYPES + " + 1 : u.i * " + TYPES + "] AS type_keys"
                        + "       FROM unnest(CAST(? AS uuid[]), CAST(? AS float8[]), CAST(? AS float8[]), CAST(? AS float8[]),"
                        + "                   CAST(? AS timestamptz[]), CAST(? AS int8[]), CAST(? AS float8[]), CAST(? AS timestamptz[]))"
                        + "            WITH ORDINALITY AS u(id, in_key, out_key, score_key, last_at, n, peak, peak_at, i),"
                        + "            (SELECT CAST(? AS float8[]) AS flat) t) v"
                        + " WHERE c.owner_id = ? AND c.id = v.id",
                ps -> {
                    int next = STATE.bind(ps, 1, rows);
                    ps.setArray(next, ps.getConnection().createArrayOf("float8", types));
                    ps.setString(next + 1, owner);
                });
        Map<UUID, Double> keys = new HashMap<>();
        for (var row : rows) {
            keys.put(row.getKey(), row.getValue().scoreKey());
        }
        changed.fire(new ScoreChanged(owner, keys)); // observers write their outbox in this transaction
    }

    /**
     * {@code states} with every {@link Peak#UNKNOWN} peak (a backdated interaction: {@link ScoreState#plus})
     * re-derived from the contact's rows, which the caller has already written.
     */
    private Map<UUID, ScoreState> withKnownPeaks(String owner, Map<UUID, ScoreState> states) {
        if (states.values().stream().allMatch(state -> state.peak().known())) {
            return states;
        }
        Map<UUID, ScoreState> known = new HashMap<>(states);
        known.replaceAll((id, state) ->
                state.peak().known() ? state : state.withPeak(Peak.of(interactions(owner, id, null), settings(owner))));
        return known;
    }

    /** A row of the contact's interactions, as the scoring model sees it. */
    private static ScoredInteraction scored(ResultSet rs) throws SQLException {
        double w = rs.getDouble("weight");
        Double weight = rs.wasNull() ? null : w;
        return new ScoredInteraction(
                InteractionType.valueOf(rs.getString("type")),
                Direction.valueOf(rs.getString("direction")),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                weight);
    }

    /** The contact's interactions up to {@code until} (inclusive; null for all), as the scoring model sees them. */
    public List<ScoredInteraction> interactions(String owner, UUID contactId, Instant until) {
        String sql =
                "SELECT type, direction, occurred_at, weight FROM interactions WHERE owner_id = ? AND contact_id = ?"
                        + (until == null ? "" : " AND occurred_at <= ?");
        return jdbc.list(
                sql,
                ps -> {
                    ps.setFetchSize(5000);
                    ps.setString(1, owner);
                    ps.setObject(2, contactId);
                    if (until != null) {
                        ps.setObject(3, until.atOffset(ZoneOffset.UTC));
                    }
                },
                ScoreLedger::scored);
    }

    /** Re-derives a (locked) contact's state from its rows: after an edit or a delete. */
    public ScoreState rederive(String owner, UUID contactId) {
        ScoreState state = ScoreState.of(interactions(owner, contactId, null), settings(owner));
        store(owner, contactId, state);
        return state;
    }

    /**
     * The peaks of {@link #rescoreOwner} (CTEs after its {@code w}; parameters: the half-life, the owner, the
     * half-life): the running log2 sums in and out of each contact at each of its instants, a window in time order
     * of the log-sum-exp aggregate {@code threshold_log2_sum} (V14, the twin of
     * {@code LogSpace.logAddExp2}; the window's frame takes every interaction of the same instant), and per contact
     * the first instant of the highest log2 effective points there ({@link Peak#of}).
     */
    private static final String PEAKS = " pterms AS (SELECT i.contact_id, i.occurred_at, i.direction,"
            + "   CASE WHEN coalesce(i.weight, w.points) > 0 THEN ln(coalesce(i.weight, w.points)) / ln(2.0)"
            + "     + extract(epoch FROM i.occurred_at)::double precision / 86400.0 / ? ELSE '-Infinity' END AS x"
            + "   FROM interactions i JOIN w ON w.type = i.type WHERE i.owner_id = ?),"
            + " running AS (SELECT contact_id, occurred_at,"
            + "   threshold_log2_sum(CASE direction WHEN 'INBOUND' THEN x WHEN 'MUTUAL' THEN x - 1 ELSE '-Infinity' END)"
            + "     OVER win AS in_k,"
            + "   threshold_log2_sum(CASE direction WHEN 'OUTBOUND' THEN x WHEN 'MUTUAL' THEN x - 1 ELSE '-Infinity' END)"
            + "     OVER win AS out_k"
            + "   FROM pterms WINDOW win AS (PARTITION BY contact_id ORDER BY occurred_at)),"
            + " peaks AS (SELECT DISTINCT ON (contact_id) contact_id, occurred_at AS peak_at,"
            + "   threshold_score_log2(in_k, out_k) - extract(epoch FROM occurred_at)::double precision / 86400.0 / ?"
            + "     AS peak"
            + "   FROM running ORDER BY contact_id, peak DESC, occurred_at),";

    /**
     * Re-derives the state of every contact of the owner in one set-based statement, after a change of
     * half-life or weights. Each sum is a log-sum-exp taken relative to its own largest term, so nothing
     * overflows or underflows whatever the half-life and the instants. Each contact is stamped with
     * {@code settingsVersion} (V9), so that a writer that waited for its lock behind this sees it ({@link #lock}).
     */
    public int rescoreOwner(String owner, ScoringSettings s, long settingsVersion) {
        StringBuilder weights = new StringBuilder();
        for (InteractionType t : InteractionType.values()) {
            weights.append(weights.length() == 0 ? "" : ", ")
                    .append("('")
                    .append(t.name())
                    .append("', ")
                    .append("CAST(? AS double precision))");
        }
        StringBuilder typeCols = new StringBuilder();
        for (InteractionType t : InteractionType.values()) {
            typeCols.append(", coalesce(max(k) FILTER (WHERE bucket = '")
                    .append(t.name())
                    .append("'), '-Infinity') AS t")
                    .append(t.ordinal());
        }
        StringBuilder typeArray = new StringBuilder();
        for (int i = 0; i < TYPES; i++) {
            typeArray
                    .append(i == 0 ? "" : ", ")
                    .append("coalesce(p.t")
                    .append(i)
                    .append(", '-Infinity')");
        }
        String sql = "WITH w(type, points) AS (VALUES " + weights + "),"
                + " terms AS ("
                + "   SELECT i.contact_id, b.bucket,"
                + "          ln(b.p) / ln(2.0) + extract(epoch FROM i.occurred_at)::double precision / 86400.0 / ? AS x"
                + "   FROM interactions i JOIN w ON w.type = i.type"
                + "   CROSS JOIN LATERAL (VALUES"
                + "     ('in', CASE i.direction WHEN 'INBOUND' THEN coalesce(i.weight, w.points)"
                + "                            WHEN 'MUTUAL' THEN coalesce(i.weight, w.points) / 2 ELSE 0 END),"
                + "     ('out', CASE i.direction WHEN 'OUTBOUND' THEN coalesce(i.weight, w.points)"
                + "                             WHEN 'MUTUAL' THEN coalesce(i.weight, w.points) / 2 ELSE 0 END),"
                + "     (i.type, coalesce(i.weight, w.points))) AS b(bucket, p)"
                + "   WHERE i.owner_id = ? AND b.p > 0),"
                + " refs AS (SELECT contact_id, bucket, max(x) AS ref FROM terms GROUP BY contact_id, bucket),"
                + " sums AS (SELECT t.contact_id, t.bucket,"
                + "          r.ref + ln(sum(power(2.0::double precision, greatest(t.x - r.ref, -1000.0)))) / ln(2.0) AS k"
                + "   FROM terms t JOIN refs r ON r.contact_id = t.contact_id AND r.bucket = t.bucket"
                + "   GROUP BY t.contact_id, t.bucket, r.ref),"
                + " piv AS (SELECT contact_id, coalesce(max(k) FILTER (WHERE bucket = 'in'), '-Infinity') AS in_key,"
                + "          coalesce(max(k) FILTER (WHERE bucket = 'out'), '-Infinity') AS out_key" + typeCols
                + "   FROM sums GROUP BY contact_id),"
                + " agg AS (SELECT contact_id, max(occurred_at) AS last_at, count(*) AS n FROM interactions"
                + "   WHERE owner_id = ? GROUP BY contact_id)," + PEAKS
                + " fresh AS (SELECT c.id, coalesce(p.in_key, '-Infinity') AS in_key, coalesce(p.out_key, '-Infinity') AS out_key,"
                + "          ARRAY[" + typeArray
                + "]::double precision[] AS type_keys, a.last_at, coalesce(a.n, 0) AS n,"
                + "          coalesce(pk.peak, '-Infinity') AS peak, pk.peak_at"
                + "   FROM contacts c LEFT JOIN piv p ON p.contact_id = c.id LEFT JOIN agg a ON a.contact_id = c.id"
                + "   LEFT JOIN peaks pk ON pk.contact_id = c.id"
                + "   WHERE c.owner_id = ?)"
                + " UPDATE contacts c SET in_key = f.in_key, out_key = f.out_key,"
                + "   score_key = CASE WHEN f.in_key = '-Infinity' AND f.out_key = '-Infinity' THEN '-Infinity'"
                + "     WHEN f.in_key = '-Infinity' OR f.out_key = '-Infinity' THEN greatest(f.in_key, f.out_key) - 1"
                + "     ELSE greatest(f.in_key, f.out_key) + ln((1 + power(2.0::double precision, greatest(least(f.in_key, f.out_key) - greatest(f.in_key, f.out_key), -1000.0)))"
                + "       * (0.5 + 0.5 * power(2.0::double precision, greatest(least(f.in_key, f.out_key) - greatest(f.in_key, f.out_key), -1000.0)))) / ln(2.0) END,"
                + "   type_keys = f.type_keys, last_interaction_at = f.last_at, interaction_count = f.n, settings_version = ?,"
                + "   peak_log2_points = f.peak, peak_at = f.peak_at"
                + " FROM fresh f WHERE c.owner_id = ? AND c.id = f.id";
        return jdbc.update(sql, ps -> {
            int i = 1;
            for (InteractionType t : InteractionType.values()) {
                ps.setDouble(i++, s.weight(t));
            }
            ps.setDouble(i++, s.halfLifeDays());
            ps.setString(i++, owner);
            ps.setString(i++, owner);
            ps.setDouble(i++, s.halfLifeDays()); // PEAKS
            ps.setString(i++, owner);
            ps.setDouble(i++, s.halfLifeDays());
            ps.setString(i++, owner);
            ps.setLong(i++, settingsVersion);
            ps.setString(i, owner);
        });
    }

    /** The state in the columns {@link #stateColumns} of the current row. */
    static ScoreState stateOf(ResultSet rs) throws SQLException {
        Array array = rs.getArray("type_keys");
        Object[] raw = (Object[]) array.getArray();
        double[] typeKeys = new double[TYPES];
        for (int i = 0; i < TYPES; i++) {
            typeKeys[i] = i < raw.length && raw[i] != null ? ((Number) raw[i]).doubleValue() : Double.NEGATIVE_INFINITY;
        }
        OffsetDateTime last = rs.getObject("last_interaction_at", OffsetDateTime.class);
        OffsetDateTime peakAt = rs.getObject("peak_at", OffsetDateTime.class);
        return new ScoreState(
                rs.getDouble("in_key"),
                rs.getDouble("out_key"),
                typeKeys,
                last == null ? null : last.toInstant(),
                rs.getLong("interaction_count"),
                new Peak(rs.getDouble("peak_log2_points"), peakAt == null ? null : peakAt.toInstant()));
    }
}
