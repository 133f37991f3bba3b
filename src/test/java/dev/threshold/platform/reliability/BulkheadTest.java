package dev.threshold.platform.reliability;

import dev.threshold.platform.problem.ApiProblem;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

class BulkheadTest {

    @Test
    void neverMoreThanItsPermitsInsideAndEveryoneServedInTime() throws Exception {
        Bulkhead bulkhead = new Bulkhead(3, Duration.ofSeconds(30), 5);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                results.add(pool.submit(() -> bulkhead.call(() -> {
                    most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    Thread.sleep(1);
                    inside.decrementAndGet();
                    return n;
                })));
            }
            for (int i = 0; i < results.size(); i++) {
                Assertions.assertEquals(i, results.get(i).get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        Assertions.assertEquals(3, most.get(), "the permits were all used, and never exceeded");
        Assertions.assertEquals(3, bulkhead.available());
    }

    @Test
    void aCallerThatWaitsTooLongGetsA503WithRetryAfter() throws Exception {
        Bulkhead bulkhead = new Bulkhead(1, Duration.ofMillis(100), 7);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<String> holder = pool.submit(() -> bulkhead.call(() -> {
                holding.countDown();
                release.await();
                return "done";
            }));
            Assertions.assertTrue(holding.await(10, TimeUnit.SECONDS));
            long started = System.nanoTime();
            ApiProblem refused = Assertions.assertThrows(ApiProblem.class, () -> bulkhead.call(() -> "never"));
            Assertions.assertTrue(System.nanoTime() - started >= 100_000_000L, "it waited its turn first");
            Assertions.assertEquals(503, refused.status());
            Assertions.assertEquals("service-unavailable", refused.slug());
            Assertions.assertEquals(7L, refused.retryAfterSeconds());
            release.countDown();
            Assertions.assertEquals("done", holder.get(10, TimeUnit.SECONDS));
            Assertions.assertEquals("next", bulkhead.call(() -> "next"), "served once the permit is back");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailureGivesItsPermitBack() throws Exception {
        Bulkhead bulkhead = new Bulkhead(1, Duration.ofMillis(50), 5);
        Assertions.assertThrows(
                IllegalStateException.class,
                () -> bulkhead.call(() -> {
                    throw new IllegalStateException("boom");
                }));
        Assertions.assertEquals(1, bulkhead.available());
        Assertions.assertEquals(42, bulkhead.call(() -> 42));
    }

    @Test
    void needsAtLeastOnePermit() {
        Assertions.assertThrows(IllegalArgumentException.class, () -> new Bulkhead(0, Duration.ofSeconds(1), 5));
    }
}
