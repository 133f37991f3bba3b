package dev.threshold.nudge.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.threshold.platform.persistence.Columns;
import dev.threshold.platform.persistence.Ids;
import dev.threshold.platform.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The transactional outbox: writes events, and one pending delivery per event and enabled webhook of the owner
 * subscribed to its type, in the caller's transaction (one statement), so that an event exists if and only if the
 * change that caused it committed. Workers of any instance deliver them later ({@code nudge.webhooks}).
 *
 * <p>{@link #raise(String, String, Map)} is the entry point for features that announce an event of their own
 * (e.g. {@code import.finished}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Outbox {

    private static final String INSERT = "WITH src AS ("
            + "   SELECT * FROM unnest(CAST(? AS uuid[]), CAST(? AS varchar[]), CAST(? AS uuid[]), CAST(? AS text[]))"
            + "   WITH ORDINALITY AS e(id, type, contact_id, body, n)),"
            + " ev AS (INSERT INTO nudge_events (owner_id, id, type, contact_id, body, created_at)"
            + "   SELECT ?, id, type, contact_id, body, ? FROM src)"
            + " INSERT INTO webhook_deliveries (owner_id, id, webhook_id, event_id, event_type, contact_id, status,"
            + "   next_attempt_at, created_at)"
            + " SELECT ?, gen_random_uuid(), w.id, src.id, src.type, src.contact_id, 'PENDING', ?, ?"
            + " FROM src JOIN webhooks w ON w.owner_id = ? AND w.enabled"
            + "   AND (src.type = ANY (w.events) OR (src.type = '" + NudgeEvent.PING + "' AND w.id = ?))"
            + " ORDER BY src.n, w.id";

    /** An event as {@link #INSERT} writes it: its new id and its signed body. */
    private record Raised(UUID id, NudgeEvent event, String body) {}

    /** The columns of {@link #INSERT}'s {@code unnest}, in its order. */
    private static final Columns<Raised> RAISED = Columns.<Raised>of()
            .add("uuid", Raised::id)
            .add("varchar", r -> r.event().type())
            .add("uuid", r -> r.event().contactId())
            .add("text", Raised::body);

    private final Jdbc jdbc;
    private final ObjectMapper json;
    private final Event<EventsRaised> raised;

    public Outbox(Jdbc jdbc, ObjectMapper json, Event<EventsRaised> raised) {
        this.jdbc = jdbc;
        this.json = json;
        this.raised = raised;
    }

    /** Raises one event about no particular contact, e.g. {@code import.finished}; its id. */
    public UUID raise(String owner, String type, Map<String, Object> data) {
        return raise(owner, List.of(new NudgeEvent(type, null, data)), Instant.now(), null)
                .get(0);
    }

    /** Raises {@code events} (in this order) at {@code now}; their ids. */
    public List<UUID> raise(String owner, List<NudgeEvent> events, Instant now) {
        return raise(owner, events, now, null);
    }

    /**
     * Raises {@code events}; a {@link NudgeEvent#PING} goes to {@code pingWebhook} only. Returns the event ids.
     */
    public List<UUID> raise(String owner, List<NudgeEvent> events, Instant now, UUID pingWebhook) {
        if (events.isEmpty()) {
            return List.of();
        }
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        List<Raised> rows = new ArrayList<>(events.size());
        for (NudgeEvent e : events) {
            rows.add(new Raised(Ids.timeOrdered(), e, body(e, at)));
        }
        // due at once by the wall clock, also for events of a sweep run at a later instant (tests move the clock)
        Instant wall = Instant.now();
        Instant due = at.isBefore(wall) ? at : wall;
        int deliveries = jdbc.update(INSERT, ps -> {
            RAISED.bind(ps, 1, rows);
            ps.setString(5, owner);
            ps.setObject(6, at.atOffset(ZoneOffset.UTC));
            ps.setString(7, owner);
            ps.setObject(8, due.atOffset(ZoneOffset.UTC));
            ps.setObject(9, at.atOffset(ZoneOffset.UTC));
            ps.setString(10, owner);
            ps.setObject(11, pingWebhook);
        });
        if (deliveries > 0) {
            raised.fire(new EventsRaised(deliveries));
        }
        return rows.stream().map(Raised::id).toList();
    }

    /** The body that is signed and sent: {@code {type, timestamp, data}} (Standard Webhooks). */
    private String body(NudgeEvent event, Instant at) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", event.type());
        body.put("timestamp", at.toString());
        body.put("data", event.data());
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event body", e);
        }
    }
}
