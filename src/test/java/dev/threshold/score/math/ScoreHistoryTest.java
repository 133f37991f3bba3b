package dev.threshold.score.math;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.threshold.score.math.Direction.MUTUAL;
import static dev.threshold.score.math.InteractionType.MEETING;
import static dev.threshold.score.math.ScoringFixtures.T0;
import static dev.threshold.score.math.ScoringFixtures.days;
import static dev.threshold.score.math.ScoringFixtures.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScoreHistoryTest {

    private static final ScoringSettings D = ScoringSettings.defaults();

    @Test
    void workedExampleOverTime() {
        List<ScoreHistory.Point> h = ScoreHistory.compute(
                List.of(of(MEETING, MUTUAL, T0)), days(T0, -90), days(T0, 180), Duration.ofDays(90), D);
        assertEquals(
                List.of(
                        new ScoreHistory.Point(days(T0, -90), 0.0, Tier.STRANGER),
                        new ScoreHistory.Point(T0, 33.0, Tier.ACQUAINTANCE),
                        new ScoreHistory.Point(days(T0, 90), 18.1, Tier.ACQUAINTANCE),
                        new ScoreHistory.Point(days(T0, 180), 9.5, Tier.STRANGER)),
                h);
    }

    @Test
    void pointCountsAndBounds() {
        assertEquals(1, ScoreHistory.pointCount(T0, T0, Duration.ofDays(1)));
        assertEquals(1, ScoreHistory.pointCount(T0, days(T0, 0.5), Duration.ofDays(1))); // `to` not on a step
        assertEquals(2, ScoreHistory.pointCount(T0, days(T0, 1), Duration.ofDays(1)));
        assertEquals(1000, ScoreHistory.pointCount(T0, days(T0, 999), Duration.ofDays(1)));
        assertEquals(1000, ScoreHistory.pointCount(T0, days(T0, 999.9), Duration.ofDays(1)));
        assertThrows(
                IllegalArgumentException.class, () -> ScoreHistory.pointCount(T0, days(T0, 1000), Duration.ofDays(1)));
        assertThrows(
                IllegalArgumentException.class, () -> ScoreHistory.pointCount(T0, days(T0, -1), Duration.ofDays(1)));
        assertThrows(IllegalArgumentException.class, () -> ScoreHistory.pointCount(T0, days(T0, 1), Duration.ZERO));
        assertThrows(
                IllegalArgumentException.class, () -> ScoreHistory.pointCount(T0, days(T0, 1), Duration.ofDays(-1)));
        assertThrows(
                IllegalArgumentException.class,
                () -> ScoreHistory.pointCount(
                        Instant.MIN, Instant.MAX, Duration.ofNanos(1))); // not an ArithmeticException
        assertThrows(
                IllegalArgumentException.class,
                () -> ScoreHistory.compute(List.of(), T0, days(T0, 2000), Duration.ofDays(1), D));
        assertThrows(NullPointerException.class, () -> ScoreHistory.compute(null, T0, T0, Duration.ofDays(1), D));
        List<ScoreHistory.Point> max =
                ScoreHistory.compute(List.of(of(MEETING, MUTUAL, T0)), T0, days(T0, 999), Duration.ofDays(1), D);
        assertEquals(1000, max.size());
        assertEquals(days(T0, 999), max.get(999).at());
        assertEquals(ScoreHistory.MAX_POINTS, max.size());
    }

    @Test
    void stepsAreExactAndTheLastPointMayFallBeforeTo() {
        List<ScoreHistory.Point> h = ScoreHistory.compute(List.of(), T0, T0.plusSeconds(10), Duration.ofSeconds(3), D);
        assertEquals(
                List.of(T0, T0.plusSeconds(3), T0.plusSeconds(6), T0.plusSeconds(9)),
                h.stream().map(ScoreHistory.Point::at).toList());
        for (ScoreHistory.Point p : h) {
            assertEquals(0.0, p.strength());
            assertEquals(Tier.STRANGER, p.tier());
        }
    }

    @Test
    void interactionExactlyAtAPointCountsAndLaterOnesDoNot() {
        List<ScoredInteraction> list =
                List.of(of(MEETING, MUTUAL, T0), of(MEETING, MUTUAL, days(T0, 1).plusMillis(1)));
        List<Score> scores = ScoreHistory.scores(list, days(T0, -1), days(T0, 1), Duration.ofDays(1), D);
        assertEquals(0.0, scores.get(0).exactStrength());
        assertEquals(33.0, scores.get(1).strength());
        assertEquals(T0, scores.get(2).lastInteractionAt()); // the second meeting is 1 ms after the last point
    }

    @Test
    void historyMatchesTheNaiveReferenceAtEveryPoint() {
        Random rnd = new Random(8);
        int points = 0;
        for (int n = 0; n < 400; n++) {
            ScoringSettings s = ScoringFixtures.randomSettings(rnd);
            List<ScoredInteraction> list = ScoringFixtures.randomHistory(rnd, 40);
            Instant first = list.isEmpty()
                    ? ScoringFixtures.randomAnchor(rnd)
                    : list.stream()
                            .map(ScoredInteraction::occurredAt)
                            .min(Instant::compareTo)
                            .get();
            Instant from = first.minusSeconds((long) (rnd.nextDouble() * 86_400 * 30));
            Duration step = Duration.ofMillis(1 + (long) (rnd.nextDouble() * 86_400_000L * 20));
            int count = 1 + rnd.nextInt(200);
            Instant to = from.plus(step.multipliedBy(count - 1))
                    .plusMillis((long) (rnd.nextDouble() * (step.toMillis() - 1)));
            List<ScoredInteraction> input = ScoringFixtures.shuffled(list, rnd);
            List<Score> got = ScoreHistory.scores(input, from, to, step, s);
            List<ScoreHistory.Point> pts = ScoreHistory.compute(input, from, to, step, s);
            assertEquals(count, got.size());
            assertEquals(count, pts.size());
            for (int i = 0; i < count; i++) {
                Instant at = from.plus(step.multipliedBy(i));
                Score naive = ScoreReference.scoreFromScratch(list, at, s);
                assertEquals(at, got.get(i).at());
                ScoreStatePropertyTest.assertScoreMatchesReference(
                        got.get(i), naive, s, "history " + n + " point " + i);
                assertEquals(got.get(i).strength(), pts.get(i).strength());
                assertEquals(got.get(i).tier(), pts.get(i).tier());
                assertEquals(at, pts.get(i).at());
                points++;
            }
        }
        assertTrue(points > 20_000, "points " + points);
    }

    @Test
    void inputIsNotModifiedAndOrderDoesNotMatter() {
        List<ScoredInteraction> list =
                new ArrayList<>(List.of(of(MEETING, MUTUAL, days(T0, 5)), of(MEETING, MUTUAL, T0)));
        List<ScoredInteraction> copy = List.copyOf(list);
        List<ScoreHistory.Point> a = ScoreHistory.compute(list, T0, days(T0, 10), Duration.ofDays(1), D);
        assertEquals(copy, list);
        List<ScoreHistory.Point> b =
                ScoreHistory.compute(List.of(copy.get(1), copy.get(0)), T0, days(T0, 10), Duration.ofDays(1), D);
        assertEquals(a, b);
    }
}
