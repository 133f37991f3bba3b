package dev.threshold.network;

import io.agroal.api.AgroalPoolInterceptor;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the connections taken from the pool and not yet returned, and the most at once since the last
 * {@link #reset()} (Agroal's own {@code maxUsedCount} only moves when a connection is created). A pool
 * interceptor of the default datasource: a connection that a transaction already holds is handed out again
 * without passing here, so this counts physical connections, as the pool's size limits them.
 */
@ApplicationScoped
public class HeldConnections implements AgroalPoolInterceptor {

    private final AtomicInteger held = new AtomicInteger();
    private final AtomicInteger most = new AtomicInteger();

    @Override
    public void onConnectionAcquire(Connection connection) {
        most.accumulateAndGet(held.incrementAndGet(), Math::max);
    }

    @Override
    public void onConnectionReturn(Connection connection) {
        held.decrementAndGet();
    }

    /** Starts a new high-water mark from the connections held now. */
    public void reset() {
        most.set(held.get());
    }

    public int most() {
        return most.get();
    }

    public int held() {
        return held.get();
    }
}
