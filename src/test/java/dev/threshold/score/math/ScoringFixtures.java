package dev.threshold.score.math;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Shared helpers and random generators for the scoring tests (not a test class). */
final class ScoringFixtures {

    static final Instant T0 = Instant.parse("2024-03-15T10:00:00Z");
    static final Instant Y1970 = Instant.parse("1970-01-01T00:00:00Z");
    static final Instant Y2100 = Instant.parse("2100-12-31T23:59:59.999Z");
    static final InteractionType[] TYPES = InteractionType.values();
    static final Direction[] DIRECTIONS = Direction.values();

    private ScoringFixtures() {}

    static Instant days(Instant t, double days) {
        return t.plusMillis(Math.round(days * 86_400_000.0));
    }

    static ScoredInteraction of(InteractionType type, Direction direction, Instant at) {
        return new ScoredInteraction(type, direction, at, null);
    }

    static ScoredInteraction of(InteractionType type, Direction direction, Instant at, double weight) {
        return new ScoredInteraction(type, direction, at, weight);
    }

    static ScoreState chain(List<ScoredInteraction> list, ScoringSettings s) {
        ScoreState state = ScoreState.EMPTY;
        for (ScoredInteraction i : list) {
            state = state.plus(i, s);
        }
        return state;
    }

    static <T> List<T> shuffled(List<T> list, Random rnd) {
        List<T> copy = new ArrayList<>(list);
        Collections.shuffle(copy, rnd);
        return copy;
    }

    /** Random settings; extreme half-lives (1, 3650) and saturations appear often. */
    static ScoringSettings randomSettings(Random rnd) {
        double h =
                switch (rnd.nextInt(6)) {
                    case 0 -> 1;
                    case 1 -> 3650;
                    case 2 -> 90;
                    default -> 1 + rnd.nextDouble() * 3649;
                };
        double k =
                switch (rnd.nextInt(4)) {
                    case 0 -> 30;
                    case 1 -> 0.5 + rnd.nextDouble() * 5;
                    default -> 1 + rnd.nextDouble() * 300;
                };
        ScoringSettings s = ScoringSettings.defaults().withHalfLifeDays(h).withSaturation(k);
        if (rnd.nextInt(3) == 0) {
            for (InteractionType t : TYPES) {
                if (rnd.nextBoolean()) {
                    s = s.withWeight(t, rnd.nextInt(5) == 0 ? 0.0 : rnd.nextDouble() * 40);
                }
            }
        }
        if (rnd.nextInt(4) == 0) {
            double a = 1 + rnd.nextDouble() * 30;
            double f = a + 1 + rnd.nextDouble() * 30;
            double al = f + 1 + rnd.nextDouble() * (98 - f);
            s = s.withFloors(a, f, al);
        }
        if (!s.isValid()) {
            throw new AssertionError("generator produced invalid settings " + s.validate());
        }
        return s;
    }

    /** A random anchor instant: mostly recent, sometimes at the ends of 1970..2100. */
    static Instant randomAnchor(Random rnd) {
        return switch (rnd.nextInt(5)) {
            case 0 -> Y1970.plusMillis((long) (rnd.nextDouble() * 86_400_000L * 400));
            case 1 -> Y2100.minusMillis((long) (rnd.nextDouble() * 86_400_000L * 400));
            default -> Y1970.plusMillis((long) (rnd.nextDouble() * (Y2100.toEpochMilli() - Y1970.toEpochMilli())));
        };
    }

    static ScoredInteraction randomInteraction(Random rnd, Instant anchor, double spanDays) {
        Instant at = anchor.plusMillis((long) (rnd.nextDouble() * spanDays * 86_400_000.0));
        if (at.isAfter(Y2100)) {
            at = Y2100;
        }
        Double w =
                switch (rnd.nextInt(8)) {
                    case 0 -> 0.0;
                    case 1 -> rnd.nextDouble() * 50;
                    case 2 -> (double) rnd.nextInt(20);
                    default -> null;
                };
        return new ScoredInteraction(
                TYPES[rnd.nextInt(TYPES.length)], DIRECTIONS[rnd.nextInt(DIRECTIONS.length)], at, w);
    }

    /** A random history of up to {@code maxSize} interactions within {@code spanDays} after an anchor. */
    static List<ScoredInteraction> randomHistory(Random rnd, int maxSize) {
        Instant anchor = randomAnchor(rnd);
        double span =
                switch (rnd.nextInt(4)) {
                    case 0 -> 1 + rnd.nextDouble() * 5;
                    case 1 -> 30 + rnd.nextDouble() * 300;
                    default -> 1 + rnd.nextDouble() * 4000;
                };
        int n = rnd.nextInt(maxSize + 1);
        List<ScoredInteraction> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(randomInteraction(rnd, anchor, span));
        }
        return list;
    }

    static Instant latest(List<ScoredInteraction> list) {
        Instant last = null;
        for (ScoredInteraction i : list) {
            if (last == null || i.occurredAt().isAfter(last)) {
                last = i.occurredAt();
            }
        }
        return last;
    }

    /** A scoring instant at or after every interaction (0..2 half-lives later, sometimes exactly the last one). */
    static Instant randomScoringInstant(Random rnd, List<ScoredInteraction> list, ScoringSettings s) {
        Instant last = latest(list);
        Instant base = last == null ? randomAnchor(rnd) : last;
        if (rnd.nextInt(5) == 0) {
            return base;
        }
        double days = rnd.nextDouble() * 2 * s.halfLifeDays();
        return base.plus(Duration.ofMillis((long) (days * 86_400_000.0)));
    }

    static double relDiff(double a, double b) {
        if (a == b) {
            return 0;
        }
        return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
    }

    /** Exact strength with the spec's formula on an effective-points value. */
    static double strengthOf(double effectivePoints, double k) {
        return 100.0 * (1.0 - Math.exp(-effectivePoints / k));
    }

    /** S_floor = -K ln(1 - T/100). */
    static double floorPoints(double t, double k) {
        return -k * Math.log(1.0 - t / 100.0);
    }
}
