package dev.threshold.interaction;

import dev.threshold.score.math.Direction;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static dev.threshold.score.math.Direction.INBOUND;
import static dev.threshold.score.math.Direction.MUTUAL;
import static dev.threshold.score.math.Direction.OUTBOUND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExchangesTest {

    static final Instant T0 = Instant.parse("2024-03-12T10:00:00Z");

    static Exchanges.Message<String> msg(String who, long minutes, Direction d, String note) {
        return new Exchanges.Message<>(who, T0.plus(Duration.ofMinutes(minutes)), d, note);
    }

    @Test
    void nothingIsNoExchange() {
        assertEquals(List.of(), Exchanges.group(List.of()));
        assertEquals(List.of(), Exchanges.groupSorted(List.<Exchanges.Message<String>>of()));
    }

    @Test
    void oneMessageIsOneExchangeInItsDirection() {
        for (Direction d : Direction.values()) {
            var out = Exchanges.group(List.of(msg("ada", 0, d, "hi")));
            assertEquals(List.of(new Exchanges.Exchange<>("ada", T0, d, List.of("hi"))), out);
        }
    }

    @Test
    void lessThanThirtyMinutesApartIsOneExchangeThirtyIsTwo() {
        var just = Exchanges.group(List.of(
                msg("ada", 0, INBOUND, "a"),
                new Exchanges.Message<>("ada", T0.plus(Duration.ofMinutes(30)).minusNanos(1000), INBOUND, "b")));
        assertEquals(1, just.size());
        var apart = Exchanges.group(List.of(msg("ada", 0, INBOUND, "a"), msg("ada", 30, INBOUND, "b")));
        assertEquals(2, apart.size());
        assertEquals(T0.plus(Duration.ofMinutes(30)), apart.get(1).at());
    }

    @Test
    void theGapIsFromThePreviousMessageSoAChainCanLastHours() {
        List<Exchanges.Message<String>> chain = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            chain.add(msg("ada", i * 29L, i % 2 == 0 ? INBOUND : OUTBOUND, "line " + i));
        }
        var out = Exchanges.group(chain);
        assertEquals(1, out.size(), "a burst of 200 chat lines is one conversation");
        assertEquals(MUTUAL, out.get(0).direction());
        assertEquals(T0, out.get(0).at());
        assertEquals("line 0", out.get(0).items().get(0));
        assertEquals(200, out.get(0).items().size());
    }

    @Test
    void directionIsMutualOnlyWhenBothSidesWrote() {
        assertEquals(
                INBOUND,
                Exchanges.group(List.of(msg("a", 0, INBOUND, "1"), msg("a", 5, INBOUND, "2")))
                        .get(0)
                        .direction());
        assertEquals(
                OUTBOUND,
                Exchanges.group(List.of(msg("a", 0, OUTBOUND, "1"), msg("a", 5, OUTBOUND, "2")))
                        .get(0)
                        .direction());
        assertEquals(
                MUTUAL,
                Exchanges.group(List.of(msg("a", 0, OUTBOUND, "1"), msg("a", 5, INBOUND, "2")))
                        .get(0)
                        .direction());
        assertEquals(
                MUTUAL,
                Exchanges.group(List.of(msg("a", 0, MUTUAL, "1"), msg("a", 5, INBOUND, "2")))
                        .get(0)
                        .direction());
        for (Direction a : Direction.values()) {
            for (Direction b : Direction.values()) {
                assertEquals(a == b ? a : MUTUAL, Exchanges.combine(a, b), a + " + " + b);
            }
        }
    }

    @Test
    void participantsAreGroupedApartEvenWhenInterleaved() {
        var out = Exchanges.group(List.of(
                msg("ada", 0, INBOUND, "ada 1"),
                msg("bob", 1, OUTBOUND, "bob 1"),
                msg("ada", 2, OUTBOUND, "ada 2"),
                msg("bob", 3, OUTBOUND, "bob 2")));
        assertEquals(2, out.size());
        assertEquals(new Exchanges.Exchange<>("ada", T0, MUTUAL, List.of("ada 1", "ada 2")), out.get(0));
        assertEquals(
                new Exchanges.Exchange<>("bob", T0.plus(Duration.ofMinutes(1)), OUTBOUND, List.of("bob 1", "bob 2")),
                out.get(1));
    }

    @Test
    void inputOrderDoesNotMatterTheFirstMessageGivesInstantAndNote() {
        List<Exchanges.Message<String>> ms = new ArrayList<>(List.of(
                msg("ada", 10, OUTBOUND, "second"), msg("ada", 0, INBOUND, "first"), msg("ada", 20, INBOUND, "third")));
        var expected = List.of(new Exchanges.Exchange<>("ada", T0, MUTUAL, List.of("first", "second", "third")));
        for (int i = 0; i < 6; i++) {
            Collections.rotate(ms, 1);
            if (i == 3) {
                Collections.reverse(ms);
            }
            assertEquals(expected, Exchanges.group(ms));
        }
    }

    @Test
    void equalInstantsKeepTheirInputOrder() {
        var out = Exchanges.group(List.of(msg("ada", 0, INBOUND, "x"), msg("ada", 0, OUTBOUND, "y")));
        assertEquals(List.of("x", "y"), out.get(0).items());
        assertEquals(MUTUAL, out.get(0).direction());
    }

    @Test
    void nullItemsAreCarriedButParticipantInstantAndDirectionAreRequired() {
        var out = Exchanges.group(List.of(msg("ada", 0, INBOUND, null)));
        assertEquals(Collections.singletonList(null), out.get(0).items());
        assertThrows(NullPointerException.class, () -> new Exchanges.Message<>(null, T0, INBOUND, "x"));
        assertThrows(NullPointerException.class, () -> new Exchanges.Message<>("a", null, INBOUND, "x"));
        assertThrows(NullPointerException.class, () -> new Exchanges.Message<>("a", T0, null, "x"));
    }

    /** Against a naive definition, on random histories: same exchanges, every message in exactly one. */
    @Test
    void matchesANaiveDefinitionOnRandomHistories() {
        Random random = new Random(13);
        for (int round = 0; round < 500; round++) {
            List<Exchanges.Message<Integer>> ms = randomHistory(random, 40, 6, 2);
            int n = ms.size();
            var out = Exchanges.group(ms);
            assertEquals(n, out.stream().mapToInt(e -> e.items().size()).sum());
            for (var e : out) {
                List<Exchanges.Message<Integer>> mine = ms.stream()
                        .filter(m -> e.items().contains(m.item()))
                        .sorted((a, b) -> a.at().compareTo(b.at()))
                        .toList();
                assertTrue(mine.stream().allMatch(m -> m.participant().equals(e.participant())));
                assertEquals(mine.get(0).at(), e.at());
                for (int i = 1; i < mine.size(); i++) {
                    assertTrue(
                            Duration.between(mine.get(i - 1).at(), mine.get(i).at())
                                            .compareTo(Exchanges.GAP)
                                    < 0);
                }
                boolean in = mine.stream().anyMatch(m -> m.direction() == INBOUND);
                boolean outb = mine.stream().anyMatch(m -> m.direction() == OUTBOUND);
                assertEquals(in && outb ? MUTUAL : in ? INBOUND : OUTBOUND, e.direction());
                // maximal: no message of the same participant outside the exchange is within the gap of its ends
                Instant first = mine.get(0).at();
                Instant last = mine.get(mine.size() - 1).at();
                for (var m : ms) {
                    if (m.participant().equals(e.participant()) && !e.items().contains(m.item())) {
                        boolean before = m.at().isBefore(first)
                                && Duration.between(m.at(), first).compareTo(Exchanges.GAP) < 0;
                        boolean after = !m.at().isBefore(last)
                                && Duration.between(last, m.at()).compareTo(Exchanges.GAP) < 0;
                        assertTrue(!before && !after, "exchange not maximal in round " + round);
                    }
                }
            }
        }
    }

    /**
     * The stream a capture groups with (holding no message) tells the same exchanges as the list form, on random
     * histories sorted by participant and time: participant, instant, direction, first and last item, size.
     */
    @Test
    void theStreamTellsTheSameExchangesAsTheList() {
        Random random = new Random(29);
        for (int round = 0; round < 500; round++) {
            List<Exchanges.Message<Integer>> ms = randomHistory(random, 60, 8, 3);
            ms.sort(java.util.Comparator.comparing((Exchanges.Message<Integer> m) -> m.participant())
                    .thenComparing(Exchanges.Message::at));
            List<Exchanges.Exchange<Integer>> expected = new ArrayList<>();
            String who = null;
            List<Exchanges.Message<Integer>> one = new ArrayList<>();
            for (var m : ms) {
                if (who != null && !who.equals(m.participant())) {
                    expected.addAll(Exchanges.groupSorted(one));
                    one.clear();
                }
                who = m.participant();
                one.add(m);
            }
            expected.addAll(Exchanges.groupSorted(one));

            List<Exchanges.Span<Integer>> told = new ArrayList<>();
            Exchanges.Stream<Integer> stream = new Exchanges.Stream<>(told::add);
            ms.forEach(stream::add);
            stream.end();
            stream.end(); // a second end tells nothing more

            assertEquals(expected.size(), told.size(), "round " + round);
            for (int i = 0; i < told.size(); i++) {
                var e = expected.get(i);
                var s = told.get(i);
                assertEquals(e.participant(), s.participant());
                assertEquals(e.at(), s.at());
                assertEquals(e.direction(), s.direction());
                assertEquals(e.items().get(0), s.first());
                assertEquals(e.items().get(e.items().size() - 1), s.last());
                assertEquals(e.items().size(), s.messages());
            }
        }
    }

    /**
     * Fewer than {@code most} messages of three participants, each item its index, at random seconds within
     * {@code hours} of T0, with one of the first {@code directions} directions.
     */
    private static List<Exchanges.Message<Integer>> randomHistory(Random random, int most, int hours, int directions) {
        List<Exchanges.Message<Integer>> ms = new ArrayList<>();
        int n = random.nextInt(most);
        for (int i = 0; i < n; i++) {
            ms.add(new Exchanges.Message<>(
                    "p" + random.nextInt(3),
                    T0.plusSeconds(random.nextInt(hours * 3600)),
                    Direction.values()[random.nextInt(directions)],
                    i));
        }
        return ms;
    }
}
