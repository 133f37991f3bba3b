package dev.threshold.platform.warmup;

/**
 * A feature's own warm-up, run in-process by {@link WarmUp} before its HTTP requests: the code of a hot path that the
 * warm-up's requests cannot reach, because they only read what does not exist (a found row parsed, scored and written
 * as JSON). Works on values it makes up; touches no database and no owner's data. Called from one thread, once.
 */
public interface WarmUpStep {

    /** Runs the hot path {@code rounds} times on made-up values. */
    void exercise(int rounds);
}
