package dev.threshold.score.math;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import static dev.threshold.score.math.ScoringFixtures.T0;
import static dev.threshold.score.math.ScoringFixtures.chain;
import static dev.threshold.score.math.ScoringFixtures.days;
import static dev.threshold.score.math.ScoringFixtures.of;
import static dev.threshold.score.math.ScoringFixtures.randomHistory;
import static dev.threshold.score.math.ScoringFixtures.randomSettings;
import static dev.threshold.score.math.ScoringFixtures.shuffled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The peak of a history ({@link Peak}): against a brute-force maximum over every instant, in every arrival order. */
class PeakTest {

    private static final ScoringSettings S = ScoringSettings.defaults();
    private static final double TOLERANCE = 1e-9;

    @Test
    void noInteractionsHasNoPeak() {
        assertSame(Peak.NONE, Peak.of(List.of(), S));
        assertSame(Peak.NONE, ScoreState.EMPTY.peak());
        assertEquals(0.0, Peak.NONE.strength(S));
        assertNull(Peak.NONE.at());
    }

    @Test
    void theSpecsMeetingPeaksAtItsOwnInstant() {
        Peak peak = Peak.of(List.of(of(InteractionType.MEETING, Direction.MUTUAL, T0)), S);
        assertEquals(T0, peak.at());
        assertEquals(LogSpace.log2(12), peak.log2Points(), 1e-12);
        assertEquals(33.0, peak.strength(S));
    }

    @Test
    void aLaterTouchAboveTheDecayedPeakMovesIt() {
        // 90 days later the meeting is worth 6; a second meeting makes 18 > 12
        Instant later = days(T0, 90);
        Peak peak = Peak.of(
                List.of(
                        of(InteractionType.MEETING, Direction.MUTUAL, T0),
                        of(InteractionType.MEETING, Direction.MUTUAL, later)),
                S);
        assertEquals(later, peak.at());
        assertEquals(18.0, LogSpace.exp2(peak.log2Points()), 1e-9);
    }

    @Test
    void aSmallLaterTouchLeavesTheEarlierPeak() {
        Peak peak = Peak.of(
                List.of(
                        of(InteractionType.FAVOR, Direction.MUTUAL, T0),
                        of(InteractionType.LIKE, Direction.MUTUAL, days(T0, 200))),
                S);
        assertEquals(T0, peak.at());
        assertEquals(15.0, LogSpace.exp2(peak.log2Points()), 1e-9);
    }

    @Test
    void everyInteractionOfTheSameInstantCounts() {
        Peak peak = Peak.of(
                List.of(
                        of(InteractionType.MESSAGE, Direction.INBOUND, T0),
                        of(InteractionType.MESSAGE, Direction.OUTBOUND, T0)),
                S);
        assertEquals(T0, peak.at());
        assertEquals(10.0, LogSpace.exp2(peak.log2Points()), 1e-9); // in = out = 5, r = 1
    }

    @Test
    void zeroPointsOnlyPeakAtZeroOnTheFirstInstant() {
        Peak peak = Peak.of(
                List.of(
                        of(InteractionType.LIKE, Direction.MUTUAL, days(T0, 3), 0.0),
                        of(InteractionType.LIKE, Direction.MUTUAL, T0, 0.0)),
                S);
        assertEquals(T0, peak.at());
        assertEquals(Double.NEGATIVE_INFINITY, peak.log2Points());
        assertEquals(0.0, peak.strength(S));
    }

    @Test
    void aPeakAboveZeroNeedsAnInstant() {
        assertThrows(IllegalArgumentException.class, () -> new Peak(3.0, null));
    }

    @Test
    void inTimeOrderPlusKeepsThePeakInO1AndABackdatedOneMakesItUnknown() {
        ScoreState s1 = ScoreState.EMPTY.plus(of(InteractionType.MEETING, Direction.MUTUAL, T0), S);
        assertEquals(T0, s1.peak().at());
        ScoreState tie = s1.plus(of(InteractionType.LIKE, Direction.MUTUAL, T0), S);
        assertEquals(T0, tie.peak().at());
        assertEquals(LogSpace.log2(13), tie.peak().log2Points(), 1e-12);
        ScoreState back = tie.plus(of(InteractionType.LIKE, Direction.MUTUAL, days(T0, -1)), S);
        assertFalse(back.peak().known());
        assertFalse(back.plus(of(InteractionType.LIKE, Direction.MUTUAL, days(T0, 5)), S)
                .peak()
                .known());
        // a rehydrated state without a peak stays unknown
        assertFalse(new ScoreState(1, 1, new double[InteractionType.count()], T0, 1)
                .plus(of(InteractionType.LIKE, Direction.MUTUAL, days(T0, 5)), S)
                .peak()
                .known());
    }

    @Test
    void ofAndInTimeOrderPlusAgreeBitForBitAndWithABruteForceMaximum() {
        Random rnd = new Random(15_2026L);
        int compared = 0;
        for (int n = 0; n < 3000; n++) {
            ScoringSettings s = randomSettings(rnd);
            List<ScoredInteraction> list = randomHistory(rnd, 30);
            Peak scratch = Peak.of(list, s);
            List<ScoredInteraction> sorted = new ArrayList<>(list);
            sorted.sort(Comparator.comparing(ScoredInteraction::occurredAt));
            Peak inOrder = chain(sorted, s).peak();
            assertEquals(scratch, inOrder, "case " + n);
            assertEquals(scratch, ScoreState.of(list, s).peak(), "case " + n);
            assertPeakClose(list, s, scratch, Peak.of(shuffled(list, rnd), s), "case " + n + " shuffled");
            assertPeakClose(list, s, bruteForce(list, s), scratch, "case " + n);
            if (!list.isEmpty()) {
                compared++;
            }
        }
        assertTrue(compared > 2500);
    }

    @Test
    void ofIsTheMaximumOfTheStrengthOverEveryInstantInTheHistory() {
        // the peak is at or above the strength at every instant of the history, and equal at one
        Random rnd = new Random(77L);
        for (int n = 0; n < 500; n++) {
            ScoringSettings s = randomSettings(rnd);
            List<ScoredInteraction> list = randomHistory(rnd, 20);
            if (list.isEmpty()) {
                continue;
            }
            Peak peak = Peak.of(list, s);
            for (ScoredInteraction i : list) {
                double strength =
                        ScoreReference.scoreFromScratch(list, i.occurredAt(), s).exactStrength();
                assertTrue(strength <= peak.exactStrength(s) + 1e-6, "case " + n);
            }
            double atPeak = ScoreReference.scoreFromScratch(list, peak.at(), s).exactStrength();
            assertEquals(atPeak, peak.exactStrength(s), 1e-6, "case " + n);
        }
    }

    @Test
    void theFloorIsExactlyTheStrengthThreshold() {
        Random rnd = new Random(5L);
        for (int n = 0; n < 20_000; n++) {
            ScoringSettings s = randomSettings(rnd);
            double threshold = rnd.nextInt(10) == 0 ? s.friendFloor() : rnd.nextDouble() * 100;
            double floor = Peak.log2PointsFloor(threshold, s);
            double x = rnd.nextInt(4) == 0 ? floor : LogSpace.log2(rnd.nextDouble() * 200);
            for (double y : new double[] {x, Math.nextDown(x), Math.nextUp(x)}) {
                assertEquals(Peak.strengthOfLog2Points(y, s) >= threshold, y >= floor, "T " + threshold + " x " + y);
            }
        }
    }

    /** The maximum over every distinct instant of the naive score there, the first instant on a tie. */
    private static Peak bruteForce(List<ScoredInteraction> list, ScoringSettings s) {
        TreeSet<Instant> instants = new TreeSet<>();
        list.forEach(i -> instants.add(i.occurredAt()));
        Peak best = Peak.NONE;
        for (Instant t : instants) {
            double points = ScoreReference.scoreFromScratch(list, t, s).effectivePoints();
            best = best.reached(LogSpace.log2(points), t);
        }
        return best;
    }

    private static void assertPeakClose(
            List<ScoredInteraction> list, ScoringSettings s, Peak expected, Peak actual, String msg) {
        if (expected.at() == null) {
            assertSame(Peak.NONE, actual, msg);
            return;
        }
        if (Double.isInfinite(expected.log2Points()) || Double.isInfinite(actual.log2Points())) {
            assertEquals(expected, actual, msg);
            return;
        }
        double diff = Math.abs(expected.log2Points() - actual.log2Points());
        if (diff > TOLERANCE) {
            fail(msg + ": peak " + actual + ", brute force " + expected);
        }
        if (!expected.at().equals(actual.at())) {
            // only a near tie between two instants may pick the other one
            double there = LogSpace.log2(
                    ScoreReference.scoreFromScratch(list, actual.at(), s).effectivePoints());
            if (!(Math.abs(there - expected.log2Points()) <= TOLERANCE)) {
                fail(msg + ": at " + actual.at() + ", brute force " + expected.at() + " (" + diff + ")");
            }
        }
    }
}
