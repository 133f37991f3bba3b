package dev.threshold.score;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumMap;
import java.util.Map;

/**
 * {@code threshold_score_reads_total{kind}} at {@code /q/metrics}: one contact's score, its history, the ranking
 * and an action's contacts. Resources count after the service returned. Each series is there from start-up at 0, so
 * that rates are defined before the first read.
 */
@Startup
@ApplicationScoped
public class ScoreMetrics {

    public enum Read {
        SCORE,
        HISTORY,
        RANKING,
        ACTION
    }

    private final Map<Read, Counter> reads = new EnumMap<>(Read.class);

    public ScoreMetrics(MeterRegistry registry) {
        for (Read kind : Read.values()) {
            reads.put(
                    kind,
                    Counter.builder("threshold.score.reads")
                            .description(
                                    "Score reads: one contact's score, its history, the ranking, an action's contacts")
                            .tag("kind", kind.name().toLowerCase())
                            .register(registry));
        }
    }

    public void read(Read kind) {
        reads.get(kind).increment();
    }
}
