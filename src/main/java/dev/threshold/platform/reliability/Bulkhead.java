package dev.threshold.platform.reliability;

import dev.threshold.platform.problem.ApiProblem;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * At most {@code permits} callers inside at once; the others wait, first come first served, up to
 * {@code wait}, then get a 503 problem with {@code Retry-After}. Plain Java, no framework types. Kept rather than
 * MicroProfile Fault Tolerance's {@code @Bulkhead}, which queues only asynchronous calls: a synchronous one is
 * refused at once, while a short wait is what keeps a burst of heavy reads from turning into 503s.
 */
public final class Bulkhead {

    private final Semaphore permits;
    private final long waitNanos;
    private final long retryAfterSeconds;

    public Bulkhead(int permits, Duration wait, long retryAfterSeconds) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1: " + permits);
        }
        this.permits = new Semaphore(permits, true);
        this.waitNanos = wait.toNanos();
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public <T> T call(Callable<T> work) throws Exception {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiProblem.unavailable("Interrupted while waiting for a turn; retry shortly.", retryAfterSeconds);
        }
        if (!acquired) {
            throw ApiProblem.unavailable("Too many expensive reads are running; retry shortly.", retryAfterSeconds);
        }
        try {
            return work.call();
        } finally {
            permits.release();
        }
    }

    /** Permits free now (for tests and metrics). */
    public int available() {
        return permits.availablePermits();
    }
}
