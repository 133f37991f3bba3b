/**
 * The calendar feed: secret, revocable {@code .ics} URLs ({@code POST|GET /feeds}, {@code DELETE /feeds/{id}}) that
 * calendar apps subscribe to without a token, serving the owner's next moves (the recommendations, snoozed
 * contacts and dismissed ones left out) as all-day RFC 5545 events. See docs/nudges.md.
 *
 * <p>May use: every feature below nudge and {@code platform}.
 */
package dev.threshold.nudge.feed;
