package org.lockstep.io.out;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fast ISO printer against {@link Instant#toString()}, the definition it must match. */
class IsoTimeTest {
    @Test
    void printsExactlyWhatInstantPrints() {
        long[] edges = {0, -1, 1, 999, 1000, -1000, -86_400_000L, 951_782_400_000L /* 2000-02-29 */,
                4_107_456_000_000L /* 2100-02-28 */, -62_167_219_200_000L, -62_167_219_200_001L,
                253_402_300_799_999L, 253_402_300_800_000L, Long.MIN_VALUE / 2, Long.MAX_VALUE / 2,
                1_493_942_400_000L /* 2017-05-05 */};
        for (long ms : edges) assertEquals(Instant.ofEpochMilli(ms).toString(), IsoTime.of(ms), "ms " + ms);
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 1_000_000; i++) {
            // whole seconds half the time (no fraction printed), any millisecond otherwise; years 0 to 10500
            long ms = r.nextLong(-62_200_000_000_000L, 269_000_000_000_000L);
            if (i % 2 == 0) ms -= Math.floorMod(ms, 1000);
            assertEquals(Instant.ofEpochMilli(ms).toString(), IsoTime.of(ms), "ms " + ms);
        }
    }
}
