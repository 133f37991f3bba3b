package dev.threshold.nudge.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code threshold.nudges.*}: the events (docs/nudges.md). */
@ConfigMapping(prefix = "threshold.nudges")
public interface NudgeConfig {

    /**
     * How long before a tier drop {@code contact.tier_drop_soon} is raised (THRESHOLD_NUDGES_DROP_SOON_WINDOW,
     * default P14D, for every owner).
     */
    @WithDefault("P14D")
    Duration dropSoonWindow();

    /** How often each instance runs the decay sweep (THRESHOLD_NUDGES_SWEEP_INTERVAL). */
    @WithDefault("PT20S")
    Duration sweepInterval();

    /** Contacts the sweep handles per transaction. */
    @WithDefault("500")
    int sweepBatch();

    /** How long events are kept in the outbox table (THRESHOLD_NUDGES_RETENTION); deliveries give up after 24 h. */
    @WithDefault("P30D")
    Duration retention();
}
