package dev.threshold.network;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;

class ScoreBucketsTest {

    @Test
    void bucketsAreSixteenthsOfAHalvingFlooredTowardMinusInfinity() {
        Assertions.assertEquals(0, ScoreBuckets.bucket(0.0));
        Assertions.assertEquals(0, ScoreBuckets.bucket(-0.0));
        Assertions.assertEquals(0, ScoreBuckets.bucket(Math.nextDown(1.0 / 16)));
        Assertions.assertEquals(1, ScoreBuckets.bucket(1.0 / 16));
        Assertions.assertEquals(16, ScoreBuckets.bucket(1.0));
        Assertions.assertEquals(-1, ScoreBuckets.bucket(-Double.MIN_VALUE));
        Assertions.assertEquals(-1, ScoreBuckets.bucket(-1.0 / 16));
        Assertions.assertEquals(-2, ScoreBuckets.bucket(Math.nextDown(-1.0 / 16)));
        Assertions.assertEquals(3723, ScoreBuckets.bucket(232.7));
        Assertions.assertEquals(ScoreBuckets.NONE, ScoreBuckets.bucket(Double.NEGATIVE_INFINITY));
        Assertions.assertEquals(ScoreBuckets.TOP, ScoreBuckets.bucket(Double.POSITIVE_INFINITY));
        Assertions.assertEquals(ScoreBuckets.TOP, ScoreBuckets.bucket(Double.NaN));
        Assertions.assertEquals(1L << 52, ScoreBuckets.bucket(1e300));
        Assertions.assertEquals(1L << 52, ScoreBuckets.bucket(Double.MAX_VALUE));
        Assertions.assertEquals(-(1L << 52), ScoreBuckets.bucket(-Double.MAX_VALUE));
    }

    @Test
    void everyKeyLiesInItsBucketAndBeforeItsEnd() {
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            double key =
                    switch (i % 4) {
                        case 0 -> 200 + random.nextDouble() * 50; // realistic keys (H = 90, 2026)
                        case 1 -> (random.nextDouble() - 0.5) * 1e6; // negative and large
                        case 2 -> random.nextInt(100_000) / 16.0 - 3000; // exactly on a bucket edge
                        default -> Math.nextDown(random.nextInt(100_000) / 16.0 - 3000); // one ulp below an edge
                    };
            long b = ScoreBuckets.bucket(key);
            Assertions.assertTrue(key < ScoreBuckets.end(b), () -> key + " below the end of bucket " + b);
            Assertions.assertTrue(key >= ScoreBuckets.end(b - 1), () -> key + " at or above the start of bucket " + b);
            Assertions.assertEquals(b, ScoreBuckets.bucket(ScoreBuckets.end(b - 1)), "the start of a bucket is in it");
        }
        Assertions.assertEquals(Double.POSITIVE_INFINITY, ScoreBuckets.end(1L << 52));
        Assertions.assertThrows(IllegalArgumentException.class, () -> ScoreBuckets.end(ScoreBuckets.NONE));
    }

    @Test
    void atLeastFromBucketsAndTheFloorsBucketEqualsADirectCount() {
        Random random = new Random(11);
        for (int round = 0; round < 300; round++) {
            List<Double> keys = new ArrayList<>();
            int n = random.nextInt(400);
            for (int i = 0; i < n; i++) {
                double u = random.nextDouble();
                keys.add(
                        u < 0.2
                                ? Double.NEGATIVE_INFINITY
                                : u < 0.4
                                        ? random.nextInt(64) / 16.0 - 2 // on edges, negative ones too
                                        : u < 0.5
                                                ? Math.nextDown(random.nextInt(64) / 16.0 - 2)
                                                : (random.nextDouble() - 0.5) * 8);
            }
            List<Double> floors = new ArrayList<>(List.of(
                    Double.NEGATIVE_INFINITY,
                    Double.POSITIVE_INFINITY,
                    0.0,
                    -1.0 / 16,
                    1.0 / 16,
                    Math.nextUp(0.0),
                    Math.nextDown(0.0)));
            for (int i = 0; i < 20; i++) {
                floors.add((random.nextDouble() - 0.5) * 8);
            }
            if (!keys.isEmpty()) {
                for (int i = 0; i < 10; i++) {
                    double k = keys.get(random.nextInt(keys.size()));
                    floors.add(k); // a key exactly on a floor
                    if (k != Double.NEGATIVE_INFINITY) {
                        floors.add(Math.nextUp(k));
                        floors.add(Math.nextDown(k));
                    }
                }
            }
            NavigableMap<Long, Long> perBucket = new TreeMap<>();
            for (double k : keys) {
                perBucket.merge(ScoreBuckets.bucket(k), 1L, Long::sum);
            }
            for (double f : floors) {
                long expected = keys.stream().filter(k -> k >= f).count();
                long inFloorBucket = 0;
                if (!Double.isInfinite(f)) {
                    double end = ScoreBuckets.end(ScoreBuckets.bucket(f));
                    inFloorBucket = keys.stream().filter(k -> k >= f && k < end).count();
                }
                Assertions.assertEquals(expected, ScoreBuckets.atLeast(perBucket, f, inFloorBucket), "floor " + f);
            }
        }
    }

    @Test
    void infiniteFloorsIgnoreTheBoundaryCount() {
        NavigableMap<Long, Long> perBucket = new TreeMap<>();
        perBucket.put(ScoreBuckets.NONE, 3L);
        perBucket.put(5L, 2L);
        perBucket.put(7L, 1L);
        Assertions.assertEquals(6, ScoreBuckets.atLeast(perBucket, Double.NEGATIVE_INFINITY, 99));
        Assertions.assertEquals(0, ScoreBuckets.atLeast(perBucket, Double.POSITIVE_INFINITY, 99));
        // floor 5/16 is the start of bucket 5: bucket 7 entire, plus the two counted in [5/16, 6/16)
        Assertions.assertEquals(3, ScoreBuckets.atLeast(perBucket, 5.0 / 16, 2));
        Assertions.assertEquals(1, ScoreBuckets.atLeast(perBucket, 6.0 / 16, 0));
        Assertions.assertThrows(IllegalArgumentException.class, () -> ScoreBuckets.atLeast(perBucket, Double.NaN, 0));
    }
}
