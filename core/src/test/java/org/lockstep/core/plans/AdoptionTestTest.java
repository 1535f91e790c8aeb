package org.lockstep.core.plans;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AdoptionTestTest {
    @Test
    void binomialTailsByHand() {
        assertEquals(1.0 / 1024, AdoptionTest.binomialUpper(10, 10, 0.5), 1e-15);
        assertEquals(0.875, AdoptionTest.binomialUpper(3, 1, 0.5), 1e-14);
        // 1 - (0.75^4 + 4 * 0.25 * 0.75^3) = 1 - (0.31640625 + 0.421875)
        assertEquals(0.26171875, AdoptionTest.binomialUpper(4, 2, 0.25), 1e-14);
        assertEquals(1.0, AdoptionTest.binomialUpper(5, 0, 0.1), 0);
        assertEquals(0.0, AdoptionTest.binomialUpper(5, 6, 0.1), 0);
        // large n stays finite and monotone: mean 500, k = 600 is far in the tail, k = 400 far below
        double hi = AdoptionTest.binomialUpper(1_000_000, 600, 0.0005);
        double lo = AdoptionTest.binomialUpper(1_000_000, 400, 0.0005);
        assertEquals(true, hi > 0 && hi < 1e-4, "tail " + hi);
        assertEquals(true, lo > 0.9999, "below the mean " + lo);
    }

    @Test
    void aNewHashtagUsedThirtyTimesInTwoHours() {
        // no post in 7 days before, 30 in the 2 hours after: p = (2 / 170)^30, lift = (30 / 2) / (0.5 / 168) = 5040
        AdoptionTest.Outcome o = AdoptionTest.test(0, 168, 30, 2);
        assertEquals(5040, o.lift(), 1e-9);
        assertEquals(Math.pow(2.0 / 170, 30), o.pValue(), Math.pow(2.0 / 170, 30) * 1e-9);
        // a steady hashtag: 168 posts a week, 2 in two hours is its usual rate
        AdoptionTest.Outcome s = AdoptionTest.test(168, 168, 2, 2);
        assertEquals(1.0, s.lift(), 1e-12);
        assertEquals(true, s.pValue() > 0.3);
    }

    @Test
    void benjaminiHochbergByHand() {
        double[] q = AdoptionTest.qValues(new double[] {0.01, 0.04, Double.NaN, 0.03});
        // m = 3 tested: sorted 0.01, 0.03, 0.04 -> 0.03, 0.045, 0.04 -> monotone 0.03, 0.04, 0.04
        assertEquals(0.03, q[0], 1e-12);
        assertEquals(0.04, q[1], 1e-12);
        assertEquals(0.04, q[3], 1e-12);
        assertEquals(true, Double.isNaN(q[2]));
    }
}
