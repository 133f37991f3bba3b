package dev.threshold.score.math;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.threshold.score.math.ScoringFixtures.chain;
import static dev.threshold.score.math.ScoringFixtures.relDiff;
import static dev.threshold.score.math.ScoringFixtures.shuffled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Property-style tests over thousands of random histories (fixed seeds): the incremental state equals the
 * state rebuilt from scratch whatever the arrival order, after edits, deletes and settings changes, and
 * the score of the stored form equals the naive reference.
 */
class ScoreStatePropertyTest {

    /** Absolute tolerance on log2 keys: 1e-9 is a relative difference of 7e-10 on the sums. */
    static final double KEY_TOLERANCE = 1e-9;

    static final double STRENGTH_TOLERANCE = 1e-6;

    @Test
    void incrementalEqualsFromScratchForRandomInsertOrders() {
        Random rnd = new Random(1);
        double worst = 0;
        for (int n = 0; n < 4000; n++) {
            ScoringSettings s = ScoringFixtures.randomSettings(rnd);
            List<ScoredInteraction> list = ScoringFixtures.randomHistory(rnd, 60);
            ScoreState scratch = ScoreState.of(list, s);
            ScoreState inc = chain(shuffled(list, rnd), s);
            ScoreState inc2 = chain(shuffled(list, rnd), s);
            assertStateClose(scratch, inc, "case " + n);
            assertStateClose(scratch, inc2, "case " + n);
            assertStateClose(scratch, ScoreState.of(shuffled(list, rnd), s), "case " + n);
            worst = Math.max(worst, maxKeyDiff(scratch, inc));
        }
        assertTrue(worst < KEY_TOLERANCE, "worst " + worst);
    }

    @Test
    void scoreOfStoredFormEqualsNaiveReference() {
        Random rnd = new Random(2);
        int compared = 0;
        for (int n = 0; n < 4000; n++) {
            ScoringSettings s = ScoringFixtures.randomSettings(rnd);
            List<ScoredInteraction> list = ScoringFixtures.randomHistory(rnd, 60);
            ScoreState inc = chain(shuffled(list, rnd), s);
            for (int j = 0; j < 3; j++) {
                Instant at = ScoringFixtures.randomScoringInstant(rnd, list, s);
                assertScoreMatchesReference(
                        ScoreCalculator.score(inc, at, s),
                        ScoreReference.scoreFromScratch(list, at, s),
                        s,
                        "case " + n + "/" + j);
                compared++;
            }
        }
        assertEquals(12_000, compared);
    }

    @Test
    void editsDeletesAndSettingsChangesRederiveToTheSameState() {
        Random rnd = new Random(3);
        for (int n = 0; n < 3000; n++) {
            ScoringSettings s = ScoringFixtures.randomSettings(rnd);
            List<ScoredInteraction> list = new ArrayList<>(ScoringFixtures.randomHistory(rnd, 40));
            ScoreState state = chain(shuffled(list, rnd), s);
            // a sequence of random operations, each checked against a rebuild from the current rows
            for (int op = 0; op < 8; op++) {
                int kind = rnd.nextInt(5);
                if (kind == 0 || list.isEmpty()) {
                    // insert (possibly backdated)
                    Instant anchor = list.isEmpty()
                            ? ScoringFixtures.randomAnchor(rnd)
                            : list.get(rnd.nextInt(list.size())).occurredAt();
                    ScoredInteraction add =
                            ScoringFixtures.randomInteraction(rnd, anchor.minusSeconds(86_400L * 200), 400);
                    list.add(add);
                    state = state.plus(add, s);
                } else if (kind == 1) {
                    // edit: rebuild without the old row, then add the modified one
                    int idx = rnd.nextInt(list.size());
                    ScoredInteraction old = list.remove(idx);
                    ScoredInteraction edited =
                            switch (rnd.nextInt(3)) {
                                case 0 -> old.withWeight(rnd.nextBoolean() ? null : rnd.nextDouble() * 30);
                                case 1 -> old.withOccurredAt(old.occurredAt().minusSeconds(rnd.nextInt(10_000_000)));
                                default -> new ScoredInteraction(
                                        ScoringFixtures.TYPES[rnd.nextInt(8)],
                                        ScoringFixtures.DIRECTIONS[rnd.nextInt(3)],
                                        old.occurredAt(),
                                        old.weight());
                            };
                    state = ScoreState.of(list, s).plus(edited, s);
                    list.add(edited);
                } else if (kind == 2) {
                    // delete: re-derive from the remaining rows
                    list.remove(rnd.nextInt(list.size()));
                    state = ScoreState.of(list, s);
                } else if (kind == 3) {
                    // settings change: every state is re-derived under the new settings
                    s = ScoringFixtures.randomSettings(rnd);
                    state = ScoreState.of(shuffled(list, rnd), s);
                } else {
                    // a batch of new interactions in random order
                    int k = 1 + rnd.nextInt(5);
                    for (int i = 0; i < k; i++) {
                        ScoredInteraction add =
                                ScoringFixtures.randomInteraction(rnd, ScoringFixtures.randomAnchor(rnd), 30);
                        list.add(add);
                        state = state.plus(add, s);
                    }
                }
                assertStateClose(ScoreState.of(list, s), state, "case " + n + " op " + op);
                Instant at = ScoringFixtures.randomScoringInstant(rnd, list, s);
                assertScoreMatchesReference(
                        ScoreCalculator.score(state, at, s),
                        ScoreReference.scoreFromScratch(list, at, s),
                        s,
                        "case " + n + " op " + op);
            }
        }
    }

    @Test
    void longHistoriesStayAccurate() {
        Random rnd = new Random(4);
        for (int n = 0; n < 40; n++) {
            ScoringSettings s = ScoringFixtures.randomSettings(rnd);
            Instant anchor = ScoringFixtures.randomAnchor(rnd);
            List<ScoredInteraction> list = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                list.add(ScoringFixtures.randomInteraction(rnd, anchor, 3 * s.halfLifeDays()));
            }
            ScoreState inc = chain(shuffled(list, rnd), s);
            ScoreState scratch = ScoreState.of(list, s);
            assertTrue(maxKeyDiff(inc, scratch) < 1e-8, "2000 updates drift " + maxKeyDiff(inc, scratch));
            Instant at = ScoringFixtures.randomScoringInstant(rnd, list, s);
            assertScoreMatchesReference(
                    ScoreCalculator.score(inc, at, s), ScoreReference.scoreFromScratch(list, at, s), s, "long " + n);
        }
    }

    @Test
    void keysAreNeverNaNAndStrengthStaysInRange() {
        Random rnd = new Random(5);
        for (int n = 0; n < 3000; n++) {
            ScoringSettings s = ScoringFixtures.randomSettings(rnd);
            List<ScoredInteraction> list = ScoringFixtures.randomHistory(rnd, 20);
            ScoreState st = chain(list, s);
            assertTrue(!Double.isNaN(st.inKey()) && !Double.isNaN(st.outKey()) && !Double.isNaN(st.scoreKey()));
            assertTrue(st.inKey() < 1e6 && st.outKey() < 1e6, "keys stay small: " + st);
            // scoring far later (decay to nothing) and exactly at the last interaction
            for (Instant at : new Instant[] {
                ScoringFixtures.Y2100.plusSeconds(86_400L * 365 * 50),
                ScoringFixtures.randomScoringInstant(rnd, list, s)
            }) {
                if (!list.isEmpty() && at.isBefore(ScoringFixtures.latest(list))) {
                    continue;
                }
                Score sc = ScoreCalculator.score(st, at, s);
                assertTrue(sc.exactStrength() >= 0 && sc.exactStrength() <= 100, "strength " + sc.exactStrength());
                assertTrue(sc.reciprocity() >= 0 && sc.reciprocity() <= 1);
                assertTrue(sc.in() >= 0 && sc.out() >= 0 && Double.isFinite(sc.effectivePoints()));
                assertEquals(s.tierOf(sc.exactStrength()), sc.tier());
                assertEquals(ScoreCalculator.round(sc.exactStrength(), 1), sc.strength());
            }
        }
    }

    // ------------------------------------------------------------ helpers

    static double maxKeyDiff(ScoreState a, ScoreState b) {
        double worst = keyDiff(a.inKey(), b.inKey());
        worst = Math.max(worst, keyDiff(a.outKey(), b.outKey()));
        worst = Math.max(worst, keyDiff(a.scoreKey(), b.scoreKey()));
        double[] ta = a.typeKeys();
        double[] tb = b.typeKeys();
        for (int i = 0; i < ta.length; i++) {
            worst = Math.max(worst, keyDiff(ta[i], tb[i]));
        }
        return worst;
    }

    private static double keyDiff(double a, double b) {
        if (a == b) {
            return 0;
        }
        if (Double.isInfinite(a) || Double.isInfinite(b)) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.abs(a - b);
    }

    static void assertStateClose(ScoreState expected, ScoreState actual, String msg) {
        assertEquals(expected.interactionCount(), actual.interactionCount(), msg);
        assertEquals(expected.lastInteractionAt(), actual.lastInteractionAt(), msg);
        if (!ScoreReference.approximatelyEquals(actual, expected, KEY_TOLERANCE)) {
            fail(msg + ": " + expected + " vs " + actual + " (diff " + maxKeyDiff(expected, actual) + ")");
        }
    }

    static void assertScoreMatchesReference(Score stored, Score naive, ScoringSettings s, String msg) {
        assertEquals(naive.at(), stored.at(), msg);
        assertEquals(naive.exactStrength(), stored.exactStrength(), STRENGTH_TOLERANCE, msg);
        assertEquals(naive.lastInteractionAt(), stored.lastInteractionAt(), msg);
        double floorDistance = Math.min(
                Math.min(
                        Math.abs(naive.exactStrength() - s.acquaintanceFloor()),
                        Math.abs(naive.exactStrength() - s.friendFloor())),
                Math.abs(naive.exactStrength() - s.allyFloor()));
        if (floorDistance > STRENGTH_TOLERANCE) {
            assertEquals(naive.tier(), stored.tier(), msg);
            assertEquals(naive.nextTier(), stored.nextTier(), msg);
            assertEquals(naive.daysUntilTierDrop() == null, stored.daysUntilTierDrop() == null, msg);
        }
        if (naive.daysUntilTierDrop() != null && stored.daysUntilTierDrop() != null) {
            assertEquals(naive.daysUntilTierDrop(), stored.daysUntilTierDrop(), 0.1 + 1e-9, msg);
        }
        if (naive.strengthToNextTier() != null && stored.strengthToNextTier() != null) {
            assertEquals(naive.strengthToNextTier(), stored.strengthToNextTier(), 0.1 + 1e-9, msg);
        }
        assertEquals(naive.strength(), stored.strength(), 0.1 + 1e-9, msg);
        // exact sums: relative 1e-9 while representable (underflow to 0 only in the naive double sums)
        if (naive.effectivePoints() > 1e-290) {
            assertTrue(
                    relDiff(naive.effectivePoints(), stored.effectivePoints()) < 1e-9,
                    msg + ": S " + naive.effectivePoints() + " vs " + stored.effectivePoints());
            if (naive.in() > 1e-290) {
                assertTrue(relDiff(naive.in(), stored.in()) < 1e-9, msg + ": in");
            }
            if (naive.out() > 1e-290) {
                assertTrue(relDiff(naive.out(), stored.out()) < 1e-9, msg + ": out");
            }
            if (naive.in() > 1e-290 && naive.out() > 1e-290) {
                assertEquals(naive.reciprocity(), stored.reciprocity(), 1e-9, msg);
            }
        }
        for (InteractionType t : InteractionType.values()) {
            assertEquals(naive.breakdown().get(t), stored.breakdown().get(t), 0.01 + 1e-9, msg + " " + t);
        }
    }
}
