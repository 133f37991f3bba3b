package dev.threshold.nudge.feed;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code threshold.feeds.*}: how long an instance reuses a rendered calendar (calendar apps poll). */
@ConfigMapping(prefix = "threshold.feeds")
public interface FeedConfig {

    /** A feed's calendar is rendered at most once per this, per instance and time zone. */
    @WithDefault("PT5M")
    Duration cacheTtl();

    /** Rendered calendars kept per instance. */
    @WithDefault("1000")
    int cacheSize();
}
