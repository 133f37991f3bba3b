package dev.threshold.network;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code threshold.score-histogram.*}: the score histogram of GET /network/summary (docs/scoring.md). */
@ConfigMapping(prefix = "threshold.score-histogram")
public interface ScoreHistogramConfig {

    /** How often the per-session stripes are folded into stripe 0 (THRESHOLD_SCORE_HISTOGRAM_COMPACT_INTERVAL). */
    @WithDefault("PT1M")
    Duration compactInterval();
}
