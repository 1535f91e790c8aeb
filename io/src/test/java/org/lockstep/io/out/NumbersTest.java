package org.lockstep.io.out;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NumbersTest {
    /** Doubles that are hard to print: boundaries of the layout, subnormals, halfway cases, long expansions. */
    static final double[] HARD = {
        0.0, -0.0, 1.0, -1.0, 0.1, 0.2, 0.1 + 0.2, 1.0 / 3, 2.0 / 3, Math.PI, Math.E,
        Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL), Math.nextUp(Double.MIN_NORMAL),
        Double.MAX_VALUE, -Double.MAX_VALUE, Math.nextDown(Double.MAX_VALUE),
        1e-3, Math.nextDown(1e-3), Math.nextUp(1e-3), 1e7, Math.nextDown(1e7), Math.nextUp(1e7),
        1e15, 1e16, 1e22, 1e23, 2e23, 9007199254740992.0, 9007199254740993.0, 4.35, 0.3, 2.82879384806159E17,
        1.0E-5, 5e-324, 2.2250738585072012e-308, 4.9e-324, 1.7976931348623157e308, 123456789.123, 0.000123456789,
        1.2345678901234567e-300, 9.999999999999999e22, 8.41E21, 5.0E-310, 1e-1 * 3, 100.0 / 3, 1e21, 1e-7,
        // -log10(p) weights and q-values as the engine makes them
        -Math.log10(1e-300), -Math.log10(3.7e-12), 2.5e-16, 0.049999999999999996,
    };

    private static void roundTrips(double v) {
        if (!Double.isFinite(v)) return;
        String s = Numbers.of(v);
        double back = Double.parseDouble(s);
        assertEquals(Double.doubleToRawLongBits(v), Double.doubleToRawLongBits(back), () -> s + " reads back as " + back + ", not " + v);
        String jdk = Double.toString(v);
        // the same layout as Double.toString: scientific notation exactly when it uses it, never more digits
        assertEquals(jdk.contains("E"), s.contains("E"), () -> s + " vs " + jdk);
        assertTrue(s.length() <= jdk.length(), () -> s + " is longer than " + jdk);
        assertTrue(s.contains("."), s);
    }

    @Test
    void hardDoublesReadBackExactly() {
        for (double v : HARD) {
            roundTrips(v);
            roundTrips(Math.nextUp(v));
            roundTrips(Math.nextDown(v));
        }
    }

    @Test
    void randomBitPatternsAndDecimalsReadBackExactly() {
        SplittableRandom rnd = new SplittableRandom(20261203);
        for (int i = 0; i < 300_000; i++) {
            double v = Double.longBitsToDouble(rnd.nextLong());
            if (Double.isFinite(v)) roundTrips(v);
            roundTrips(rnd.nextDouble() * Math.pow(10, rnd.nextInt(-20, 20)));
            // values with few decimal digits, as gaps in seconds are
            roundTrips(rnd.nextLong(-10_000_000L, 10_000_000L) / 1000.0);
        }
    }

    @Test
    void knownAnswers() {
        assertEquals("0.1", Numbers.of(0.1));
        assertEquals("0.30000000000000004", Numbers.of(0.1 + 0.2));
        assertEquals("0.001", Numbers.of(1e-3));
        assertEquals("9.999999E-4", Numbers.of(9.999999e-4));
        assertEquals("1.0E7", Numbers.of(1e7));
        assertEquals("9999999.0", Numbers.of(9999999.0));
        assertEquals("-0.0", Numbers.of(-0.0));
        assertEquals("4.9E-324", Numbers.of(Double.MIN_VALUE));
        assertEquals("1.7976931348623157E308", Numbers.of(Double.MAX_VALUE));
        // 17 significant digits are enough for every double; Java 17's Double.toString gives 18 here
        assertEquals("2.82879384806159E17", Numbers.of(2.82879384806159E17));
        assertEquals("NaN", Numbers.of(Double.NaN));
        assertEquals("Infinity", Numbers.of(Double.POSITIVE_INFINITY));
        assertEquals("-Infinity", Numbers.of(Double.NEGATIVE_INFINITY));
    }

    @Test
    void csvCellsKeepIntegersPlainAndReadBackExactly() {
        assertEquals("3", CsvWriter.formatDouble(3.0));
        assertEquals("0", CsvWriter.formatDouble(-0.0));
        assertEquals("1.5", CsvWriter.formatDouble(1.5));
        assertEquals("1.0E15", CsvWriter.formatDouble(1e15));
        for (double v : HARD) {
            if (v == 0) continue;
            assertEquals(v, Double.parseDouble(CsvWriter.formatDouble(v)), 0.0, () -> Double.toString(v));
        }
    }
}
