package dev.threshold.score.math;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScoringSettingsTest {

    private static final ScoringSettings D = ScoringSettings.defaults();

    @Test
    void defaultsMatchTheSpec() {
        assertEquals(90.0, D.halfLifeDays());
        assertEquals(30.0, D.saturation());
        assertEquals(10.0, D.acquaintanceFloor());
        assertEquals(40.0, D.friendFloor());
        assertEquals(75.0, D.allyFloor());
        assertEquals(0.5, D.weight(InteractionType.VIEW));
        assertEquals(1.0, D.weight(InteractionType.LIKE));
        assertEquals(3.0, D.weight(InteractionType.COMMENT));
        assertEquals(4.0, D.weight(InteractionType.SHARE));
        assertEquals(5.0, D.weight(InteractionType.MESSAGE));
        assertEquals(8.0, D.weight(InteractionType.CALL));
        assertEquals(12.0, D.weight(InteractionType.MEETING));
        assertEquals(15.0, D.weight(InteractionType.FAVOR));
        assertEquals(Map.of(Tier.ALLY, 14, Tier.FRIEND, 30, Tier.ACQUAINTANCE, 90), D.cadenceDays());
        assertFalse(D.cadenceDays().containsKey(Tier.STRANGER));
        assertNull(D.cadence(Tier.STRANGER));
        assertEquals(14, D.cadence(Tier.ALLY));
        assertTrue(D.isValid());
        assertEquals(List.of(), D.violations());
        assertEquals(List.of(), D.validate());
        assertSame(D, D.requireValid());
        assertSame(D, ScoringSettings.defaults());
    }

    @Test
    void defaultWeightsOfTheEnum() {
        double[] expected = {0.5, 1, 3, 4, 5, 8, 12, 15};
        InteractionType[] types = InteractionType.values();
        assertEquals(8, types.length);
        assertEquals(8, InteractionType.count());
        for (int i = 0; i < types.length; i++) {
            assertEquals(expected[i], types[i].defaultWeight(), types[i].name());
        }
        // the ordinal order is part of the stored form (typeKeys index)
        assertEquals(
                List.of("VIEW", "LIKE", "COMMENT", "SHARE", "MESSAGE", "CALL", "MEETING", "FAVOR"),
                Arrays.stream(types).map(Enum::name).toList());
        assertEquals(
                List.of("INBOUND", "OUTBOUND", "MUTUAL"),
                Arrays.stream(Direction.values()).map(Enum::name).toList());
    }

    @Test
    void tierOrderAndNext() {
        assertEquals(Tier.ACQUAINTANCE, Tier.STRANGER.next());
        assertEquals(Tier.FRIEND, Tier.ACQUAINTANCE.next());
        assertEquals(Tier.ALLY, Tier.FRIEND.next());
        assertNull(Tier.ALLY.next());
        assertNull(Tier.STRANGER.previous());
        assertEquals(Tier.FRIEND, Tier.ALLY.previous());
        assertTrue(Tier.STRANGER.compareTo(Tier.ALLY) < 0);
    }

    @Test
    void floors() {
        assertEquals(0.0, D.floor(Tier.STRANGER));
        assertEquals(10.0, D.floor(Tier.ACQUAINTANCE));
        assertEquals(40.0, D.floor(Tier.FRIEND));
        assertEquals(75.0, D.floor(Tier.ALLY));
    }

    @Test
    void tierOfAtEachFloorExactlyAndJustBelow() {
        assertEquals(Tier.STRANGER, D.tierOf(0.0));
        assertEquals(Tier.STRANGER, D.tierOf(Math.nextDown(10.0)));
        assertEquals(Tier.STRANGER, D.tierOf(9.99));
        assertEquals(Tier.ACQUAINTANCE, D.tierOf(10.0));
        assertEquals(Tier.ACQUAINTANCE, D.tierOf(Math.nextDown(40.0)));
        assertEquals(
                Tier.ACQUAINTANCE, D.tierOf(39.96)); // displayed 40.0, still ACQUAINTANCE: tier uses the exact value
        assertEquals(Tier.FRIEND, D.tierOf(40.0));
        assertEquals(Tier.FRIEND, D.tierOf(Math.nextDown(75.0)));
        assertEquals(Tier.ALLY, D.tierOf(75.0));
        assertEquals(Tier.ALLY, D.tierOf(100.0));
        assertEquals(Tier.STRANGER, D.tierOf(Double.NaN));
        assertEquals(Tier.STRANGER, D.tierOf(-1));

        ScoringSettings custom = D.withFloors(5, 50, 90);
        assertEquals(Tier.STRANGER, custom.tierOf(Math.nextDown(5.0)));
        assertEquals(Tier.ACQUAINTANCE, custom.tierOf(5.0));
        assertEquals(Tier.ACQUAINTANCE, custom.tierOf(Math.nextDown(50.0)));
        assertEquals(Tier.FRIEND, custom.tierOf(50.0));
        assertEquals(Tier.FRIEND, custom.tierOf(Math.nextDown(90.0)));
        assertEquals(Tier.ALLY, custom.tierOf(90.0));
    }

    @Test
    void mapsAreImmutableEnumMapCopies() {
        Map<InteractionType, Double> w = new HashMap<>();
        w.put(InteractionType.LIKE, 2.0);
        w.put(InteractionType.VIEW, null); // null value falls back to the default
        Map<Tier, Integer> c = new HashMap<>();
        c.put(Tier.FRIEND, 7);
        c.put(Tier.ALLY, null);
        ScoringSettings s = new ScoringSettings(30, 10, w, 10, 40, 75, c);
        w.put(InteractionType.LIKE, 99.0);
        c.put(Tier.FRIEND, 99);
        assertEquals(2.0, s.weight(InteractionType.LIKE));
        assertEquals(0.5, s.weight(InteractionType.VIEW));
        assertEquals(12.0, s.weight(InteractionType.MEETING)); // missing -> default
        assertEquals(8, s.weights().size());
        assertEquals(Map.of(Tier.FRIEND, 7), s.cadenceDays());
        assertThrows(UnsupportedOperationException.class, () -> s.weights().put(InteractionType.LIKE, 3.0));
        assertThrows(UnsupportedOperationException.class, () -> s.cadenceDays().put(Tier.ALLY, 3));
        assertThrows(UnsupportedOperationException.class, () -> D.weights().clear());
        // EnumMap-backed: iteration in declaration order
        assertEquals(List.of(InteractionType.values()), List.copyOf(s.weights().keySet()));
        EnumMap<Tier, Integer> all = new EnumMap<>(Tier.class);
        all.put(Tier.ALLY, 1);
        all.put(Tier.STRANGER, 2);
        assertEquals(
                List.of(Tier.STRANGER, Tier.ALLY),
                List.copyOf(D.withCadenceDays(all).cadenceDays().keySet()));
    }

    @Test
    void nullMapsMeanDefaultsAndNoCadence() {
        ScoringSettings s = new ScoringSettings(90, 30, null, 10, 40, 75, null);
        assertEquals(D.weights(), s.weights());
        assertEquals(Map.of(), s.cadenceDays());
        assertTrue(s.isValid());
    }

    @Test
    void withers() {
        ScoringSettings s = D.withHalfLifeDays(7)
                .withSaturation(3)
                .withWeight(InteractionType.CALL, 0)
                .withFloors(1, 2, 3);
        assertEquals(7, s.halfLifeDays());
        assertEquals(3, s.saturation());
        assertEquals(0.0, s.weight(InteractionType.CALL));
        assertEquals(12.0, s.weight(InteractionType.MEETING));
        assertEquals(3, s.allyFloor());
        assertEquals(D.cadenceDays(), s.cadenceDays());
        assertTrue(s.isValid());
        assertEquals(D, D.withHalfLifeDays(90));
    }

    @Test
    void halfLifeBounds() {
        assertTrue(D.withHalfLifeDays(1).isValid());
        assertTrue(D.withHalfLifeDays(3650).isValid());
        assertTrue(D.withHalfLifeDays(1.5).isValid());
        for (double bad : new double[] {
            0, 0.999, -1, 3650.001, 1e9, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY
        }) {
            List<String> v = D.withHalfLifeDays(bad).validate();
            assertEquals(1, v.size(), "halfLife " + bad);
            assertTrue(v.get(0).startsWith("halfLifeDays: "), v.get(0));
        }
    }

    @Test
    void saturationBounds() {
        assertTrue(D.withSaturation(1e-9).isValid());
        assertTrue(D.withSaturation(1_000_000).isValid());
        for (double bad : new double[] {0, -0.0, -1, 1_000_000.5, Double.NaN, Double.POSITIVE_INFINITY}) {
            List<ScoringSettings.Violation> v = D.withSaturation(bad).violations();
            assertEquals(1, v.size(), "saturation " + bad);
            assertEquals("saturation", v.get(0).field());
        }
    }

    @Test
    void weightBounds() {
        assertTrue(D.withWeight(InteractionType.VIEW, 0).isValid());
        assertTrue(D.withWeight(InteractionType.VIEW, 1e12).isValid());
        for (double bad : new double[] {-0.001, -1, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            List<String> v = D.withWeight(InteractionType.SHARE, bad).validate();
            assertEquals(
                    List.of("weights.SHARE: must be a finite number greater than or equal to 0"), v, "weight " + bad);
        }
        List<String> two = D.withWeight(InteractionType.VIEW, -1)
                .withWeight(InteractionType.FAVOR, Double.NaN)
                .validate();
        assertEquals(2, two.size());
        assertTrue(two.get(0).startsWith("weights.VIEW"));
        assertTrue(two.get(1).startsWith("weights.FAVOR"));
    }

    @Test
    void floorsMustBeStrictlyIncreasingInsideZeroToHundred() {
        assertTrue(D.withFloors(0.001, 50, 99.999).isValid());
        assertEquals(List.of("acquaintanceFloor"), fields(D.withFloors(0, 40, 75)));
        assertEquals(List.of("acquaintanceFloor"), fields(D.withFloors(-5, 40, 75)));
        assertEquals(List.of("acquaintanceFloor"), fields(D.withFloors(Double.NaN, 40, 75)));
        assertEquals(List.of("allyFloor"), fields(D.withFloors(10, 40, 100)));
        assertEquals(List.of("allyFloor"), fields(D.withFloors(10, 40, Double.POSITIVE_INFINITY)));
        assertEquals(List.of("friendFloor"), fields(D.withFloors(10, 10, 75))); // equal is not increasing
        assertEquals(List.of("friendFloor"), fields(D.withFloors(50, 40, 75)));
        assertEquals(List.of("allyFloor"), fields(D.withFloors(10, 40, 40)));
        assertEquals(List.of("allyFloor"), fields(D.withFloors(10, 80, 75)));
        assertEquals(List.of("friendFloor", "allyFloor"), fields(D.withFloors(30, 20, 10)));
        assertEquals(
                List.of("friendFloor: must be greater than acquaintanceFloor"),
                D.withFloors(50, 40, 75).validate());
        assertEquals(
                List.of("allyFloor: must be greater than friendFloor"),
                D.withFloors(10, 80, 75).validate());
        assertEquals(
                List.of("friendFloor: must be greater than 0 and less than 100"),
                D.withFloors(10, 100, 75).validate());
        // an out-of-range neighbour is not compared with: only the real problem is reported
        assertEquals(List.of("friendFloor"), fields(D.withFloors(10, 200, 50)));
    }

    @Test
    void cadenceBounds() {
        assertTrue(D.withCadenceDays(Map.of(Tier.ALLY, 1, Tier.FRIEND, 3650)).isValid());
        assertEquals(List.of("cadenceDays.ALLY"), fields(D.withCadenceDays(Map.of(Tier.ALLY, 0))));
        assertEquals(List.of("cadenceDays.FRIEND"), fields(D.withCadenceDays(Map.of(Tier.FRIEND, 3651))));
        assertEquals(List.of("cadenceDays.ACQUAINTANCE"), fields(D.withCadenceDays(Map.of(Tier.ACQUAINTANCE, -3))));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        ScoringSettings bad =
                new ScoringSettings(0, -1, Map.of(InteractionType.CALL, -2.0), 0, 200, 150, Map.of(Tier.ALLY, 0));
        assertEquals(
                List.of(
                        "halfLifeDays",
                        "saturation",
                        "weights.CALL",
                        "acquaintanceFloor",
                        "friendFloor",
                        "allyFloor",
                        "cadenceDays.ALLY"),
                fields(bad));
        assertFalse(bad.isValid());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, bad::requireValid);
        assertTrue(e.getMessage().contains("halfLifeDays: must be between 1 and 3650 days"), e.getMessage());
        assertEquals(
                List.of(new ScoringSettings.Violation("settings", "must not be null")),
                ScoringSettings.violations(null));
        assertEquals(List.of(), ScoringSettings.violations(D));
        assertEquals("a: b", new ScoringSettings.Violation("a", "b").toString());
    }

    private static List<String> fields(ScoringSettings s) {
        return s.violations().stream().map(ScoringSettings.Violation::field).toList();
    }
}
