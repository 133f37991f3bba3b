package dev.threshold.network;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.config.SmallRyeConfig;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The compaction's interval: PT1M by default, from {@link ScoreHistogramConfig} alone (no line in
 * application.properties), which the scheduler's {@code {threshold.score-histogram.compact-interval}} must
 * also see; an hour in tests, so that the timer never folds while a test does.
 */
@QuarkusTest
class ScoreHistogramConfigTest {

    @Inject
    ScoreHistogramConfig config;

    @Inject
    SmallRyeConfig raw;

    @Test
    void anHourInTestsAndAMinuteByDefaultForTheSchedulerToo() {
        Assertions.assertEquals(Duration.ofHours(1), config.compactInterval());
        List<String> values = new ArrayList<>();
        for (ConfigSource source : raw.getConfigSources()) {
            String value = source.getValue("threshold.score-histogram.compact-interval");
            if (value != null) {
                values.add(value);
            }
        }
        Assertions.assertEquals(
                List.of("PT1M"), values, "the mapping's default is the property's only value outside %test");
    }
}
