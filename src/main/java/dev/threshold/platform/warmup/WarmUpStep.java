package dev.threshold.platform.warmup;

/**
 * An in-process warm-up, run by {@link WarmUp} before its HTTP requests: the code of a hot path that the warm-up's
 * requests cannot reach (they authenticate with a token the instance issued itself, so a client's RS256 check is one:
 * {@link TokenWarmUp}). Works on values it makes up; touches no database and no owner's data. Called from one thread,
 * once.
 */
public interface WarmUpStep {

    /** Runs the hot path {@code rounds} times on made-up values. */
    void exercise(int rounds);
}
