package dev.threshold.platform.persistence;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdsTest {

    @Test
    void versionSevenVariantTwoWithTheMillisecondsFirst() {
        UUID id = Ids.timeOrdered(0x0190_1234_5678L, -1L, -1L);
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals("01901234-5678-7fff-bfff-ffffffffffff", id.toString());
        UUID zero = Ids.timeOrdered(0x0190_1234_5678L, 0L, 0L);
        assertEquals("01901234-5678-7000-8000-000000000000", zero.toString());
    }

    @Test
    void laterMillisecondsSortLaterAndIdsAreUnique() {
        long t = System.currentTimeMillis();
        UUID a = Ids.timeOrdered(t, 123, 456);
        UUID b = Ids.timeOrdered(t + 1, 0, 0);
        // PostgreSQL's uuid order is by unsigned bytes: compare as text of equal length
        assertTrue(a.toString().compareTo(b.toString()) < 0);
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            UUID id = Ids.timeOrdered();
            assertEquals(7, id.version());
            assertTrue(seen.add(id));
        }
    }
}
