package dev.threshold.capture;

import dev.threshold.interaction.Channel;
import dev.threshold.interaction.InteractionSources;
import dev.threshold.platform.persistence.Columns;
import dev.threshold.platform.persistence.Jdbc;
import dev.threshold.platform.persistence.SqlValues;
import dev.threshold.score.math.Direction;
import dev.threshold.score.math.InteractionType;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

/**
 * The spool of one capture: what the source emitted, in a temporary table of the capture's transaction
 * ({@code ON COMMIT DROP}), so that memory holds a batch, not the file, and PostgreSQL sorts the items by party and
 * time for the exchange grouping (a mailbox is not in time order). Read back in keyset pages; an interaction's source
 * ids are read from here by {@link Span}, so that no exchange's ids, however many, pass through memory.
 */
@ApplicationScoped
class CaptureStaging {

    /** One spooled item with its party's key (its first match key, else {@code name:<name>}) and its order. */
    record Row(
            long seq,
            String partyKey,
            Party party,
            String sourceId,
            InteractionType type,
            Direction direction,
            Channel channel,
            Instant at,
            String note) {}

    /**
     * The spooled items of one interaction: those of {@code partyKey} and {@code type} from {@code first} to
     * {@code last} in (party, time, seq) order: one item, or the messages of one exchange.
     */
    record Span(String partyKey, InteractionType type, Instant firstAt, long firstSeq, Instant lastAt, long lastSeq) {
        static Span of(Row first, Row last) {
            return new Span(first.partyKey(), first.type(), first.at(), first.seq(), last.at(), last.seq());
        }
    }

    private final Jdbc jdbc;

    CaptureStaging(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates (or empties) the spool of this transaction. */
    void open() {
        jdbc.update(
                "CREATE TEMPORARY TABLE IF NOT EXISTS capture_staging (seq bigint NOT NULL, party_key text NOT NULL,"
                        + " name text, email text, phone text, linkedin text, source_id text,"
                        + " type varchar(16) NOT NULL, direction varchar(16) NOT NULL, channel varchar(16) NOT NULL,"
                        + " at timestamptz NOT NULL, note text) ON COMMIT DROP",
                Jdbc.Binder.NONE);
        jdbc.update("TRUNCATE capture_staging", Jdbc.Binder.NONE);
        // The planner thinks each span's range holds a tenth of the spool (it cannot estimate a row comparison), and
        // would JIT-compile every chunk's statements for that, at about 150 ms each, to read a few hundred rows.
        jdbc.update("SET LOCAL jit = off", Jdbc.Binder.NONE);
    }

    /** The spool's columns, in the order of {@link #APPEND}. */
    private static final Columns<Row> ROW = Columns.<Row>of()
            .add("int8", Row::seq)
            .add("text", Row::partyKey)
            .add("text", r -> r.party().name())
            .add("text", r -> r.party().email())
            .add("text", r -> r.party().phone())
            .add("text", r -> r.party().linkedin())
            .add("text", Row::sourceId)
            .add("varchar", r -> r.type().name())
            .add("varchar", r -> r.direction().name())
            .add("varchar", r -> r.channel().name())
            .add("timestamptz", Row::at)
            .add("text", Row::note);

    private static final String APPEND = "INSERT INTO capture_staging (seq, party_key, name, email, phone, linkedin,"
            + " source_id, type, direction, channel, at, note) SELECT * FROM unnest(?::bigint[], ?::text[], ?::text[],"
            + " ?::text[], ?::text[], ?::text[], ?::text[], ?::varchar[], ?::varchar[], ?::varchar[],"
            + " ?::timestamptz[], ?::text[])";

    /** Appends a batch (one statement). */
    void append(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.update(APPEND, ps -> ROW.bind(ps, 1, rows));
    }

    /** After the last append: the index the pages are read by, and statistics for the planner. */
    void seal() {
        // Rewritten in (party, time, seq) order, so that the pages and each span's range are read from consecutive
        // blocks: a temporary table is read through temp_buffers (8 MB), and in the order the source wrote it, each
        // exchange's rows would be as many reads of the operating system (measured: 40 of the 60 s of a group chat).
        jdbc.update("SET LOCAL work_mem = '64MB'", Jdbc.Binder.NONE);
        jdbc.update(
                "CREATE TEMPORARY TABLE capture_sorted ON COMMIT DROP AS"
                        + " SELECT * FROM capture_staging ORDER BY party_key, at, seq",
                Jdbc.Binder.NONE);
        jdbc.update("RESET work_mem", Jdbc.Binder.NONE);
        jdbc.update("DROP TABLE capture_staging", Jdbc.Binder.NONE);
        jdbc.update("ALTER TABLE capture_sorted RENAME TO capture_staging", Jdbc.Binder.NONE);
        jdbc.update("CREATE INDEX ON capture_staging (party_key, at, seq)", Jdbc.Binder.NONE);
        jdbc.update("ANALYZE capture_staging", Jdbc.Binder.NONE);
    }

    /** The columns of {@link #sources}'s {@code unnest}, in its order. */
    private static final Columns<Span> SPAN = Columns.<Span>of()
            .add("text", Span::partyKey)
            .add("varchar", span -> span.type().name())
            .add("timestamptz", Span::firstAt)
            .add("int8", Span::firstSeq)
            .add("timestamptz", Span::lastAt)
            .add("int8", Span::lastSeq);

    /**
     * The source ids of {@code spans} (item {@code n} is {@code spans.get(n - 1)}), as the interaction feature reads
     * them: found by the index of the pages, however many an exchange has.
     */
    InteractionSources.Selection sources(List<Span> spans) {
        return new InteractionSources.Selection(
                "SELECT m.item, s.source_id, s.at, s.seq FROM unnest(?::text[], ?::varchar[], ?::timestamptz[],"
                        + " ?::bigint[], ?::timestamptz[], ?::bigint[]) WITH ORDINALITY"
                        + " AS m(party_key, type, first_at, first_seq, last_at, last_seq, item)"
                        // each span a range of the index: LATERAL, and OFFSET 0 so that the planner cannot flatten it
                        // into a hash join over the whole spool (per chunk: quadratic in the file); the party and the
                        // instants apart, because a row comparison only ends an index scan by its first column (the
                        // scan would run to the end of the party's rows)
                        + " CROSS JOIN LATERAL (SELECT source_id, at, seq FROM capture_staging"
                        + " WHERE party_key = m.party_key AND at >= m.first_at AND at <= m.last_at"
                        + " AND (at, seq) >= (m.first_at, m.first_seq) AND (at, seq) <= (m.last_at, m.last_seq)"
                        + " AND type = m.type AND source_id IS NOT NULL OFFSET 0) s",
                SPAN.size(),
                ps -> SPAN.bind(ps, 1, spans));
    }

    /** The columns of {@link #TALLY}'s {@code unnest}, in its order. */
    private static final Columns<CaptureRun.Tally> TALLY_COLUMNS = Columns.<CaptureRun.Tally>of()
            .add("text", CaptureRun.Tally::partyKey)
            .add("text", t -> t.party().name())
            .add("text", t -> t.party().email())
            .add("text", t -> t.party().phone())
            .add("int8", CaptureRun.Tally::interactions);

    private static final String TALLY = "INSERT INTO capture_unmatched (party_key, name, email, phone, interactions)"
            + " SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[])"
            + " ON CONFLICT (party_key) DO UPDATE SET interactions = capture_unmatched.interactions"
            + " + excluded.interactions";

    /**
     * A run's spill of unmatched tallies ({@link CaptureRun.Spill}): a temporary table of this transaction, made at
     * the first spill, one row per person (the first way the file named them), their interactions added up.
     */
    CaptureRun.Spill unmatchedSpill() {
        return new CaptureRun.Spill() {
            private boolean open;

            @Override
            public void add(Collection<CaptureRun.Tally> tallies) {
                if (!open) {
                    jdbc.update(
                            "CREATE TEMPORARY TABLE IF NOT EXISTS capture_unmatched (party_key text PRIMARY KEY,"
                                    + " name text, email text, phone text, interactions bigint NOT NULL) ON COMMIT DROP",
                            Jdbc.Binder.NONE);
                    jdbc.update("TRUNCATE capture_unmatched", Jdbc.Binder.NONE);
                    open = true;
                }
                if (!tallies.isEmpty()) {
                    jdbc.update(TALLY, ps -> TALLY_COLUMNS.bind(ps, 1, tallies));
                }
            }

            @Override
            public List<CaptureReport.Unmatched> top(int n) {
                if (!open) {
                    return List.of();
                }
                return jdbc.list(
                        "SELECT name, email, phone, interactions FROM capture_unmatched ORDER BY interactions DESC,"
                                + " coalesce(email, '') COLLATE \"C\", coalesce(phone, '') COLLATE \"C\","
                                + " coalesce(name, '') COLLATE \"C\" LIMIT ?",
                        ps -> ps.setInt(1, n),
                        rs -> new CaptureReport.Unmatched(
                                rs.getString("name"),
                                rs.getString("email"),
                                rs.getString("phone"),
                                rs.getLong("interactions")));
            }
        };
    }

    /** The next {@code limit} rows in (party, time, seq) order after {@code after} (null: from the start). */
    List<Row> page(Row after, int limit) {
        return jdbc.list(
                "SELECT seq, party_key, name, email, phone, linkedin, source_id, type, direction, channel, at, note"
                        + " FROM capture_staging"
                        + (after == null ? "" : " WHERE (party_key, at, seq) > (?, ?, ?)")
                        + " ORDER BY party_key, at, seq LIMIT ?",
                ps -> {
                    int i = 1;
                    if (after != null) {
                        ps.setString(i++, after.partyKey());
                        ps.setObject(i++, after.at().atOffset(ZoneOffset.UTC));
                        ps.setLong(i++, after.seq());
                    }
                    ps.setInt(i, limit);
                },
                rs -> new Row(
                        rs.getLong("seq"),
                        rs.getString("party_key"),
                        new Party(
                                rs.getString("name"),
                                rs.getString("email"),
                                rs.getString("phone"),
                                rs.getString("linkedin")),
                        rs.getString("source_id"),
                        InteractionType.valueOf(rs.getString("type")),
                        Direction.valueOf(rs.getString("direction")),
                        Channel.valueOf(rs.getString("channel")),
                        SqlValues.instant(rs, "at"),
                        rs.getString("note")));
    }
}
