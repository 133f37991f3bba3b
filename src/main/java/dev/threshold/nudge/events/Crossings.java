package dev.threshold.nudge.events;

import dev.threshold.action.ActionRef;
import dev.threshold.score.math.ScoreCalculator;
import dev.threshold.score.math.ScoringSettings;
import dev.threshold.score.math.Tier;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The events between two observations of one contact's score, and the instant of its next decay crossing: plain
 * arithmetic on the stored score key (docs/scoring.md), no database.
 *
 * <p>An observation is a score key and an instant. Between writes a key does not change and the strength only
 * falls, so every future crossing of a threshold T (a tier floor, an action threshold) happens at
 * {@code t + H log2(S / S_T)}: {@link #next} is the earliest of them, and of the instants when a coming tier drop
 * enters the warning window, in O(floors + actions).
 */
public final class Crossings {

    /** What caused a change: a write of interactions, or time alone. */
    public static final String BY_INTERACTION = "interaction";

    public static final String BY_DECAY = "decay";

    /** Never schedule a re-check closer than this: a rounding that puts a crossing a hair early must not spin. */
    static final Duration MIN_STEP = Duration.ofSeconds(1);

    private Crossings() {}

    /** Exact strength of {@code key} at {@code at}; 0 for the empty state. */
    static double strength(double key, Instant at, ScoringSettings s) {
        return key == Double.NEGATIVE_INFINITY ? 0.0 : ScoreCalculator.strength(key, at, s);
    }

    /**
     * The tier whose drop is within {@code window} of {@code at} (the tier the contact is in now), or null when no
     * drop is that close (or the contact is a STRANGER).
     */
    static Tier dropSoon(double key, Instant at, ScoringSettings s, Duration window) {
        double strength = strength(key, at, s);
        Tier tier = s.tierOf(strength);
        if (tier == Tier.STRANGER) {
            return null;
        }
        double days = ScoreCalculator.daysUntilStrengthBelow(key, at, s.floor(tier), s);
        return days <= window.toSeconds() / 86_400.0 ? tier : null;
    }

    static Instant plusDays(Instant at, double days) {
        days = Math.min(days, 100_000.0); // beyond 270 years: never, for any practical purpose
        return at.plusNanos((long) Math.floor(days * 86_400e9)).truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * The events from observation A ({@code keyA} at {@code tA}) to observation B ({@code keyB} at {@code tB}),
     * caused by {@code cause}: a tier change (from, to), each action whose threshold was crossed (up or down), and
     * the entry of a tier drop into the warning window (once per drop: not when A already was in the window of the
     * same tier's drop).
     */
    public static List<NudgeEvent> between(
            UUID contactId,
            String displayName,
            double keyA,
            Instant tA,
            double keyB,
            Instant tB,
            ScoringSettings s,
            List<ActionRef> actions,
            Duration window,
            String cause) {
        List<NudgeEvent> events = new ArrayList<>();
        double before = strength(keyA, tA, s);
        double after = strength(keyB, tB, s);
        boolean decay = BY_DECAY.equals(cause);
        Tier from = s.tierOf(before);
        Tier to = s.tierOf(after);
        if (from != to) {
            Map<String, Object> data = base(contactId, displayName, after, to);
            data.put("from", from.name());
            data.put("to", to.name());
            data.put("cause", cause);
            data.put("occurredAt", decay ? crossedAt(keyA, tA, s.floor(from), s, tB) : tB);
            events.add(new NudgeEvent(NudgeEvent.TIER_CHANGED, contactId, data));
        }
        for (ActionRef action : actions) {
            boolean was = before >= action.threshold();
            boolean is = after >= action.threshold();
            if (was != is) {
                Map<String, Object> data = base(contactId, displayName, after, to);
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("id", action.id());
                a.put("name", action.name());
                a.put("threshold", action.threshold());
                data.put("action", a);
                data.put("direction", is ? "up" : "down");
                data.put("cause", cause);
                data.put("occurredAt", decay ? crossedAt(keyA, tA, action.threshold(), s, tB) : tB);
                events.add(new NudgeEvent(NudgeEvent.ACTION_CROSSED, contactId, data));
            }
        }
        Tier soonBefore = dropSoon(keyA, tA, s, window);
        Tier soonAfter = dropSoon(keyB, tB, s, window);
        if (soonAfter != null && soonAfter != soonBefore) {
            double days = ScoreCalculator.daysUntilStrengthBelow(keyB, tB, s.floor(soonAfter), s);
            Map<String, Object> data = base(contactId, displayName, after, to);
            data.put("dropsTo", soonAfter.previous().name());
            data.put("dropsAt", plusDays(tB, Math.max(0.0, days)));
            data.put("daysUntilTierDrop", ScoreCalculator.round(Math.max(0.0, days), 1));
            data.put("windowDays", ScoreCalculator.round(window.toSeconds() / 86_400.0, 1));
            events.add(new NudgeEvent(NudgeEvent.TIER_DROP_SOON, contactId, data));
        }
        return events;
    }

    private static Map<String, Object> base(UUID contactId, String displayName, double strength, Tier tier) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("contactId", contactId);
        data.put("displayName", displayName);
        data.put("strength", ScoreCalculator.round(strength, 1));
        data.put("tier", tier.name());
        return data;
    }

    /** When a decaying {@code key} fell below {@code threshold} (not after {@code latest}). */
    private static Instant crossedAt(double key, Instant from, double threshold, ScoringSettings s, Instant latest) {
        double days = ScoreCalculator.daysUntilStrengthBelow(key, from, threshold, s);
        if (Double.isNaN(days) || Double.isInfinite(days) || days < 0) {
            return latest;
        }
        Instant at = plusDays(from, days);
        return at.isAfter(latest) ? latest : at;
    }

    /**
     * The instant of the next event that decay alone will cause for {@code key} observed at {@code at}: the
     * earliest fall below a tier floor or an action threshold it is above now, or entry into the warning window
     * of a coming tier drop; null when there is none (an empty state). Never earlier than {@code at + 1 s}.
     */
    public static Instant next(double key, Instant at, ScoringSettings s, List<ActionRef> actions, Duration window) {
        if (key == Double.NEGATIVE_INFINITY || Double.isNaN(key)) {
            return null;
        }
        double strength = strength(key, at, s);
        double windowDays = window.toSeconds() / 86_400.0;
        double best = Double.POSITIVE_INFINITY;
        for (Tier tier : new Tier[] {Tier.ACQUAINTANCE, Tier.FRIEND, Tier.ALLY}) {
            double floor = s.floor(tier);
            if (strength >= floor) {
                double days = ScoreCalculator.daysUntilStrengthBelow(key, at, floor, s);
                best = Math.min(best, days);
                if (days - windowDays > 0) {
                    best = Math.min(best, days - windowDays);
                }
            }
        }
        for (ActionRef action : actions) {
            if (action.threshold() > 0 && strength >= action.threshold()) {
                best = Math.min(best, ScoreCalculator.daysUntilStrengthBelow(key, at, action.threshold(), s));
            }
        }
        if (Double.isInfinite(best) || Double.isNaN(best)) {
            return null;
        }
        Instant next = plusDays(at, Math.max(0.0, best));
        Instant earliest = at.plus(MIN_STEP);
        return next.isBefore(earliest) ? earliest : next;
    }
}
