/**
 * Snooze and dismiss: the owner hides a contact from the recommendations and the calendar feed until an instant
 * ({@code PUT|DELETE /contacts/{id}/snooze}, the column {@code contacts.snoozed_until}), or dismisses one
 * recommendation (contact + reason) until the contact's situation changes ({@code recommendation_dismissals}).
 * The recommendations' query (network's CandidateQuery) applies both; see docs/nudges.md.
 *
 * <p>May use: every feature below nudge and {@code platform}.
 */
package dev.threshold.nudge.snooze;
