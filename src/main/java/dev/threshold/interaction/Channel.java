package dev.threshold.interaction;

/**
 * Where an interaction happened. Stored by name in {@code interactions.channel} (varchar(16), no check constraint:
 * a new channel needs no migration while its name fits).
 */
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
    WHATSAPP,
    TELEGRAM,
    OTHER
}
