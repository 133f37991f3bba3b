package dev.threshold.interaction;

import dev.threshold.score.math.InteractionType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumMap;
import java.util.Map;

/**
 * {@code threshold_interactions_recorded_total{type}} at {@code /q/metrics}: interactions stored, single and batch.
 * Resources count after the service returned, that is after the transaction committed, so a rolled-back write is
 * never counted. One series per {@link InteractionType}, each there from start-up at 0 (so that rates are defined
 * before the first event); no tag carries an owner or any other unbounded value.
 */
@Startup
@ApplicationScoped
public class InteractionMetrics {

    private final Map<InteractionType, Counter> recorded = new EnumMap<>(InteractionType.class);

    public InteractionMetrics(MeterRegistry registry) {
        for (InteractionType type : InteractionType.values()) {
            recorded.put(
                    type,
                    Counter.builder("threshold.interactions.recorded")
                            .description("Interactions recorded (committed)")
                            .tag("type", type.name())
                            .register(registry));
        }
    }

    public void recorded(InteractionType type) {
        recorded.get(type).increment();
    }
}
