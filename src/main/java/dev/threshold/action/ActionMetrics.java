package dev.threshold.action;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code threshold_score_reads_total{kind="action"}} at {@code /q/metrics}: reads of the contacts that clear an
 * action. The other kinds of the family are {@code score.ScoreMetrics}' (this package sits below {@code score}),
 * with the same description, word for word: Prometheus keeps one per name. There from start-up at 0.
 */
@Startup
@ApplicationScoped
public class ActionMetrics {

    private final Counter contactsRead;

    public ActionMetrics(MeterRegistry registry) {
        contactsRead = Counter.builder("threshold.score.reads")
                .description("Score reads: one contact's score, its history, the ranking, an action's contacts")
                .tag("kind", "action").register(registry);
    }

    public void contactsRead() {
        contactsRead.increment();
    }
}
