package dev.threshold.nudge.events;

import java.util.Map;
import java.util.UUID;

/**
 * One event to raise: its type ({@code contact.tier_changed}, …), the contact it is about (null for events about
 * no contact, such as {@code import.finished}; deliveries of one contact's events keep their order) and its
 * {@code data} (serialised as the body's {@code data} member).
 */
public record NudgeEvent(String type, UUID contactId, Map<String, Object> data) {

    public static final String TIER_CHANGED = "contact.tier_changed";
    public static final String ACTION_CROSSED = "contact.action_crossed";
    public static final String TIER_DROP_SOON = "contact.tier_drop_soon";
    public static final String IMPORT_FINISHED = "import.finished";
    /** Sent by {@code POST /webhooks/{id}/test} only, whatever the endpoint subscribed to. */
    public static final String PING = "webhook.ping";

    /** The types an endpoint may subscribe to. */
    public static final java.util.List<String> TYPES =
            java.util.List.of(TIER_CHANGED, ACTION_CROSSED, TIER_DROP_SOON, IMPORT_FINISHED);
}
