package dev.threshold.platform.warmup;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/** {@code threshold.warm-up.*}: the instance's own warm-up before readiness ({@link WarmUp}); each default here only. */
@ConfigMapping(prefix = "threshold.warm-up")
public interface WarmUpConfig {

    /** Whether readiness waits for the warm-up (THRESHOLD_WARM_UP_ENABLED); off, ready as soon as the database is. */
    @WithDefault("true")
    boolean enabled();

    /** Synthetic requests sent at most (THRESHOLD_WARM_UP_REQUESTS). */
    @WithDefault("40000")
    int requests();

    /**
     * The bound (THRESHOLD_WARM_UP_MAX_TIME): from start-up, readiness turns UP after this long at the latest,
     * however far the warm-up got.
     */
    @WithDefault("PT30S")
    Duration maxTime();

    /** Rounds of each feature's in-process {@link WarmUpStep}, before the requests (THRESHOLD_WARM_UP_STEP_ROUNDS). */
    @WithDefault("20000")
    int stepRounds();

    /**
     * Contacts the warm-up makes for its own owner before its requests, with interactions, so that its reads find rows
     * (THRESHOLD_WARM_UP_CONTACTS); deleted with every row of that owner when it ends. 0: it reads missing ones only.
     */
    @WithDefault("16")
    int contacts();

    /** Requests in flight at once (THRESHOLD_WARM_UP_CONCURRENCY). */
    @WithDefault("4")
    int concurrency();

    /**
     * The GET paths requested, in turn; {@code {id}} becomes a fresh random UUID for every request, so that each
     * is a read of something that does not exist (THRESHOLD_WARM_UP_PATHS, comma-separated).
     */
    @WithDefault("/api/v1/contacts/{id}/score")
    List<String> paths();
}
