package dev.threshold.platform.reliability;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Bounds how many {@link HeavyRead}s run at once. Each is well under a millisecond of database time alone,
 * but on a small database several at once, all reading the same few pages (the owner's score histogram,
 * the top of the score index), fall into a tail of 50–800 ms statements (backends that hold those pages'
 * locks get descheduled, the others back off and sleep): with a pool of 4 on 2 database cores the
 * summary's p99 was 87 ms; three at once, 18 ms (docs/benchmarks.md). Point reads and writes keep the whole
 * pool. The limit and the wait are {@link HeavyReads}'.
 */
@HeavyRead
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100) // outside @Transactional: wait before taking a connection
public class HeavyReadLimit {

    private final Bulkhead bulkhead;

    public HeavyReadLimit(HeavyReads heavyReads) {
        this.bulkhead = heavyReads.bulkhead();
    }

    @AroundInvoke
    Object limit(InvocationContext context) throws Exception {
        return bulkhead.call(context::proceed);
    }
}
