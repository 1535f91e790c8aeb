package org.lockstep.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The same seed gives the same bytes; another seed gives other bytes. */
class DeterminismTest {
    private static byte[][] run(SimConfig c) throws IOException {
        ByteArrayOutputStream p = new ByteArrayOutputStream(), l = new ByteArrayOutputStream(),
                a = new ByteArrayOutputStream();
        Simulator.run(c, p, l, a, null);
        return new byte[][] {p.toByteArray(), l.toByteArray(), a.toByteArray()};
    }

    @Test
    void sameSeedSameBytesInBothFormats() throws IOException {
        for (SimConfig.Format f : SimConfig.Format.values()) {
            SimConfig c = SimConfig.scenario("election", 8_000, 42).withFormat(f);
            byte[][] x = run(c), y = run(c);
            for (int i = 0; i < 3; i++) assertArrayEquals(x[i], y[i], f + " output " + i);
        }
    }

    @Test
    void differentSeedDifferentOutput() throws IOException {
        byte[][] x = run(SimConfig.scenario("election", 8_000, 42)), y = run(SimConfig.scenario("election", 8_000, 43));
        assertFalse(Arrays.equals(x[0], y[0]));
        assertFalse(Arrays.equals(x[1], y[1]));
    }
}
