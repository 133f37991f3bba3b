package dev.threshold.score.math;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Plain-Java micro-benchmark of the scoring core (not a test; run its main method):
 * <pre>
 *   java -cp target/classes:target/test-classes dev.threshold.score.math.ScoringBenchmark
 * </pre>
 * Warm-up rounds first, then the median of the measured rounds is printed.
 */
public final class ScoringBenchmark {

    private static double sink;

    private ScoringBenchmark() {}

    public static void main(String[] args) {
        ScoringSettings s = ScoringSettings.defaults();
        Random rnd = new Random(42);
        Instant anchor = Instant.parse("2020-01-01T00:00:00Z");
        List<ScoredInteraction> history = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            history.add(ScoringFixtures.randomInteraction(rnd, anchor, 5 * 365));
        }
        Instant at = ScoringFixtures.latest(history).plusSeconds(86_400);
        ScoredInteraction[] updates = history.toArray(new ScoredInteraction[0]);

        System.out.println("Threshold scoring benchmark — " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version") + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs");

        // 1. ScoreState.plus
        double[] plusRates = measure(15, 5, () -> {
            int n = 2_000_000;
            ScoreState st = ScoreState.EMPTY;
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                st = st.plus(updates[i % updates.length], s);
            }
            long ns = System.nanoTime() - t0;
            sink += st.scoreKey();
            return n / (ns / 1e9);
        });
        System.out.printf(
                "ScoreState.plus:                     %,.0f updates/s (%.0f ns/update)%n",
                median(plusRates), 1e9 / median(plusRates));

        // 2. ScoreState.of over 10,000 interactions
        double[] ofMs = measure(200, 50, () -> {
            long t0 = System.nanoTime();
            ScoreState st = ScoreState.of(history, s);
            long ns = System.nanoTime() - t0;
            sink += st.scoreKey();
            return ns / 1e6;
        });
        System.out.printf("ScoreState.of, 10,000 interactions:  %.3f ms%n", median(ofMs));

        // 3. scoreFromScratch over 10,000 interactions
        double[] naiveMs = measure(200, 50, () -> {
            long t0 = System.nanoTime();
            Score sc = ScoreReference.scoreFromScratch(history, at, s);
            long ns = System.nanoTime() - t0;
            sink += sc.exactStrength();
            return ns / 1e6;
        });
        System.out.printf("scoreFromScratch, 10,000 interactions: %.3f ms%n", median(naiveMs));

        // 4. score(state, at)
        ScoreState state = ScoreState.of(history, s);
        Instant[] ats = new Instant[1024];
        for (int i = 0; i < ats.length; i++) {
            ats[i] = at.plusSeconds(3600L * i);
        }
        double[] scoreRates = measure(15, 5, () -> {
            int n = 300_000;
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink += ScoreCalculator.score(state, ats[i & 1023], s).exactStrength();
            }
            long ns = System.nanoTime() - t0;
            return n / (ns / 1e9);
        });
        System.out.printf(
                "ScoreCalculator.score:               %,.0f scores/s (%.2f µs/score)%n",
                median(scoreRates), 1e6 / median(scoreRates));

        // 5. strength(scoreKey, at) and keyFloor(T, at)
        double key = state.scoreKey();
        double[] strengthRates = measure(15, 5, () -> {
            int n = 2_000_000;
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink += ScoreCalculator.strength(key, ats[i & 1023], s);
            }
            long ns = System.nanoTime() - t0;
            return n / (ns / 1e9);
        });
        System.out.printf("ScoreCalculator.strength:            %,.0f strengths/s%n", median(strengthRates));
        double[] floorRates = measure(15, 5, () -> {
            int n = 200_000;
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink += ScoreCalculator.keyFloor(0.5 + (i % 995) / 10.0, ats[i & 1023], s);
            }
            long ns = System.nanoTime() - t0;
            return n / (ns / 1e9);
        });
        System.out.printf("ScoreCalculator.keyFloor:            %,.0f floors/s%n", median(floorRates));

        // 6. ScoreHistory: 1000 points over 10,000 interactions
        Instant from = anchor;
        double[] histMs = measure(30, 10, () -> {
            long t0 = System.nanoTime();
            List<ScoreHistory.Point> h =
                    ScoreHistory.compute(history, from, from.plusSeconds(86_400L * 999), Duration.ofDays(1), s);
            long ns = System.nanoTime() - t0;
            sink += h.size();
            return ns / 1e6;
        });
        System.out.printf("ScoreHistory, 1000 points / 10,000 interactions: %.2f ms%n", median(histMs));

        if (sink == 42.4242) {
            System.out.println(sink);
        }
    }

    private interface Round {
        double run();
    }

    private static double[] measure(int rounds, int warmup, Round r) {
        for (int i = 0; i < warmup; i++) {
            r.run();
        }
        double[] out = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            out[i] = r.run();
        }
        return out;
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }
}
