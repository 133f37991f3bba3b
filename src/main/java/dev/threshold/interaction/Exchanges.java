package dev.threshold.interaction;

import dev.threshold.score.math.Direction;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Exchanges, not messages (SPEC.md): captured messages (mail, chats, LinkedIn's messages.csv) are grouped per
 * participant; messages less than {@link #GAP} apart (each from the one before it) form one exchange, which becomes one
 * MESSAGE interaction: MUTUAL when both sides wrote in it, else the one direction, at the exchange's first message,
 * with that message's note. A burst of 200 chat lines is one conversation, not 1,000 points. Pure code.
 */
public final class Exchanges {

    /** Messages this close (strictly less) to the previous one of the same participant join its exchange. */
    public static final Duration GAP = Duration.ofMinutes(30);

    /**
     * One message with one participant.
     *
     * @param participant who the owner exchanged it with (any stable key: a contact id, an e-mail)
     * @param direction INBOUND (they wrote), OUTBOUND (the owner wrote), or MUTUAL (both, e.g. an exchange already)
     * @param item what the caller needs back (its note, source id, line)
     */
    public record Message<T>(String participant, Instant at, Direction direction, T item) {
        public Message {
            Objects.requireNonNull(participant, "participant");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(direction, "direction");
        }
    }

    /**
     * One exchange: its participant, the instant of its first message, its direction, and its messages' items in time
     * order (the first one gives the note).
     */
    public record Exchange<T>(String participant, Instant at, Direction direction, List<T> items) {}

    private Exchanges() {}

    /**
     * The exchanges of {@code messages}, in any order: per participant by time (equal instants keep their input
     * order), each participant's exchanges in time order, participants in order of their first message.
     */
    public static <T> List<Exchange<T>> group(List<Message<T>> messages) {
        Map<String, List<Message<T>>> byParticipant = new LinkedHashMap<>();
        List<Message<T>> sorted = new ArrayList<>(messages);
        sorted.sort(Comparator.comparing(Message::at)); // stable
        for (Message<T> m : sorted) {
            byParticipant
                    .computeIfAbsent(m.participant(), p -> new ArrayList<>())
                    .add(m);
        }
        List<Exchange<T>> out = new ArrayList<>();
        for (List<Message<T>> one : byParticipant.values()) {
            out.addAll(groupSorted(one));
        }
        return out;
    }

    /** The exchanges of one participant's messages, given in time order (not checked again: the caller sorted them). */
    public static <T> List<Exchange<T>> groupSorted(List<Message<T>> messages) {
        // the stream's rule; an exchange's messages are the next ones of the list, as many as it tells
        List<Exchange<T>> out = new ArrayList<>();
        int[] next = {0};
        Stream<T> stream = new Stream<>(span -> {
            List<T> items = new ArrayList<>();
            for (Message<T> m : messages.subList(next[0], next[0] + (int) span.messages())) {
                items.add(m.item());
            }
            next[0] += items.size();
            out.add(new Exchange<>(
                    span.participant(), span.at(), span.direction(), Collections.unmodifiableList(items)));
        });
        messages.forEach(stream::add);
        stream.end();
        return out;
    }

    /**
     * One exchange as a {@link Stream} tells it: its participant, the instant and item of its first message, the item
     * of its last, how many messages it has, and its direction.
     */
    public record Span<T>(String participant, Instant at, Direction direction, T first, T last, long messages) {}

    /**
     * Groups messages as they come, sorted by participant and time, and holds none of them: what a capture of any size
     * uses, where one exchange may have a million messages. Tells each exchange once it is complete, that is when a
     * message that does not join it comes, or at {@link #end()}. The same rule as {@link #groupSorted}.
     */
    public static final class Stream<T> {
        private final Consumer<Span<T>> out;
        private String participant;
        private Instant first;
        private Instant last;
        private Direction direction;
        private T firstItem;
        private T lastItem;
        private long messages;

        public Stream(Consumer<Span<T>> out) {
            this.out = Objects.requireNonNull(out, "out");
        }

        /** The next message: of the current participant and not before the last one, or of the next participant. */
        public void add(Message<T> m) {
            if (messages > 0 && joins(participant, last, m)) {
                last = m.at();
                direction = combine(direction, m.direction());
                lastItem = m.item();
                messages++;
                return;
            }
            end();
            participant = m.participant();
            first = m.at();
            last = m.at();
            direction = m.direction();
            firstItem = m.item();
            lastItem = m.item();
            messages = 1;
        }

        /** Tells the exchange in progress, if any: after the last message. */
        public void end() {
            if (messages > 0) {
                out.accept(new Span<>(participant, first, direction, firstItem, lastItem, messages));
                messages = 0;
                firstItem = null;
                lastItem = null;
            }
        }
    }

    /** Whether {@code m} joins the exchange with {@code participant} whose last message was at {@code last}. */
    static boolean joins(String participant, Instant last, Message<?> m) {
        return participant.equals(m.participant())
                && Duration.between(last, m.at()).compareTo(GAP) < 0;
    }

    /** The direction of an exchange in which messages of directions {@code a} and {@code b} were written. */
    static Direction combine(Direction a, Direction b) {
        return a == b ? a : Direction.MUTUAL;
    }
}
