package dev.threshold.score;

import dev.threshold.platform.persistence.Jdbc;
import dev.threshold.score.math.Direction;
import dev.threshold.score.math.InteractionType;
import dev.threshold.score.math.Peak;
import dev.threshold.score.math.ScoreState;
import dev.threshold.score.math.ScoredInteraction;
import dev.threshold.score.math.ScoringSettings;
import dev.threshold.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * One home for the score formula: the set-based re-score in SQL ({@link ScoreLedger#rescoreOwner}, a log-sum-exp
 * per sum, run when a PUT of the scoring settings changes the half-life or the weights) must store the keys that
 * the Java model computes from scratch ({@link ScoreState#of}) and incrementally ({@link ScoreState#plus}), for
 * random histories from 1970 to 2100 and half-lives from 1 to 3,650 days.
 *
 * <p>The interactions are inserted directly (the API refuses instants in the future, and 2100 is one), so the
 * stored keys are only ever written by the SQL re-score here.
 *
 * <p>Tolerance: {@value #KEY_TOLERANCE} absolute on every log2 key, i.e. a relative difference of 7e-10 on the
 * sums the keys stand for (the tolerance of ScoreStatePropertyTest between the Java paths). A key is
 * {@code d/H + log2(sum)}, where the frame {@code d/H} reaches 47,847 (H = 1 day, year 2100): both sides round it
 * to a double (one ulp there is 7.3e-12) and sum the terms relative to the largest in double precision (an error
 * of at most n·1.1e-16 on the sum, n ≤ 60 here), but in different orders and forms (SQL takes seconds since the
 * epoch over 86,400 and {@code ln(p)/ln(2)}, Java milliseconds over 86,400,000 and its own log2), so they agree to
 * a few ulps of the key, not bit for bit: the largest difference seen is 7.3e-12 (one ulp), over a hundred times
 * below the tolerance. Any change of the formula shows far above it: halving MUTUAL points by 2.000001 instead of 2
 * moves a key by 7e-7, a day 1e-11 longer moves a 2100 key by 4e-7 at H = 1 (both checked to fail this test).
 * -Infinity (an empty sum) must match exactly, and so must the count and the last instant.
 */
@QuarkusTest
class RescoreSqlTest extends ApiTest {

    /** Allowed |sql - java| per log2 key; see the class comment. */
    static final double KEY_TOLERANCE = 1e-9;

    private static final Instant FIRST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("2100-12-31T23:59:59.999Z");
    private static final InteractionType[] TYPES = InteractionType.values();
    private static final Direction[] DIRECTIONS = Direction.values();

    @Inject
    Jdbc jdbc;

    @Test
    void theSqlRescoreStoresTheKeysOfTheJavaModel() {
        Random rnd = new Random(20261120L);
        Map<UUID, List<ScoredInteraction>> histories = new LinkedHashMap<>();
        for (int c = 0; c < 16; c++) {
            UUID id = UUID.fromString(createContact("Contact " + c));
            histories.put(id, history(rnd, c));
        }
        insert(histories);

        List<Double> halfLives = new ArrayList<>(List.of(1.0, 2.0, 7.0, 30.0, 90.0, 365.0, 1000.0, 3650.0));
        for (int i = 0; i < 4; i++) {
            halfLives.add(1 + rnd.nextDouble() * 3649);
        }
        halfLives.add(1.0); // back to the extremes, with other weights
        halfLives.add(3650.0);
        double worst = 0;
        for (double halfLife : halfLives) {
            EnumMap<InteractionType, Double> weights = weights(rnd);
            Map<String, Object> body = new HashMap<>();
            body.put("halfLifeDays", halfLife);
            body.put("weights", weights);
            api().body(body).put("/api/v1/settings/scoring").then().statusCode(200);
            ScoringSettings settings = new ScoringSettings(
                    halfLife,
                    ScoringSettings.defaults().saturation(),
                    weights,
                    ScoringSettings.defaults().acquaintanceFloor(),
                    ScoringSettings.defaults().friendFloor(),
                    ScoringSettings.defaults().allyFloor(),
                    ScoringSettings.defaults().cadenceDays());

            Map<UUID, Stored> stored = stored();
            Assertions.assertEquals(histories.keySet(), stored.keySet());
            for (var entry : histories.entrySet()) {
                String where = "H = " + halfLife + ", weights " + weights + ", contact " + entry.getKey() + " ("
                        + entry.getValue().size() + " interactions)";
                Stored sql = stored.get(entry.getKey());
                ScoreState fromScratch = ScoreState.of(entry.getValue(), settings);
                ScoreState incremental = ScoreState.EMPTY;
                for (ScoredInteraction i : entry.getValue()) {
                    incremental = incremental.plus(i, settings);
                }
                worst = Math.max(
                        worst,
                        checkPeak(
                                entry.getValue(),
                                settings,
                                fromScratch.peak(),
                                sql.state().peak(),
                                where));
                for (ScoreState java : List.of(fromScratch, incremental)) {
                    Assertions.assertEquals(java.interactionCount(), sql.state().interactionCount(), where);
                    Assertions.assertEquals(
                            java.lastInteractionAt(), sql.state().lastInteractionAt(), where);
                    worst = Math.max(
                            worst, check("in_key", java.inKey(), sql.state().inKey(), where));
                    worst = Math.max(
                            worst, check("out_key", java.outKey(), sql.state().outKey(), where));
                    worst = Math.max(worst, check("score_key", java.scoreKey(), sql.scoreKey(), where));
                    for (InteractionType t : TYPES) {
                        worst = Math.max(
                                worst,
                                check(
                                        "type_keys[" + t + "]",
                                        java.typeKey(t),
                                        sql.state().typeKey(t),
                                        where));
                    }
                }
            }
        }
        System.out.printf("RescoreSqlTest: largest key difference %.3g (allowed %.0g)%n", worst, KEY_TOLERANCE);
    }

    /** The difference of two keys, failing beyond {@link #KEY_TOLERANCE}. */
    private static double check(String key, double java, double sql, String where) {
        if (Double.isInfinite(java) || Double.isInfinite(sql)) {
            Assertions.assertEquals(java, sql, key + " at " + where);
            return 0;
        }
        double difference = Math.abs(sql - java);
        if (!(difference <= KEY_TOLERANCE)) {
            Assertions.fail(key + " at " + where + ": SQL " + sql + ", Java " + java + ", difference " + difference);
        }
        return difference;
    }

    /**
     * The peak (V14's window of {@code threshold_log2_sum} in time order) against {@link Peak#of}: log2 points within
     * {@link #KEY_TOLERANCE}, the same instant unless the two instants' values are that close (a near tie).
     */
    private static double checkPeak(
            List<ScoredInteraction> history, ScoringSettings settings, Peak java, Peak sql, String where) {
        double difference = check("peak_log2_points", java.log2Points(), sql.log2Points(), where);
        if (java.at() == null || sql.at() == null) {
            Assertions.assertEquals(java.at(), sql.at(), "peak_at at " + where);
        } else if (!java.at().equals(sql.at())) {
            ScoreState there = ScoreState.of(
                    history.stream()
                            .filter(i -> !i.occurredAt().isAfter(sql.at()))
                            .toList(),
                    settings);
            check(
                    "log2 points at the SQL's peak_at " + sql.at() + " (Java's " + java.at() + ")",
                    java.log2Points(),
                    Peak.log2PointsAt(there, sql.at(), settings),
                    where);
        }
        return difference;
    }

    /**
     * A random history: empty for the first contact, one interaction for the second, one direction or one type
     * only for some; otherwise up to 60 interactions with varied types, directions, overrides (zero included)
     * and instants from 1970 to 2100, some at the very ends and some at the same instant.
     */
    private static List<ScoredInteraction> history(Random rnd, int contact) {
        int n = contact == 0 ? 0 : contact == 1 ? 1 : 1 + rnd.nextInt(60);
        Direction onlyDirection = contact % 5 == 2 ? DIRECTIONS[rnd.nextInt(DIRECTIONS.length)] : null;
        InteractionType onlyType = contact % 7 == 3 ? TYPES[rnd.nextInt(TYPES.length)] : null;
        long span = LAST.toEpochMilli() - FIRST.toEpochMilli();
        List<ScoredInteraction> list = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            Instant at =
                    switch (rnd.nextInt(12)) {
                        case 0 -> FIRST;
                        case 1 -> LAST;
                        case 2 -> list.isEmpty()
                                ? FIRST
                                : list.get(rnd.nextInt(list.size())).occurredAt();
                        default -> Instant.ofEpochMilli(FIRST.toEpochMilli() + (long) (rnd.nextDouble() * span));
                    };
            Double weight =
                    switch (rnd.nextInt(8)) {
                        case 0 -> 0.0;
                        case 1 -> rnd.nextDouble() * 1_000_000;
                        case 2, 3 -> Math.round(rnd.nextDouble() * 1000) / 10.0;
                        default -> null;
                    };
            list.add(new ScoredInteraction(
                    onlyType != null ? onlyType : TYPES[rnd.nextInt(TYPES.length)],
                    onlyDirection != null ? onlyDirection : DIRECTIONS[rnd.nextInt(DIRECTIONS.length)],
                    at,
                    weight));
        }
        return list;
    }

    /** Random weights for every type: zero sometimes, fractional, up to 100. */
    private static EnumMap<InteractionType, Double> weights(Random rnd) {
        EnumMap<InteractionType, Double> weights = new EnumMap<>(InteractionType.class);
        for (InteractionType t : TYPES) {
            weights.put(t, rnd.nextInt(10) == 0 ? 0.0 : Math.round(rnd.nextDouble() * 10_000) / 100.0);
        }
        return weights;
    }

    private void insert(Map<UUID, List<ScoredInteraction>> histories) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO interactions (owner_id, id, contact_id, type,"
                    + " direction, channel, occurred_at, weight, note, created_at, updated_at, version)"
                    + " VALUES (?, ?, ?, ?, ?, 'OTHER', ?, ?, NULL, ?, ?, 0)")) {
                for (var entry : histories.entrySet()) {
                    for (ScoredInteraction i : entry.getValue()) {
                        ps.setString(1, owner);
                        ps.setObject(2, UUID.randomUUID());
                        ps.setObject(3, entry.getKey());
                        ps.setString(4, i.type().name());
                        ps.setString(5, i.direction().name());
                        ps.setObject(6, i.occurredAt().atOffset(ZoneOffset.UTC));
                        if (i.weight() == null) {
                            ps.setNull(7, Types.DOUBLE);
                        } else {
                            ps.setDouble(7, i.weight());
                        }
                        ps.setTimestamp(8, now);
                        ps.setTimestamp(9, now);
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** A contact's stored state and score key. */
    private record Stored(ScoreState state, double scoreKey) {}

    private Map<UUID, Stored> stored() {
        Map<UUID, Stored> out = new HashMap<>();
        jdbc.list(
                "SELECT c.id AS id, c.score_key AS score_key, " + ScoreLedger.stateColumns("c")
                        + " FROM contacts c WHERE c.owner_id = ?",
                ps -> ps.setString(1, owner),
                rs -> out.put(
                        rs.getObject("id", UUID.class),
                        new Stored(ScoreLedger.stateOf(rs), rs.getDouble("score_key"))));
        return out;
    }
}
