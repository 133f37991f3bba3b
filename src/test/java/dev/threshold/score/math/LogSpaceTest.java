package dev.threshold.score.math;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogSpaceTest {

    private static final double NEG = Double.NEGATIVE_INFINITY;

    @Test
    void logAddExpBasics() {
        assertEquals(4.0, LogSpace.logAddExp2(3, 3), 1e-15);
        assertEquals(Math.log(3) / Math.log(2), LogSpace.logAddExp2(0, 1), 1e-15); // 1 + 2 = 3
        assertEquals(5.0, LogSpace.logAddExp2(5, NEG));
        assertEquals(5.0, LogSpace.logAddExp2(NEG, 5));
        assertEquals(NEG, LogSpace.logAddExp2(NEG, NEG));
        assertEquals(Double.POSITIVE_INFINITY, LogSpace.logAddExp2(Double.POSITIVE_INFINITY, 1));
        assertTrue(Double.isNaN(LogSpace.logAddExp2(Double.NaN, 1)));
        assertEquals(1000.0, LogSpace.logAddExp2(1000, 0)); // 2^-1000 vanishes
        assertEquals(-1074.0, LogSpace.logAddExp2(-1075, -1075), 0); // no underflow in log space
    }

    @Test
    void logAddExpHugeExponentsDoNotOverflow() {
        // H = 1 day in 2100: exponents around 47,000, far beyond 2^1024
        double a = 47_482.25;
        double b = 47_480.25;
        double expected = a + Math.log1p(Math.pow(2, b - a)) / Math.log(2);
        assertEquals(expected, LogSpace.logAddExp2(a, b), 1e-11);
        assertEquals(a + 1, LogSpace.logAddExp2(a, a), 0);
    }

    @Test
    void logAddExpMatchesDirectComputationOnRandomInputs() {
        Random rnd = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            double a = (rnd.nextDouble() - 0.5) * 200;
            double b = (rnd.nextDouble() - 0.5) * 200;
            double direct = Math.log(Math.pow(2, a) + Math.pow(2, b)) / Math.log(2);
            double got = LogSpace.logAddExp2(a, b);
            assertEquals(direct, got, 1e-12 * Math.max(1, Math.abs(direct)), a + " " + b);
            assertEquals(got, LogSpace.logAddExp2(b, a), 0); // symmetric, bit for bit
            assertTrue(got >= Math.max(a, b));
        }
    }

    @Test
    void epochDaysAndContributionKey() {
        assertEquals(0.0, LogSpace.epochDays(Instant.EPOCH));
        assertEquals(1.0, LogSpace.epochDays(Instant.parse("1970-01-02T00:00:00Z")));
        assertEquals(-0.5, LogSpace.epochDays(Instant.parse("1969-12-31T12:00:00Z")));
        assertEquals(0.5, LogSpace.epochDays(Instant.parse("1970-01-01T12:00:00.000999Z"))); // millisecond resolution
        assertEquals(NEG, LogSpace.contributionKey(0.0, Instant.now(), 90));
        assertEquals(
                Math.log(12) / Math.log(2) + 2.0,
                LogSpace.contributionKey(12, Instant.parse("1970-07-10T00:00:00Z"), 95),
                1e-13);
        assertEquals(3.0, LogSpace.log2(8), 1e-15);
        assertEquals(NEG, LogSpace.log2(0));
        assertEquals(0.0, LogSpace.exp2(NEG));
        assertEquals(1024.0, LogSpace.exp2(10));
    }
}
