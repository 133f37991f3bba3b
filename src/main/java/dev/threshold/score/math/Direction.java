package dev.threshold.score.math;

/**
 * Who acted: INBOUND (the contact towards the user) points go to {@code in}, OUTBOUND (the user towards
 * the contact) to {@code out}, MUTUAL (a meeting, a call both joined) half to each.
 */
public enum Direction {
    INBOUND,
    OUTBOUND,
    MUTUAL
}
