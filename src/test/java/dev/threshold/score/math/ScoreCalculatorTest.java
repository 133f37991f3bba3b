package dev.threshold.score.math;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static dev.threshold.score.math.Direction.INBOUND;
import static dev.threshold.score.math.Direction.MUTUAL;
import static dev.threshold.score.math.Direction.OUTBOUND;
import static dev.threshold.score.math.InteractionType.COMMENT;
import static dev.threshold.score.math.InteractionType.FAVOR;
import static dev.threshold.score.math.InteractionType.LIKE;
import static dev.threshold.score.math.InteractionType.MEETING;
import static dev.threshold.score.math.InteractionType.MESSAGE;
import static dev.threshold.score.math.InteractionType.SHARE;
import static dev.threshold.score.math.InteractionType.VIEW;
import static dev.threshold.score.math.ScoringFixtures.T0;
import static dev.threshold.score.math.ScoringFixtures.Y1970;
import static dev.threshold.score.math.ScoringFixtures.Y2100;
import static dev.threshold.score.math.ScoringFixtures.chain;
import static dev.threshold.score.math.ScoringFixtures.days;
import static dev.threshold.score.math.ScoringFixtures.floorPoints;
import static dev.threshold.score.math.ScoringFixtures.of;
import static dev.threshold.score.math.ScoringFixtures.relDiff;
import static dev.threshold.score.math.ScoringFixtures.strengthOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScoreCalculatorTest {

    private static final ScoringSettings D = ScoringSettings.defaults();

    private static Score score(List<ScoredInteraction> list, Instant at, ScoringSettings s) {
        return ScoreCalculator.score(ScoreState.of(list, s), at, s);
    }

    // ------------------------------------------------------------ the worked example

    @Test
    void workedExampleAtTheMeeting() {
        List<ScoredInteraction> meeting = List.of(of(MEETING, MUTUAL, T0));
        for (Score s : List.of(
                score(meeting, T0, D),
                ScoreReference.scoreFromScratch(meeting, T0, D),
                ScoreCalculator.score(ScoreState.EMPTY.plus(meeting.get(0), D), T0, D))) {
            assertEquals(6.0, s.in(), 1e-12);
            assertEquals(6.0, s.out(), 1e-12);
            assertEquals(1.0, s.reciprocity(), 1e-15);
            assertEquals(12.0, s.effectivePoints(), 1e-12);
            assertEquals(33.0, s.strength());
            assertEquals(100 * (1 - Math.exp(-0.4)), s.exactStrength(), 1e-12);
            assertEquals(32.96799539643607, s.exactStrength(), 1e-12);
            assertEquals(Tier.ACQUAINTANCE, s.tier());
            assertEquals(Tier.FRIEND, s.nextTier());
            assertEquals(7.0, s.strengthToNextTier()); // 40 - 32.968 = 7.032
            // H log2(S / S_floor) with S_floor = -30 ln 0.9 = 3.16081...
            double days = 90 * Math.log(12 / floorPoints(10, 30)) / Math.log(2);
            assertEquals(173.2, ScoreCalculator.round(days, 1));
            assertEquals(173.2, s.daysUntilTierDrop());
            assertEquals(T0, s.lastInteractionAt());
            assertEquals(T0, s.at());
            assertEquals(12.0, s.breakdown().get(MEETING));
            assertEquals(0.0, s.breakdown().get(LIKE));
            assertEquals(8, s.breakdown().size());
        }
    }

    @Test
    void workedExampleNinetyDaysLater() {
        List<ScoredInteraction> meeting = List.of(of(MEETING, MUTUAL, T0));
        Instant later = days(T0, 90);
        for (Score s : List.of(score(meeting, later, D), ScoreReference.scoreFromScratch(meeting, later, D))) {
            assertEquals(3.0, s.in(), 1e-12);
            assertEquals(3.0, s.out(), 1e-12);
            assertEquals(6.0, s.effectivePoints(), 1e-12);
            assertEquals(18.1, s.strength());
            assertEquals(100 * (1 - Math.exp(-0.2)), s.exactStrength(), 1e-12);
            assertEquals(Tier.ACQUAINTANCE, s.tier());
            assertEquals(83.2, s.daysUntilTierDrop()); // 173.2 - 90, to the decimal
            assertEquals(21.9, s.strengthToNextTier());
            assertEquals(6.0, s.breakdown().get(MEETING));
        }
        // 180 days: S = 3 < S_floor = 3.16 -> STRANGER
        Score s180 = score(meeting, days(T0, 180), D);
        assertEquals(9.5, s180.strength());
        assertEquals(Tier.STRANGER, s180.tier());
        assertNull(s180.daysUntilTierDrop());
        assertEquals(0.5, s180.strengthToNextTier());
    }

    @Test
    void workedExampleStoredKeys() {
        ScoreState st = ScoreState.EMPTY.plus(of(MEETING, MUTUAL, T0), D);
        double frame = LogSpace.epochDays(T0) / 90;
        assertEquals(Math.log(6) / Math.log(2) + frame, st.inKey(), 1e-12);
        assertEquals(st.inKey(), st.outKey(), 0);
        assertEquals(st.inKey() + 1, st.scoreKey(), 0); // S = 2 * 6
        assertEquals(Math.log(12) / Math.log(2) + frame, st.typeKey(MEETING), 1e-12);
        assertEquals(Double.NEGATIVE_INFINITY, st.typeKey(LIKE));
        assertEquals(1, st.interactionCount());
    }

    // ------------------------------------------------------------ tiers

    @Test
    void eachTierFloorExactlyAndJustBelowThroughTheKey() {
        Random rnd = new Random(11);
        for (int n = 0; n < 200; n++) {
            ScoringSettings s = n == 0 ? D : ScoringFixtures.randomSettings(rnd);
            Instant at = n == 0 ? T0 : ScoringFixtures.randomAnchor(rnd);
            for (Tier tier : new Tier[] {Tier.ACQUAINTANCE, Tier.FRIEND, Tier.ALLY}) {
                double floor = s.floor(tier);
                double key = ScoreCalculator.keyFloor(floor, at, s);
                // the floor key itself: exactly this tier
                double atKey = ScoreCalculator.strength(key, at, s);
                assertTrue(atKey >= floor);
                assertEquals(floor, atKey, 1e-9);
                assertEquals(tier, s.tierOf(atKey), "at floor " + floor);
                assertEquals(0.0, ScoreCalculator.daysUntilTierDrop(key, at, s));
                // one ulp below: the previous tier, though it displays as the floor
                double below = Math.nextDown(key);
                assertTrue(ScoreCalculator.strength(below, at, s) < floor);
                assertEquals(tier.previous(), s.tierOf(ScoreCalculator.strength(below, at, s)));
                assertEquals(
                        ScoreCalculator.round(floor, 1),
                        ScoreCalculator.round(ScoreCalculator.strength(below, at, s), 1));
                // states whose score key lands within a few ulps of the floor key
                double x = key;
                for (int u = 0; u < 4; u++) {
                    x = Math.nextDown(x);
                }
                for (int u = 0; u < 8; u++, x = Math.nextUp(x)) {
                    ScoreState st = new ScoreState(x - 1, x - 1, emptyTypes(), at, 1);
                    double sk = st.scoreKey();
                    assertTrue(Math.abs(sk - x) <= 2 * Math.max(Math.ulp(x), Math.ulp(x - 1)));
                    Score sc = ScoreCalculator.score(st, at, s);
                    assertEquals(sk >= key ? tier : tier.previous(), sc.tier(), "ulp offset " + (u - 4));
                    assertEquals(
                            sc.tier() == tier
                                    ? Double.valueOf(0.0)
                                    : (tier == Tier.ACQUAINTANCE ? null : sc.daysUntilTierDrop()),
                            sc.daysUntilTierDrop());
                }
            }
        }
    }

    @Test
    void eachTierFloorThroughInteractionWeights() {
        // one MUTUAL interaction scored at its instant: S = w exactly
        for (Tier tier : new Tier[] {Tier.ACQUAINTANCE, Tier.FRIEND, Tier.ALLY}) {
            double floor = D.floor(tier);
            double w = floorPoints(floor, 30);
            Score above = score(List.of(of(FAVOR, MUTUAL, T0, w * (1 + 1e-9))), T0, D);
            Score below = score(List.of(of(FAVOR, MUTUAL, T0, w * (1 - 1e-9))), T0, D);
            Score exact = score(List.of(of(FAVOR, MUTUAL, T0, w)), T0, D);
            assertEquals(tier, above.tier());
            assertEquals(tier.previous(), below.tier());
            assertEquals(floor, exact.exactStrength(), 1e-9);
            assertEquals(floor, exact.strength());
            assertEquals(D.tierOf(exact.exactStrength()), exact.tier());
            assertEquals(floor, below.strength()); // displayed as the floor, yet the lower tier
            assertEquals(0.0, above.daysUntilTierDrop());
        }
    }

    @Test
    void strongRelationshipIsAllyWithoutNextTier() {
        List<ScoredInteraction> list = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            list.add(of(FAVOR, MUTUAL, days(T0, -i)));
            list.add(of(MEETING, INBOUND, days(T0, -i)));
            list.add(of(MEETING, OUTBOUND, days(T0, -i)));
        }
        Score s = score(list, T0, D);
        assertEquals(Tier.ALLY, s.tier());
        assertNull(s.nextTier());
        assertNull(s.strengthToNextTier());
        assertNotNull(s.daysUntilTierDrop());
        assertTrue(s.exactStrength() > 75 && s.exactStrength() < 100);
    }

    // ------------------------------------------------------------ reciprocity

    @Test
    void oneSidedCountsHalf() {
        Score inbound = score(List.of(of(MEETING, INBOUND, T0)), T0, D);
        Score outbound = score(List.of(of(MEETING, OUTBOUND, T0)), T0, D);
        Score mutual = score(List.of(of(MEETING, MUTUAL, T0)), T0, D);
        Score both = score(List.of(of(MEETING, INBOUND, T0), of(MEETING, OUTBOUND, T0)), T0, D);
        assertEquals(12.0, inbound.in(), 1e-12);
        assertEquals(0.0, inbound.out());
        assertEquals(0.0, inbound.reciprocity());
        assertEquals(6.0, inbound.effectivePoints(), 1e-12); // 12 * 0.5
        assertEquals(18.1, inbound.strength());
        assertEquals(0.0, outbound.in());
        assertEquals(12.0, outbound.out(), 1e-12);
        assertEquals(inbound.exactStrength(), outbound.exactStrength(), 0);
        assertEquals(2 * inbound.effectivePoints(), mutual.effectivePoints(), 1e-12);
        assertEquals(24.0, both.effectivePoints(), 1e-12);
        assertEquals(1.0, both.reciprocity());
        assertEquals(55.1, both.strength()); // 100 (1 - e^-0.8)
        assertEquals(Tier.FRIEND, both.tier());
        assertEquals(Tier.ACQUAINTANCE, inbound.tier());
    }

    @Test
    void partialReciprocity() {
        // in = 12, out = 4: r = 1/3, S = 16 (0.5 + 1/6) = 10.6667
        List<ScoredInteraction> list = List.of(of(MEETING, INBOUND, T0), of(SHARE, OUTBOUND, T0));
        for (Score s : List.of(score(list, T0, D), ScoreReference.scoreFromScratch(list, T0, D))) {
            assertEquals(1.0 / 3, s.reciprocity(), 1e-12);
            assertEquals(16 * (0.5 + 0.5 / 3), s.effectivePoints(), 1e-12);
            assertEquals(ScoreCalculator.round(strengthOf(32.0 / 3, 30), 1), s.strength());
            assertEquals(29.9, s.strength());
        }
        // reciprocity is symmetric and decay-independent
        Score later = score(list, days(T0, 400), D);
        assertEquals(1.0 / 3, later.reciprocity(), 1e-12);
    }

    @Test
    void scoreKeyOfKeys() {
        double neg = Double.NEGATIVE_INFINITY;
        assertEquals(neg, ScoreState.scoreKey(neg, neg));
        assertEquals(5.0 - 1, ScoreState.scoreKey(5, neg), 0);
        assertEquals(5.0 - 1, ScoreState.scoreKey(neg, 5), 0);
        assertEquals(6.0, ScoreState.scoreKey(5, 5), 0);
        // in = 8, out = 2: S = 10 * (0.5 + 0.125) = 6.25
        assertEquals(Math.log(6.25) / Math.log(2), ScoreState.scoreKey(3, 1), 1e-14);
        assertEquals(ScoreState.scoreKey(3, 1), ScoreState.scoreKey(1, 3), 0);
        assertEquals(0.0, ScoreState.reciprocity(neg, neg));
        assertEquals(0.25, ScoreState.reciprocity(3, 1), 1e-15);
        assertTrue(Double.isNaN(ScoreState.scoreKey(Double.NaN, 1)));
        // far in the future with H = 1: still exact
        assertEquals(47_001.0 + 1, ScoreState.scoreKey(47_001.0, 47_001.0), 0);
    }

    // ------------------------------------------------------------ weights

    @Test
    void weightOverridesIncludingZero() {
        ScoredInteraction zero = of(MEETING, MUTUAL, T0, 0.0);
        ScoreState st = ScoreState.EMPTY.plus(zero, D);
        assertEquals(Double.NEGATIVE_INFINITY, st.inKey());
        assertEquals(Double.NEGATIVE_INFINITY, st.scoreKey());
        assertEquals(1, st.interactionCount());
        assertEquals(T0, st.lastInteractionAt());
        Score s = ScoreCalculator.score(st, T0, D);
        assertEquals(0.0, s.strength());
        assertEquals(Tier.STRANGER, s.tier());
        assertNull(s.daysUntilTierDrop());
        assertEquals(T0, s.lastInteractionAt());
        assertEquals(st, ScoreState.of(List.of(zero), D));

        // override replaces the type weight, in both directions
        Score big = score(List.of(of(LIKE, MUTUAL, T0, 12.0)), T0, D);
        assertEquals(33.0, big.strength());
        assertEquals(12.0, big.breakdown().get(LIKE));
        // override is independent of the settings weight; settings weight applies to the rest
        ScoringSettings cheapMeetings = D.withWeight(MEETING, 1);
        List<ScoredInteraction> list = List.of(of(MEETING, MUTUAL, T0, 12.0), of(MEETING, MUTUAL, T0));
        assertEquals(13.0, score(list, T0, cheapMeetings).effectivePoints(), 1e-12);
        assertEquals(24.0, score(list, T0, D).effectivePoints(), 1e-12);
        // a type weighted 0 in the settings counts nothing, an override on it still counts
        ScoringSettings noViews = D.withWeight(VIEW, 0);
        assertEquals(0.0, score(List.of(of(VIEW, MUTUAL, T0)), T0, noViews).effectivePoints());
        assertEquals(2.0, score(List.of(of(VIEW, MUTUAL, T0, 2.0)), T0, noViews).effectivePoints(), 1e-12);
        assertEquals(0.5, of(VIEW, INBOUND, T0).points(D));
        assertEquals(7.5, of(VIEW, INBOUND, T0, 7.5).points(D));
    }

    @Test
    void invalidOverridesAreRejected() {
        for (double bad : new double[] {-1, -1e-300, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class, () -> new ScoredInteraction(LIKE, INBOUND, T0, bad));
        }
        assertThrows(NullPointerException.class, () -> new ScoredInteraction(null, INBOUND, T0, null));
        assertThrows(NullPointerException.class, () -> new ScoredInteraction(LIKE, null, T0, null));
        assertThrows(NullPointerException.class, () -> new ScoredInteraction(LIKE, INBOUND, null, null));
        assertEquals(0.0, new ScoredInteraction(LIKE, INBOUND, T0, -0.0).weight());
        assertEquals(
                Double.doubleToRawLongBits(0.0),
                Double.doubleToRawLongBits(new ScoredInteraction(LIKE, INBOUND, T0, -0.0).weight()));
    }

    // ------------------------------------------------------------ order, backdating, time bounds

    @Test
    void outOfOrderAndBackdatedInteractions() {
        List<ScoredInteraction> chrono = List.of(
                of(LIKE, INBOUND, days(T0, -300)),
                of(COMMENT, OUTBOUND, days(T0, -200)),
                of(MEETING, MUTUAL, days(T0, -100)),
                of(MESSAGE, INBOUND, days(T0, -10)),
                of(FAVOR, OUTBOUND, days(T0, -1)));
        ScoreState forward = chain(chrono, D);
        ScoreState backward =
                chain(List.of(chrono.get(4), chrono.get(3), chrono.get(2), chrono.get(1), chrono.get(0)), D);
        // the newest first, then a backdated one in the middle, etc.
        ScoreState mixed = chain(List.of(chrono.get(4), chrono.get(0), chrono.get(3), chrono.get(1), chrono.get(2)), D);
        ScoreState scratch = ScoreState.of(chrono, D);
        for (ScoreState st : List.of(forward, backward, mixed)) {
            assertTrue(ScoreReference.approximatelyEquals(st, scratch, 1e-12), st + " vs " + scratch);
            assertEquals(days(T0, -1), st.lastInteractionAt());
            assertEquals(5, st.interactionCount());
            Score a = ScoreCalculator.score(st, T0, D);
            Score b = ScoreReference.scoreFromScratch(chrono, T0, D);
            assertEquals(b.exactStrength(), a.exactStrength(), 1e-9);
            assertEquals(b.strength(), a.strength());
            assertEquals(b.daysUntilTierDrop(), a.daysUntilTierDrop());
            assertEquals(b.breakdown(), a.breakdown());
        }
        // a backdated interaction never moves lastInteractionAt backwards
        ScoreState plusOld = forward.plus(of(LIKE, INBOUND, days(T0, -1000)), D);
        assertEquals(days(T0, -1), plusOld.lastInteractionAt());
    }

    @Test
    void scoringBeforeTheFirstInteraction() {
        List<ScoredInteraction> list = List.of(of(MEETING, MUTUAL, T0), of(FAVOR, INBOUND, days(T0, 5)));
        Score s = ScoreReference.scoreFromScratch(list, days(T0, -1), D);
        assertEquals(0.0, s.strength());
        assertEquals(0.0, s.exactStrength());
        assertEquals(0.0, s.in());
        assertEquals(0.0, s.out());
        assertEquals(0.0, s.reciprocity());
        assertEquals(0.0, s.effectivePoints());
        assertEquals(Tier.STRANGER, s.tier());
        assertEquals(Tier.ACQUAINTANCE, s.nextTier());
        assertEquals(10.0, s.strengthToNextTier());
        assertNull(s.daysUntilTierDrop());
        assertNull(s.lastInteractionAt());
        for (double v : s.breakdown().values()) {
            assertEquals(0.0, v);
        }
        Score empty = ScoreCalculator.score(ScoreState.EMPTY, T0, D);
        assertEquals(0.0, empty.exactStrength());
        assertEquals(Tier.STRANGER, empty.tier());
        assertNull(empty.daysUntilTierDrop());
        assertNull(empty.lastInteractionAt());
        assertEquals(0.0, empty.reciprocity());
        // only what happened up to `at` counts; an interaction exactly at `at` counts in full
        Score between = ScoreReference.scoreFromScratch(list, T0, D);
        assertEquals(33.0, between.strength());
        assertEquals(T0, between.lastInteractionAt());
        Score justBefore = ScoreReference.scoreFromScratch(list, T0.minusMillis(1), D);
        assertEquals(0.0, justBefore.strength());
    }

    @Test
    void extremeHalfLivesAndInstantsHaveNoOverflowNaNOrPrecisionLoss() {
        Instant[] anchors = {
            Y1970,
            Instant.parse("1970-01-01T00:00:00.001Z"),
            Instant.parse("2000-02-29T12:00:00Z"),
            Instant.parse("2100-06-01T00:00:00Z"),
            days(Y2100, -3)
        };
        for (double h : new double[] {1, 1.000001, 7, 90, 3649.99, 3650}) {
            ScoringSettings s = D.withHalfLifeDays(h);
            for (Instant anchor : anchors) {
                List<ScoredInteraction> list = List.of(
                        of(MEETING, MUTUAL, anchor),
                        of(FAVOR, INBOUND, days(anchor, 0.25)),
                        of(LIKE, OUTBOUND, days(anchor, 1.5)),
                        of(CALL(), OUTBOUND, days(anchor, 2)));
                ScoreState st = ScoreState.of(list, s);
                ScoreState inc = chain(list, s);
                assertTrue(
                        Double.isFinite(st.inKey()) && Double.isFinite(st.outKey()) && Double.isFinite(st.scoreKey()));
                assertTrue(ScoreReference.approximatelyEquals(inc, st, 1e-10), inc + " " + st);
                for (double later : new double[] {0, 0.5, 3, 30, 400}) {
                    Instant at = days(anchor, 2 + later);
                    Score a = ScoreCalculator.score(st, at, s);
                    Score b = ScoreReference.scoreFromScratch(list, at, s);
                    assertFalse(Double.isNaN(a.exactStrength())
                            || Double.isNaN(a.in())
                            || Double.isNaN(a.effectivePoints()));
                    assertTrue(a.exactStrength() >= 0 && a.exactStrength() <= 100);
                    assertEquals(
                            b.exactStrength(), a.exactStrength(), 1e-9, "h=" + h + " anchor=" + anchor + " +" + later);
                    if (b.effectivePoints() > 1e-290) {
                        assertTrue(relDiff(a.in(), b.in()) < 1e-9, a.in() + " vs " + b.in());
                        assertTrue(relDiff(a.out(), b.out()) < 1e-9);
                        assertTrue(
                                relDiff(a.effectivePoints(), b.effectivePoints()) < 1e-9,
                                a.effectivePoints() + " vs " + b.effectivePoints());
                        assertEquals(b.reciprocity(), a.reciprocity(), 1e-9);
                    }
                }
            }
        }
        // H = 1: a 1970 interaction scored in 2100 is 2^-47000 — zero as a double, yet the key is exact
        ScoringSettings h1 = D.withHalfLifeDays(1);
        ScoreState old = ScoreState.of(List.of(of(FAVOR, MUTUAL, Y1970)), h1);
        Score far = ScoreCalculator.score(old, Y2100, h1);
        assertEquals(0.0, far.exactStrength());
        assertEquals(0.0, far.effectivePoints());
        assertEquals(Tier.STRANGER, far.tier());
        assertEquals(1.0, far.reciprocity()); // the ratio survives decay: it is computed from the keys
        // H = 1 in 2100: keys near 47,500 stay finite; a state built from both ends of the range
        ScoreState both = ScoreState.of(List.of(of(FAVOR, MUTUAL, Y1970), of(FAVOR, MUTUAL, Y2100)), h1);
        assertEquals(LogSpace.log2(15) + LogSpace.epochDays(Y2100), both.scoreKey(), 1e-9);
        assertEquals(39.3, ScoreCalculator.score(both, Y2100, h1).strength()); // 100 (1 - e^-0.5)
        assertTrue(LogSpace.epochDays(Y2100) > 47_000);
    }

    private static InteractionType CALL() {
        return InteractionType.CALL;
    }

    // ------------------------------------------------------------ keyFloor

    @Test
    void keyFloorEdgeCases() {
        assertEquals(Double.NEGATIVE_INFINITY, ScoreCalculator.keyFloor(0, T0, D));
        assertEquals(Double.NEGATIVE_INFINITY, ScoreCalculator.keyFloor(-5, T0, D));
        assertEquals(Double.NEGATIVE_INFINITY, ScoreCalculator.keyFloor(Double.NEGATIVE_INFINITY, T0, D));
        assertEquals(Double.POSITIVE_INFINITY, ScoreCalculator.keyFloor(100.0001, T0, D));
        assertEquals(Double.POSITIVE_INFINITY, ScoreCalculator.keyFloor(Double.POSITIVE_INFINITY, T0, D));
        assertThrows(IllegalArgumentException.class, () -> ScoreCalculator.keyFloor(Double.NaN, T0, D));
        // the empty state qualifies for T <= 0 only
        assertTrue(ScoreState.EMPTY.scoreKey() >= ScoreCalculator.keyFloor(0, T0, D));
        assertFalse(ScoreState.EMPTY.scoreKey() >= ScoreCalculator.keyFloor(Double.MIN_VALUE, T0, D));
        // T = 100: the key from which the double strength saturates to exactly 100.0
        double k100 = ScoreCalculator.keyFloor(100, T0, D);
        assertTrue(Double.isFinite(k100));
        assertEquals(100.0, ScoreCalculator.strength(k100, T0, D));
        assertTrue(ScoreCalculator.strength(Math.nextDown(k100), T0, D) < 100.0);
        // analytic value for the worked example's tier floors
        double frame = LogSpace.epochDays(T0) / 90;
        for (double t : new double[] {10, 40, 75, 33, 0.1, 99.9}) {
            double kf = ScoreCalculator.keyFloor(t, T0, D);
            assertEquals(Math.log(floorPoints(t, 30)) / Math.log(2) + frame, kf, 1e-9);
        }
        // the worked example: a MUTUAL MEETING clears 33 - no; 32.9 - yes (exact 32.968)
        ScoreState meeting = ScoreState.EMPTY.plus(of(MEETING, MUTUAL, T0), D);
        assertTrue(meeting.scoreKey() >= ScoreCalculator.keyFloor(32.9, T0, D));
        assertFalse(meeting.scoreKey() >= ScoreCalculator.keyFloor(33.0, T0, D));
        assertFalse(meeting.scoreKey() >= ScoreCalculator.keyFloor(32.9, days(T0, 1), D)); // decays
    }

    @Test
    void keyFloorIsExactlyTheStrengthThresholdForRandomStatesAndThresholds() {
        Random rnd = new Random(2024);
        int checks = 0;
        for (int n = 0; n < 3000; n++) {
            ScoringSettings s = ScoringFixtures.randomSettings(rnd);
            List<ScoredInteraction> list = ScoringFixtures.randomHistory(rnd, 12);
            ScoreState st = ScoreState.of(list, s);
            Instant at = ScoringFixtures.randomScoringInstant(rnd, list, s);
            double key = st.scoreKey();
            double exact = ScoreCalculator.score(st, at, s).exactStrength();
            assertEquals(exact, ScoreCalculator.strength(key, at, s), 0);
            double[] thresholds = {
                rnd.nextDouble() * 100,
                rnd.nextDouble() * 100,
                exact,
                Math.nextUp(exact),
                Math.nextDown(exact),
                s.acquaintanceFloor(),
                s.friendFloor(),
                s.allyFloor(),
                1e-12,
                99.99999,
                100,
                50
            };
            for (double t : thresholds) {
                double kf = ScoreCalculator.keyFloor(t, at, s);
                assertEquals(exact >= t, key >= kf, "T=" + t + " exact=" + exact + " key=" + key + " kf=" + kf);
                // kf is the smallest such key: its strength clears T, the previous double's does not
                if (t > 0 && t <= 100) {
                    assertTrue(ScoreCalculator.strength(kf, at, s) >= t);
                    assertTrue(ScoreCalculator.strength(Math.nextDown(kf), at, s) < t);
                }
                // and tiers agree with the key comparison
                checks++;
            }
            Tier tier = ScoreCalculator.score(st, at, s).tier();
            for (Tier x : Tier.values()) {
                boolean clears = x == Tier.STRANGER || key >= ScoreCalculator.keyFloor(s.floor(x), at, s);
                assertEquals(tier.compareTo(x) >= 0, clears);
            }
        }
        assertTrue(checks >= 36_000);
    }

    @Test
    void strengthIsMonotoneInTheKey() {
        Random rnd = new Random(99);
        for (int n = 0; n < 2000; n++) {
            ScoringSettings s = ScoringFixtures.randomSettings(rnd);
            Instant at = ScoringFixtures.randomAnchor(rnd);
            double kf = ScoreCalculator.keyFloor(rnd.nextDouble() * 100, at, s);
            double k = kf - 20;
            double prev = ScoreCalculator.strength(k, at, s);
            // coarse sweep through 40 doublings, then a fine sweep of ulps around kf
            for (int i = 0; i < 400; i++) {
                k += 0.1;
                double v = ScoreCalculator.strength(k, at, s);
                assertTrue(v >= prev);
                prev = v;
            }
            double x = kf;
            for (int i = 0; i < 50; i++) {
                x = Math.nextDown(x);
            }
            prev = ScoreCalculator.strength(x, at, s);
            for (int i = 0; i < 100; i++) {
                x = Math.nextUp(x);
                double v = ScoreCalculator.strength(x, at, s);
                assertTrue(v >= prev);
                prev = v;
            }
        }
    }

    // ------------------------------------------------------------ daysUntilTierDrop

    @Test
    void strengthAfterDaysUntilTierDropEqualsTheFloor() {
        Random rnd = new Random(5);
        int tested = 0;
        for (int n = 0; n < 3000; n++) {
            ScoringSettings s = ScoringFixtures.randomSettings(rnd);
            List<ScoredInteraction> list = ScoringFixtures.randomHistory(rnd, 30);
            ScoreState st = ScoreState.of(list, s);
            Instant at = ScoringFixtures.randomScoringInstant(rnd, list, s);
            Score score = ScoreCalculator.score(st, at, s);
            if (score.tier() == Tier.STRANGER) {
                assertNull(score.daysUntilTierDrop());
                assertNull(ScoreCalculator.daysUntilTierDrop(st.scoreKey(), at, s));
                continue;
            }
            tested++;
            double floor = s.floor(score.tier());
            double days = ScoreCalculator.daysUntilStrengthBelow(st.scoreKey(), at, floor, s);
            assertTrue(days >= -1e-9, "days " + days);
            assertEquals(ScoreCalculator.round(Math.max(0, days), 1), score.daysUntilTierDrop());
            assertEquals(score.daysUntilTierDrop(), ScoreCalculator.daysUntilTierDrop(st.scoreKey(), at, s));
            // strength `days` later (with the fractional day) is the floor
            Instant then = at.plusNanos(Math.round(days * 86_400e9));
            double later = ScoreCalculator.strength(st.scoreKey(), then, s);
            assertEquals(floor, later, 1e-6, "days=" + days);
            // and the naive formula agrees: S * 2^(-days/H) = S_floor
            double sAfter = score.effectivePoints() * Math.pow(2, -days / s.halfLifeDays());
            if (score.effectivePoints() > 1e-300) {
                assertEquals(floorPoints(floor, s.saturation()), sAfter, 1e-9 * sAfter);
            }
            // one decimal later than the rounded value, the tier has dropped (unless rounding hid < 0.05 day)
            Instant afterDrop = at.plusNanos(Math.round((days + 0.01) * 86_400e9));
            assertEquals(score.tier().previous(), s.tierOf(ScoreCalculator.strength(st.scoreKey(), afterDrop, s)));
        }
        assertTrue(tested > 500, "tested " + tested);
    }

    @Test
    void daysUntilStrengthBelowEdgeCases() {
        double key = ScoreState.EMPTY.plus(of(MEETING, MUTUAL, T0), D).scoreKey();
        assertEquals(Double.POSITIVE_INFINITY, ScoreCalculator.daysUntilStrengthBelow(key, T0, 0, D));
        assertEquals(Double.NEGATIVE_INFINITY, ScoreCalculator.daysUntilStrengthBelow(key, T0, 100, D));
        assertTrue(ScoreCalculator.daysUntilStrengthBelow(key, T0, 50, D) < 0); // already below
        assertEquals(173.2, ScoreCalculator.round(ScoreCalculator.daysUntilStrengthBelow(key, T0, 10, D), 1));
        assertEquals(ScoreCalculator.pointsForStrength(10, D), floorPoints(10, 30), 1e-12);
    }

    // ------------------------------------------------------------ breakdown and record

    @Test
    void breakdownHasEveryTypeAndSumsToInPlusOut() {
        List<ScoredInteraction> list = List.of(
                of(VIEW, INBOUND, T0),
                of(LIKE, OUTBOUND, T0),
                of(COMMENT, MUTUAL, T0),
                of(SHARE, INBOUND, days(T0, -90)),
                of(FAVOR, MUTUAL, days(T0, -180)));
        Score s = score(list, T0, D);
        Map<InteractionType, Double> b = s.breakdown();
        assertEquals(List.of(InteractionType.values()), List.copyOf(b.keySet()));
        assertEquals(0.5, b.get(VIEW));
        assertEquals(1.0, b.get(LIKE));
        assertEquals(3.0, b.get(COMMENT));
        assertEquals(2.0, b.get(SHARE));
        assertEquals(3.75, b.get(FAVOR));
        assertEquals(0.0, b.get(MEETING));
        double sum = b.values().stream().mapToDouble(Double::doubleValue).sum();
        assertEquals(s.in() + s.out(), sum, 0.01);
        assertThrows(UnsupportedOperationException.class, () -> s.breakdown().put(VIEW, 1.0));
        assertEquals(ScoreReference.scoreFromScratch(list, T0, D).breakdown(), b);
    }

    @Test
    void scoreRecordCopiesAndCompletesTheBreakdown() {
        EnumMap<InteractionType, Double> partial = new EnumMap<>(InteractionType.class);
        partial.put(LIKE, 2.0);
        Score s = new Score(T0, 1, 1, 1, 2, 6.4, 6.45, Tier.STRANGER, Tier.ACQUAINTANCE, 3.6, null, null, partial);
        partial.put(LIKE, 5.0);
        assertEquals(2.0, s.breakdown().get(LIKE));
        assertEquals(0.0, s.breakdown().get(VIEW));
        assertEquals(8, s.breakdown().size());
        assertThrows(
                NullPointerException.class,
                () -> new Score(null, 0, 0, 0, 0, 0, 0, Tier.STRANGER, null, null, null, null, Map.of()));
    }

    @Test
    void roundingIsHalfUpOnTheDecimalValue() {
        assertEquals(33.1, ScoreCalculator.round(33.05, 1));
        assertEquals(33.0, ScoreCalculator.round(33.04999, 1));
        assertEquals(0.1, ScoreCalculator.round(0.05, 1));
        assertEquals(2.68, ScoreCalculator.round(2.675, 2)); // binary 2.67499..., printed 2.675
        assertEquals(100.0, ScoreCalculator.round(99.95, 1));
        assertEquals(-1.1, ScoreCalculator.round(-1.05, 1)); // HALF_UP rounds away from zero
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(ScoreCalculator.round(-0.04, 1)));
        assertTrue(Double.isNaN(ScoreCalculator.round(Double.NaN, 1)));
        assertEquals(Double.POSITIVE_INFINITY, ScoreCalculator.round(Double.POSITIVE_INFINITY, 1));
    }

    @Test
    void fastRoundingEqualsBigDecimalHalfUp() {
        Random rnd = new Random(17);
        for (int i = 0; i < 1_000_000; i++) {
            int decimals = rnd.nextInt(4);
            double v =
                    switch (i % 6) {
                        case 0 -> rnd.nextDouble() * 100;
                        case 1 -> (rnd.nextInt(200_001) - 100_000) / 2000.0; // exact and binary-inexact ties
                        case 2 -> (rnd.nextInt(20_001) - 10_000) / 20.0 + (rnd.nextInt(3) - 1) * 1e-12;
                        case 3 -> Math.nextUp(rnd.nextInt(100_000) / 200.0);
                        case 4 -> (rnd.nextDouble() - 0.5) * 1e12;
                        default -> Math.nextDown((rnd.nextInt(100_000) + 0.5) / Math.pow(10, decimals));
                    };
            double fast = ScoreCalculator.round(v, decimals);
            double exact = ScoreReference.roundExact(v, decimals);
            if (Double.doubleToRawLongBits(fast) != Double.doubleToRawLongBits(exact)) {
                throw new AssertionError(v + " to " + decimals + ": " + fast + " vs " + exact);
            }
        }
    }

    // ------------------------------------------------------------ ScoreState basics

    @Test
    void scoreStateIsImmutableWithDefensiveCopies() {
        double[] keys = emptyTypes();
        keys[2] = 5;
        ScoreState st = new ScoreState(1, 2, keys, T0, 3);
        keys[2] = 99;
        assertEquals(5.0, st.typeKey(COMMENT));
        double[] out = st.typeKeys();
        out[2] = 77;
        assertEquals(5.0, st.typeKeys()[2]);
        assertEquals(new ScoreState(1, 2, st.typeKeys(), T0, 3), st);
        assertEquals(new ScoreState(1, 2, st.typeKeys(), T0, 3).hashCode(), st.hashCode());
        assertFalse(st.equals(new ScoreState(1, 2, st.typeKeys(), T0, 4)));
        assertThrows(IllegalArgumentException.class, () -> new ScoreState(Double.NaN, 0, emptyTypes(), null, 0));
        assertThrows(IllegalArgumentException.class, () -> new ScoreState(0, 0, new double[7], null, 0));
        assertThrows(IllegalArgumentException.class, () -> new ScoreState(0, 0, emptyTypes(), null, -1));
        double[] nan = emptyTypes();
        nan[0] = Double.NaN;
        assertThrows(IllegalArgumentException.class, () -> new ScoreState(0, 0, nan, null, 0));
        ScoreState before = ScoreState.EMPTY;
        ScoreState after = before.plus(of(LIKE, INBOUND, T0), D);
        assertTrue(before.isEmpty());
        assertFalse(after.isEmpty());
        assertEquals(Double.NEGATIVE_INFINITY, ScoreState.EMPTY.inKey());
        assertEquals(0, ScoreState.EMPTY.interactionCount());
        assertEquals(ScoreState.EMPTY, ScoreState.of(List.of(), D));
        assertTrue(st.toString().contains("scoreKey="));
    }

    @Test
    void singleInteractionOfEqualsPlusBitForBit() {
        for (Direction d : Direction.values()) {
            for (InteractionType t : InteractionType.values()) {
                ScoredInteraction i = of(t, d, T0);
                assertEquals(ScoreState.EMPTY.plus(i, D), ScoreState.of(List.of(i), D));
            }
        }
    }

    static double[] emptyTypes() {
        double[] k = new double[InteractionType.count()];
        Arrays.fill(k, Double.NEGATIVE_INFINITY);
        return k;
    }
}
