package dev.threshold.action;

import java.util.UUID;

/** An action a contact's strength clears: {@code id}, {@code name}, {@code threshold}. */
public record ActionRef(UUID id, String name, double threshold) {}
