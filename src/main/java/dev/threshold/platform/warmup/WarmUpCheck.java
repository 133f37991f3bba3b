package dev.threshold.platform.warmup;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness waits for the warm-up ({@link WarmUp}): DOWN while it runs, UP once it has sent its requests, reached its
 * bound ({@code threshold.warm-up.max-time}), failed, or when it is off. Liveness and the started probe do not
 * include it.
 */
@Readiness
@ApplicationScoped
public class WarmUpCheck implements HealthCheck {

    private final WarmUp warmUp;

    public WarmUpCheck(WarmUp warmUp) {
        this.warmUp = warmUp;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("warm-up")
                .status(warmUp.isDone())
                .withData("state", warmUp.state().name().toLowerCase())
                .withData("requests", warmUp.requestsSent())
                .withData("tookMillis", warmUp.tookMillis())
                .build();
    }
}
