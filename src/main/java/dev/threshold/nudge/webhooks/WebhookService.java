package dev.threshold.nudge.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.threshold.nudge.events.NudgeEvent;
import dev.threshold.nudge.events.Outbox;
import dev.threshold.platform.api.ETags;
import dev.threshold.platform.api.MergePatch;
import dev.threshold.platform.api.Page;
import dev.threshold.platform.api.PageRequest;
import dev.threshold.platform.api.Text;
import dev.threshold.platform.persistence.Ids;
import dev.threshold.platform.persistence.Jdbc;
import dev.threshold.platform.problem.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The owner's webhook endpoints: create (with a new signing key, sealed at rest by {@link SecretBox}), read,
 * change, delete, a test ping, and the delivery log. Hand-written SQL through {@link Jdbc} (the table has
 * {@code text[]} and {@code bytea} columns and no ORM entity). Without a configured secret key every operation is
 * a 503 problem that says so.
 */
@ApplicationScoped
@Transactional
public class WebhookService {

    static final int MAX_URL = 2000;
    static final int MAX_DESCRIPTION = 500;
    static final int MAX_WEBHOOKS = 50;

    private static final Logger LOG = Logger.getLogger(WebhookService.class);

    private static final String COLUMNS =
            "id, url, events, description, enabled, disabled_reason, created_at," + " updated_at, version";
    private static final String DELIVERY_COLUMNS = "id, seq, event_id, event_type, contact_id, status, attempts,"
            + " response_code, last_error, last_attempt_at, next_attempt_at, created_at, delivered_at";

    private final Jdbc jdbc;
    private final ObjectMapper json;
    private final Outbox outbox;
    private final Optional<SecretBox> box;
    private final UrlGuard guard;

    public WebhookService(Jdbc jdbc, ObjectMapper json, Outbox outbox, WebhooksConfig config) {
        this.jdbc = jdbc;
        this.json = json;
        this.outbox = outbox;
        this.box = config.secretKey().filter(k -> !k.isBlank()).map(SecretBox::new);
        this.guard = new UrlGuard(config.allowPrivate());
        if (box.isEmpty()) {
            LOG.warn("Webhooks are disabled: set THRESHOLD_WEBHOOKS_SECRET_KEY (docs/operations.md)");
        }
    }

    /** The sealing box; 503 when webhooks are not configured. */
    SecretBox box() {
        return box.orElseThrow(() -> ApiProblem.unavailable(
                "Webhooks are not configured on this service (THRESHOLD_WEBHOOKS_SECRET_KEY)", 3600));
    }

    boolean configured() {
        return box.isPresent();
    }

    static String binding(String owner, UUID id) {
        return owner + "/" + id;
    }

    public WebhookCreated create(String owner, WebhookInput input) {
        SecretBox sealer = box();
        if (input == null) {
            throw ApiProblem.invalid("body", "is required");
        }
        Checked checked = check(input.url(), input.events(), input.description());
        long count = jdbc.first(
                        "SELECT count(*) AS n FROM webhooks WHERE owner_id = ?",
                        ps -> ps.setString(1, owner),
                        rs -> rs.getLong("n"))
                .orElse(0L);
        if (count >= MAX_WEBHOOKS) {
            throw ApiProblem.conflict("An owner has at most " + MAX_WEBHOOKS + " webhooks; delete one first");
        }
        UUID id = Ids.timeOrdered();
        byte[] key = Signatures.newKey();
        byte[] sealed = sealer.seal(key, binding(owner, id));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        boolean enabled = input.enabled() == null || input.enabled();
        jdbc.update(
                "INSERT INTO webhooks (owner_id, id, url, events, description, secret, enabled, created_at,"
                        + " updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                ps -> {
                    ps.setString(1, owner);
                    ps.setObject(2, id);
                    ps.setString(3, checked.url());
                    ps.setArray(
                            4,
                            ps.getConnection()
                                    .createArrayOf("text", checked.events().toArray()));
                    ps.setString(5, checked.description());
                    ps.setBytes(6, sealed);
                    ps.setBoolean(7, enabled);
                    ps.setObject(8, now.atOffset(ZoneOffset.UTC));
                    ps.setObject(9, now.atOffset(ZoneOffset.UTC));
                });
        WebhookView view =
                new WebhookView(id, checked.url(), checked.events(), checked.description(), enabled, null, now, now, 0);
        return WebhookCreated.of(view, Signatures.secret(key));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WebhookView> list(String owner) {
        box();
        return jdbc.list(
                "SELECT " + COLUMNS + " FROM webhooks WHERE owner_id = ? ORDER BY id",
                ps -> ps.setString(1, owner),
                WebhookService::view);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public WebhookView get(String owner, UUID id) {
        box();
        return find(owner, id, false);
    }

    private WebhookView find(String owner, UUID id, boolean lock) {
        return jdbc.first(
                        "SELECT " + COLUMNS + " FROM webhooks WHERE owner_id = ? AND id = ?"
                                + (lock ? " FOR UPDATE" : ""),
                        ps -> {
                            ps.setString(1, owner);
                            ps.setObject(2, id);
                        },
                        WebhookService::view)
                .orElseThrow(() -> ApiProblem.notFound("Webhook " + id));
    }

    public WebhookView patch(String owner, UUID id, JsonNode patch, String ifMatch) {
        box();
        WebhookView current = find(owner, id, true);
        ETags.check(ifMatch, current.version());
        WebhookInput merged = MergePatch.merge(
                json,
                new WebhookInput(current.url(), current.events(), current.description(), current.enabled()),
                patch,
                WebhookInput.class);
        Checked checked = check(merged.url(), merged.events(), merged.description());
        boolean enabled = merged.enabled() == null || merged.enabled();
        String reason = enabled ? null : current.enabled() ? "disabled by the owner" : current.disabledReason();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        jdbc.update(
                "UPDATE webhooks SET url = ?, events = ?, description = ?, enabled = ?, disabled_reason = ?,"
                        + " updated_at = ?, version = version + 1 WHERE owner_id = ? AND id = ?",
                ps -> {
                    ps.setString(1, checked.url());
                    ps.setArray(
                            2,
                            ps.getConnection()
                                    .createArrayOf("text", checked.events().toArray()));
                    ps.setString(3, checked.description());
                    ps.setBoolean(4, enabled);
                    ps.setString(5, reason);
                    ps.setObject(6, now.atOffset(ZoneOffset.UTC));
                    ps.setString(7, owner);
                    ps.setObject(8, id);
                });
        return new WebhookView(
                id,
                checked.url(),
                checked.events(),
                checked.description(),
                enabled,
                reason,
                current.createdAt(),
                now,
                current.version() + 1);
    }

    public void delete(String owner, UUID id, String ifMatch) {
        box();
        WebhookView current = find(owner, id, true);
        ETags.check(ifMatch, current.version());
        jdbc.update("DELETE FROM webhooks WHERE owner_id = ? AND id = ?", ps -> {
            ps.setString(1, owner);
            ps.setObject(2, id);
        });
    }

    /** Queues a {@code webhook.ping} to this endpoint only (enabled or not, it is the owner's check); its delivery. */
    public DeliveryView ping(String owner, UUID id) {
        box();
        WebhookView hook = find(owner, id, false);
        if (!hook.enabled()) {
            throw ApiProblem.conflict("The webhook is disabled; enable it (PATCH enabled: true) to test it");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("webhookId", id);
        data.put("message", "A test event from Threshold");
        UUID event = outbox.raise(owner, List.of(new NudgeEvent(NudgeEvent.PING, null, data)), Instant.now(), id)
                .get(0);
        return jdbc.first(
                        "SELECT " + DELIVERY_COLUMNS
                                + " FROM webhook_deliveries WHERE owner_id = ? AND event_id = ? AND webhook_id = ?",
                        ps -> {
                            ps.setString(1, owner);
                            ps.setObject(2, event);
                            ps.setObject(3, id);
                        },
                        WebhookService::delivery)
                .orElseThrow(() -> new IllegalStateException("ping not queued"));
    }

    /** The endpoint's deliveries, newest first, keyset-paged. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<DeliveryView> deliveries(String owner, UUID id, PageRequest page) {
        box();
        find(owner, id, false);
        long after = Long.MAX_VALUE;
        if (page.hasCursor()) {
            try {
                after = Long.parseLong(page.after(0));
            } catch (NumberFormatException | IndexOutOfBoundsException e) {
                throw ApiProblem.invalid("cursor", "is not a cursor returned by this list");
            }
        }
        long before = after;
        List<Seq> rows = jdbc.list(
                "SELECT " + DELIVERY_COLUMNS + " FROM webhook_deliveries"
                        + " WHERE owner_id = ? AND webhook_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?",
                ps -> {
                    ps.setString(1, owner);
                    ps.setObject(2, id);
                    ps.setLong(3, before);
                    ps.setInt(4, page.limit() + 1);
                },
                rs -> new Seq(rs.getLong("seq"), delivery(rs)));
        return page.page(rows, Seq::view, r -> List.of(Long.toString(r.seq())));
    }

    private record Seq(long seq, DeliveryView view) {}

    private record Checked(String url, List<String> events, String description) {}

    private Checked check(String url, List<String> events, String description) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        String cleanUrl = url == null ? null : url.strip();
        if (cleanUrl == null || cleanUrl.isEmpty()) {
            errors.add(new ApiProblem.FieldError("url", "must not be blank"));
        } else if (cleanUrl.length() > MAX_URL) {
            errors.add(new ApiProblem.FieldError("url", "must be at most " + MAX_URL + " characters"));
        } else {
            try {
                guard.check(cleanUrl);
            } catch (UrlGuard.Refused e) {
                errors.add(new ApiProblem.FieldError("url", e.getMessage()));
            }
        }
        LinkedHashSet<String> types = new LinkedHashSet<>();
        if (events == null || events.isEmpty()) {
            errors.add(new ApiProblem.FieldError("events", "must name at least one event type"));
        } else {
            for (int i = 0; i < events.size(); i++) {
                String type = events.get(i);
                if (type == null || !NudgeEvent.TYPES.contains(type)) {
                    errors.add(new ApiProblem.FieldError(
                            "events[" + i + "]", "must be one of " + String.join(", ", NudgeEvent.TYPES)));
                } else {
                    types.add(type);
                }
            }
        }
        String cleanDescription = null;
        if (description != null) {
            if (description.length() > MAX_DESCRIPTION) {
                errors.add(
                        new ApiProblem.FieldError("description", "must be at most " + MAX_DESCRIPTION + " characters"));
            } else {
                cleanDescription = Text.clean("description", description);
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        return new Checked(cleanUrl, List.copyOf(types), cleanDescription);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static WebhookView view(ResultSet rs) throws SQLException {
        Array events = rs.getArray("events");
        List<String> types = events == null
                ? List.of()
                : Arrays.stream((Object[]) events.getArray())
                        .map(String::valueOf)
                        .toList();
        return new WebhookView(
                rs.getObject("id", UUID.class),
                rs.getString("url"),
                types,
                rs.getString("description"),
                rs.getBoolean("enabled"),
                rs.getString("disabled_reason"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                rs.getLong("version"));
    }

    static DeliveryView delivery(ResultSet rs) throws SQLException {
        int code = rs.getInt("response_code");
        Integer responseCode = rs.wasNull() ? null : code;
        return new DeliveryView(
                rs.getObject("id", UUID.class),
                rs.getObject("event_id", UUID.class),
                rs.getString("event_type"),
                rs.getObject("contact_id", UUID.class),
                rs.getString("status"),
                rs.getInt("attempts"),
                responseCode,
                rs.getString("last_error"),
                instant(rs, "last_attempt_at"),
                instant(rs, "next_attempt_at"),
                instant(rs, "created_at"),
                instant(rs, "delivered_at"));
    }
}
