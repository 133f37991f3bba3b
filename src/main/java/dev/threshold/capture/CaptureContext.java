package dev.threshold.capture;

import java.time.Instant;
import java.time.ZoneId;

/**
 * What a {@link CaptureSource} knows about the call: who the owner is, the zone of floating times (the profile's
 * {@code timeZone}, or the call's {@code tz}), the caps, and the one "now" of the whole run (items after it are
 * skipped as {@code future}).
 */
public record CaptureContext(Me me, ZoneId zone, int maxAttendees, int maxRecipients, Instant now) {}
