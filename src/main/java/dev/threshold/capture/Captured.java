package dev.threshold.capture;

import dev.threshold.interaction.Channel;
import dev.threshold.score.math.Direction;
import dev.threshold.score.math.InteractionType;

import java.time.Instant;

/**
 * One thing an export says happened with one other party, before matching: a calendar instance with one attendee,
 * one message to or from one participant. A source (one class per export kind) turns a file into a stream of these;
 * messages then go through the exchange grouping (SPEC.md, "Exchanges, not messages") and the rest of capture
 * (matching, the unmatched report, idempotent recording by {@code sourceKind} + {@code sourceId}) is written once.
 *
 * @param sourceKind the export kind, e.g. {@code calendar}, {@code mail}, {@code linkedin}, {@code whatsapp},
 *     {@code telegram}
 * @param sourceId the source's own stable id of this item for this party (event UID and instance, Message-ID, chat
 *     and line), so that re-importing the same file changes nothing; null only for a message that always shares its
 *     exchange with one that has an id, and so needs none of its own (the owner's line in a group chat, as each
 *     participant who wrote near it sees it: remembering it once per participant would multiply a group's sources)
 * @param conversation what groups messages into exchanges besides the party (a thread, a chat); null for events
 */
public record Captured(
        String sourceKind,
        String sourceId,
        String conversation,
        Party party,
        InteractionType type,
        Direction direction,
        Channel channel,
        Instant at,
        String note) {}
