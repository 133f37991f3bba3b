package dev.threshold.contact;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code threshold_contacts_created_total} at {@code /q/metrics}: contacts created, counted by the resource after
 * the transaction committed (a rolled-back write is never counted); there from start-up at 0.
 */
@Startup
@ApplicationScoped
public class ContactMetrics {

    private final Counter created;

    public ContactMetrics(MeterRegistry registry) {
        created = Counter.builder("threshold.contacts.created")
                .description("Contacts created (committed)")
                .register(registry);
    }

    public void created() {
        created.increment();
    }
}
