package dev.threshold.platform.observability;

import dev.threshold.score.math.InteractionType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumMap;
import java.util.Map;

/**
 * Business counters beside the built-in HTTP, JVM and pool metrics, exported at {@code /q/metrics}:
 * <ul>
 *   <li>{@code threshold_interactions_recorded_total{type}}: interactions stored (single and batch);</li>
 *   <li>{@code threshold_contacts_created_total};</li>
 *   <li>{@code threshold_score_reads_total{kind}}: score, history, ranking and action-list reads.</li>
 * </ul>
 * Resources count after the service returned, that is after the transaction committed, so a rolled-back write
 * is never counted. No tag carries an owner or any other unbounded value. Every series exists from start-up
 * (at 0), so that rates are defined before the first event.
 */
@ApplicationScoped
public class BusinessMetrics {

    public enum ScoreRead { SCORE, HISTORY, RANKING, ACTION }

    private final Map<InteractionType, Counter> interactions = new EnumMap<>(InteractionType.class);
    private final Map<ScoreRead, Counter> scoreReads = new EnumMap<>(ScoreRead.class);
    private final Counter contactsCreated;

    public BusinessMetrics(MeterRegistry registry) {
        for (InteractionType type : InteractionType.values()) {
            interactions.put(type, Counter.builder("threshold.interactions.recorded")
                    .description("Interactions recorded (committed)").tag("type", type.name()).register(registry));
        }
        for (ScoreRead kind : ScoreRead.values()) {
            scoreReads.put(kind, Counter.builder("threshold.score.reads")
                    .description("Score reads: one contact's score, its history, the ranking, an action's contacts")
                    .tag("kind", kind.name().toLowerCase()).register(registry));
        }
        contactsCreated = Counter.builder("threshold.contacts.created")
                .description("Contacts created (committed)").register(registry);
    }

    public void interactionRecorded(InteractionType type) {
        interactions.get(type).increment();
    }

    public void contactCreated() {
        contactsCreated.increment();
    }

    public void scoreRead(ScoreRead kind) {
        scoreReads.get(kind).increment();
    }
}
