package dev.threshold.nudge.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.threshold.platform.persistence.Ids;
import dev.threshold.platform.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
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
        int n = events.size();
        UUID[] ids = new UUID[n];
        String[] types = new String[n];
        UUID[] contacts = new UUID[n];
        String[] bodies = new String[n];
        for (int i = 0; i < n; i++) {
            NudgeEvent e = events.get(i);
            ids[i] = Ids.timeOrdered();
            types[i] = e.type();
            contacts[i] = e.contactId();
            bodies[i] = body(e, at);
        }
        // due at once by the wall clock, also for events of a sweep run at a later instant (tests move the clock)
        Instant wall = Instant.now();
        Instant due = at.isBefore(wall) ? at : wall;
        int deliveries = jdbc.update(INSERT, ps -> {
            Connection c = ps.getConnection();
            ps.setArray(1, c.createArrayOf("uuid", ids));
            ps.setArray(2, c.createArrayOf("varchar", types));
            ps.setArray(3, c.createArrayOf("uuid", contacts));
            ps.setArray(4, c.createArrayOf("text", bodies));
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
        return List.of(ids);
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
