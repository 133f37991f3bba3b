package dev.threshold.interaction;

/** Where an interaction happened. */
public enum Channel {
    LINKEDIN,
    FACEBOOK,
    X,
    INSTAGRAM,
    EMAIL,
    PHONE,
    SMS,
    VIDEO,
    IN_PERSON,
    OTHER
}
