package dev.threshold.nudge.webhooks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** {@code threshold.webhooks.*}: signed webhooks and their delivery (docs/nudges.md, docs/operations.md). */
@ConfigMapping(prefix = "threshold.webhooks")
public interface WebhooksConfig {

    /**
     * The key that encrypts the endpoints' signing secrets at rest (THRESHOLD_WEBHOOKS_SECRET_KEY): at least 32
     * characters of randomness, e.g. {@code openssl rand -base64 32}. Without it (production) the webhook endpoints
     * answer 503 and nothing is delivered; events are still written to the outbox.
     */
    Optional<String> secretKey();

    /**
     * Accept {@code http} URLs and loopback, private, link-local and unique-local addresses
     * (THRESHOLD_WEBHOOKS_ALLOW_PRIVATE): for on-premises receivers and tests.
     */
    @WithDefault("false")
    boolean allowPrivate();

    /**
     * Each step of a delivery has this long: looking the receiver's address up, connecting, and then its whole
     * answer (the connection is closed then); a round of deliveries waits at most three times this and a second.
     */
    @WithDefault("PT10S")
    Duration timeout();

    /** Failed deliveries are retried, with growing delays and jitter, for this long after the event. */
    @WithDefault("PT24H")
    Duration retryFor();

    /** The first retry delay; each next one is three times longer (at most 4 h), ±20 % jitter. */
    @WithDefault("PT5S")
    Duration firstRetry();

    /** How often each instance looks for due deliveries besides the wake-up after a commit. */
    @WithDefault("PT2S")
    Duration pollInterval();

    /** Deliveries claimed per round; also the number of requests in flight per instance. */
    @WithDefault("64")
    int batch();

    /** Deliver after a commit at once (the worker's wake-up) instead of at the next poll. */
    @WithDefault("true")
    boolean wakeOnCommit();
}
