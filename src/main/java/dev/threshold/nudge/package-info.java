/**
 * Nudges that leave the service: events raised on tier and threshold changes (a transactional outbox), signed
 * webhooks and their deliveries, the calendar feed, snooze and dismiss. Lower features announce changes as CDI
 * events of their own types, observed here inside the same transaction, so that nothing below depends on this
 * package.
 *
 * <p>May use: every feature below it and {@code platform}; nothing depends on it.
 */
package dev.threshold.nudge;
