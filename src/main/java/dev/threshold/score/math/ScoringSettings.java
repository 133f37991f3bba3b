package dev.threshold.score.math;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Owner-level scoring settings.
 *
 * <p>The canonical constructor is lenient: it normalises the maps (immutable EnumMap copies; weights of
 * missing types, or mapped to {@code null}, fall back to {@link InteractionType#defaultWeight()}; null
 * cadence values are dropped) but does not reject out-of-range numbers, so an API layer can build the
 * object from a request and report every problem at once through {@link #violations()}. Use
 * {@link #requireValid()} where an invalid object must not pass.
 *
 * <p>Only {@code halfLifeDays} and {@code weights} influence the stored keys of {@link ScoreState};
 * changing either requires re-deriving every state from its interactions. Saturation and floors are
 * applied at read time.
 *
 * @param halfLifeDays      decay half-life H in days, 1..3650
 * @param saturation        saturation K (> 0, finite, <= 1,000,000)
 * @param weights           points per interaction type, every type present (finite, >= 0)
 * @param acquaintanceFloor strength at which ACQUAINTANCE starts (0 < a < f < al < 100)
 * @param friendFloor       strength at which FRIEND starts
 * @param allyFloor         strength at which ALLY starts
 * @param cadenceDays       suggested contact cadence per tier in days (1..3650); tiers may be absent
 */
public record ScoringSettings(
        double halfLifeDays,
        double saturation,
        Map<InteractionType, Double> weights,
        double acquaintanceFloor,
        double friendFloor,
        double allyFloor,
        Map<Tier, Integer> cadenceDays) {

    public static final double DEFAULT_HALF_LIFE_DAYS = 90;
    public static final double DEFAULT_SATURATION = 30;
    public static final double DEFAULT_ACQUAINTANCE_FLOOR = 10;
    public static final double DEFAULT_FRIEND_FLOOR = 40;
    public static final double DEFAULT_ALLY_FLOOR = 75;
    public static final double MIN_HALF_LIFE_DAYS = 1;
    public static final double MAX_HALF_LIFE_DAYS = 3650;
    public static final double MAX_SATURATION = 1_000_000;
    public static final int MIN_CADENCE_DAYS = 1;
    public static final int MAX_CADENCE_DAYS = 3650;

    private static final ScoringSettings DEFAULTS = new ScoringSettings(
            DEFAULT_HALF_LIFE_DAYS,
            DEFAULT_SATURATION,
            null,
            DEFAULT_ACQUAINTANCE_FLOOR,
            DEFAULT_FRIEND_FLOOR,
            DEFAULT_ALLY_FLOOR,
            Map.of(Tier.ALLY, 14, Tier.FRIEND, 30, Tier.ACQUAINTANCE, 90));

    /** One validation problem; {@link #toString()} is {@code "field: message"}. */
    public record Violation(String field, String message) {
        @Override
        public String toString() {
            return field + ": " + message;
        }
    }

    public ScoringSettings {
        EnumMap<InteractionType, Double> w = new EnumMap<>(InteractionType.class);
        for (InteractionType t : InteractionType.values()) {
            w.put(t, t.defaultWeight());
        }
        if (weights != null) {
            for (Map.Entry<InteractionType, Double> e : weights.entrySet()) {
                if (e.getKey() != null && e.getValue() != null) {
                    w.put(e.getKey(), e.getValue());
                }
            }
        }
        weights = Collections.unmodifiableMap(w);

        EnumMap<Tier, Integer> c = new EnumMap<>(Tier.class);
        if (cadenceDays != null) {
            for (Map.Entry<Tier, Integer> e : cadenceDays.entrySet()) {
                if (e.getKey() != null && e.getValue() != null) {
                    c.put(e.getKey(), e.getValue());
                }
            }
        }
        cadenceDays = Collections.unmodifiableMap(c);
    }

    /** H 90, K 30, the default type weights, floors 10 / 40 / 75, cadence ALLY 14, FRIEND 30, ACQUAINTANCE 90 days. */
    public static ScoringSettings defaults() {
        return DEFAULTS;
    }

    /** Points of one interaction of {@code type} without an override. */
    public double weight(InteractionType type) {
        return weights.get(Objects.requireNonNull(type, "type"));
    }

    /** Lowest strength of {@code tier}; 0 for STRANGER. */
    public double floor(Tier tier) {
        return switch (Objects.requireNonNull(tier, "tier")) {
            case STRANGER -> 0.0;
            case ACQUAINTANCE -> acquaintanceFloor;
            case FRIEND -> friendFloor;
            case ALLY -> allyFloor;
        };
    }

    /** Tier of an exact (unrounded) strength: the strongest tier whose floor is <= strength. NaN is STRANGER. */
    public Tier tierOf(double strength) {
        if (strength >= allyFloor) {
            return Tier.ALLY;
        }
        if (strength >= friendFloor) {
            return Tier.FRIEND;
        }
        if (strength >= acquaintanceFloor) {
            return Tier.ACQUAINTANCE;
        }
        return Tier.STRANGER;
    }

    /** Suggested cadence for {@code tier} in days, or {@code null} if none is configured. */
    public Integer cadence(Tier tier) {
        return cadenceDays.get(tier);
    }

    /** Every problem with these settings, in field order; empty when valid. */
    public List<Violation> violations() {
        List<Violation> out = new ArrayList<>();
        if (!(halfLifeDays >= MIN_HALF_LIFE_DAYS && halfLifeDays <= MAX_HALF_LIFE_DAYS)) {
            out.add(new Violation("halfLifeDays", "must be between 1 and 3650 days"));
        }
        if (!(saturation > 0 && saturation <= MAX_SATURATION)) {
            out.add(new Violation("saturation", "must be a finite number greater than 0 and at most 1000000"));
        }
        for (InteractionType t : InteractionType.values()) {
            double w = weights.get(t);
            if (!(w >= 0 && Double.isFinite(w))) {
                out.add(new Violation("weights." + t.name(), "must be a finite number greater than or equal to 0"));
            }
        }
        boolean aOk = inOpenPercent(acquaintanceFloor);
        boolean fOk = inOpenPercent(friendFloor);
        boolean alOk = inOpenPercent(allyFloor);
        if (!aOk) {
            out.add(new Violation("acquaintanceFloor", "must be greater than 0 and less than 100"));
        }
        if (!fOk) {
            out.add(new Violation("friendFloor", "must be greater than 0 and less than 100"));
        } else if (aOk && !(friendFloor > acquaintanceFloor)) {
            out.add(new Violation("friendFloor", "must be greater than acquaintanceFloor"));
        }
        if (!alOk) {
            out.add(new Violation("allyFloor", "must be greater than 0 and less than 100"));
        } else if (fOk && !(allyFloor > friendFloor)) {
            out.add(new Violation("allyFloor", "must be greater than friendFloor"));
        }
        for (Map.Entry<Tier, Integer> e : cadenceDays.entrySet()) {
            int v = e.getValue();
            if (v < MIN_CADENCE_DAYS || v > MAX_CADENCE_DAYS) {
                out.add(new Violation("cadenceDays." + e.getKey().name(), "must be between 1 and 3650 days"));
            }
        }
        return List.copyOf(out);
    }

    /** {@link #violations()} as {@code "field: message"} strings. */
    public List<String> validate() {
        return violations().stream().map(Violation::toString).toList();
    }

    /** Static form of {@link #violations()}; a null settings object is itself a violation. */
    public static List<Violation> violations(ScoringSettings settings) {
        return settings == null ? List.of(new Violation("settings", "must not be null")) : settings.violations();
    }

    public boolean isValid() {
        return violations().isEmpty();
    }

    /** Returns {@code this}, or throws {@link IllegalArgumentException} listing every violation. */
    public ScoringSettings requireValid() {
        List<String> problems = validate();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid scoring settings: " + String.join("; ", problems));
        }
        return this;
    }

    public ScoringSettings withHalfLifeDays(double h) {
        return new ScoringSettings(h, saturation, weights, acquaintanceFloor, friendFloor, allyFloor, cadenceDays);
    }

    public ScoringSettings withSaturation(double k) {
        return new ScoringSettings(halfLifeDays, k, weights, acquaintanceFloor, friendFloor, allyFloor, cadenceDays);
    }

    public ScoringSettings withWeight(InteractionType type, double weight) {
        EnumMap<InteractionType, Double> w = new EnumMap<>(weights);
        w.put(Objects.requireNonNull(type, "type"), weight);
        return new ScoringSettings(halfLifeDays, saturation, w, acquaintanceFloor, friendFloor, allyFloor, cadenceDays);
    }

    public ScoringSettings withFloors(double acquaintance, double friend, double ally) {
        return new ScoringSettings(halfLifeDays, saturation, weights, acquaintance, friend, ally, cadenceDays);
    }

    public ScoringSettings withCadenceDays(Map<Tier, Integer> cadence) {
        return new ScoringSettings(
                halfLifeDays, saturation, weights, acquaintanceFloor, friendFloor, allyFloor, cadence);
    }

    private static boolean inOpenPercent(double v) {
        return v > 0 && v < 100;
    }
}
