package dev.threshold.nudge.events;

import dev.threshold.action.ActionRef;
import dev.threshold.score.math.LogSpace;
import dev.threshold.score.math.ScoreCalculator;
import dev.threshold.score.math.ScoringSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CrossingsTest {

    private static final ScoringSettings S = ScoringSettings.defaults();
    private static final Duration W = Duration.ofDays(14);
    private static final Instant T0 = Instant.parse("2026-11-30T08:00:00Z");
    private static final UUID C = UUID.randomUUID();
    private static final ActionRef REFERRAL = new ActionRef(UUID.randomUUID(), "Ask for a referral", 30);

    /** The key of S effective points at T0 (log2 S + d/H). */
    private static double key(double points) {
        return LogSpace.log2(points) + LogSpace.epochDays(T0) / S.halfLifeDays();
    }

    @Test
    void aMeetingLiftsAStrangerToAcquaintanceAndOverAnActionByInteraction() {
        List<NudgeEvent> events = Crossings.between(
                C,
                "Dana",
                Double.NEGATIVE_INFINITY,
                T0,
                key(12),
                T0,
                S,
                List.of(REFERRAL),
                W,
                Crossings.BY_INTERACTION);
        assertEquals(2, events.size());
        assertEquals(NudgeEvent.TIER_CHANGED, events.get(0).type());
        assertEquals("STRANGER", events.get(0).data().get("from"));
        assertEquals("ACQUAINTANCE", events.get(0).data().get("to"));
        assertEquals("interaction", events.get(0).data().get("cause"));
        assertEquals(NudgeEvent.ACTION_CROSSED, events.get(1).type());
        assertEquals("up", events.get(1).data().get("direction"));
    }

    @Test
    void decayDropsATierAtTheInstantNextSaid() {
        double k = key(12); // 33.0: ACQUAINTANCE, above the action at 30
        Instant next = Crossings.next(k, T0, S, List.of(REFERRAL), W);
        // the action at 30 is the first threshold crossed going down
        assertEquals(30.0, ScoreCalculator.strength(k, next, S), 0.01);
        assertTrue(Crossings.between(C, "Dana", k, T0, k, next.minusSeconds(60), S, List.of(REFERRAL), W, "decay")
                .isEmpty());
        List<NudgeEvent> crossed =
                Crossings.between(C, "Dana", k, T0, k, next.plusSeconds(1), S, List.of(REFERRAL), W, "decay");
        assertEquals(1, crossed.size());
        assertEquals("down", crossed.get(0).data().get("direction"));
        assertEquals("decay", crossed.get(0).data().get("cause"));
    }

    @Test
    void dropSoonIsRaisedOnceWhenTheDropEntersTheWindow() {
        double k = key(12);
        double daysToDrop = ScoreCalculator.daysUntilStrengthBelow(k, T0, S.acquaintanceFloor(), S);
        Instant entry = Crossings.plusDays(T0, daysToDrop - 14);
        Instant next = Crossings.next(k, T0.plus(Duration.ofDays(60)), S, List.of(), W);
        assertEquals(entry.toEpochMilli(), next.toEpochMilli(), 1000.0);
        List<NudgeEvent> soon = Crossings.between(C, "Dana", k, T0, k, entry.plusSeconds(5), S, List.of(), W, "decay");
        assertEquals(1, soon.size());
        assertEquals(NudgeEvent.TIER_DROP_SOON, soon.get(0).type());
        assertEquals("STRANGER", soon.get(0).data().get("dropsTo"));
        // once: a later observation inside the same window raises nothing more
        assertTrue(Crossings.between(
                        C, "Dana", k, entry.plusSeconds(5), k, entry.plusSeconds(3600), S, List.of(), W, "decay")
                .isEmpty());
    }

    @Test
    void anEmptyStateHasNoNextCrossing() {
        assertNull(Crossings.next(Double.NEGATIVE_INFINITY, T0, S, List.of(REFERRAL), W));
    }

    @Test
    void aDecayedStrangerBelowEveryThresholdHasNoNextCrossing() {
        double k = key(12);
        Instant late = T0.plus(Duration.ofDays(10_000));
        Instant next = Crossings.next(k, late, S, List.of(REFERRAL), W);
        assertNull(next); // a stranger with no threshold above it: nothing more will happen by decay
    }
}
