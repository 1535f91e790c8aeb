package org.lockstep.core.coord;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Poisson tail, Benjamini–Hochberg and R's quantile against hand calculations. */
class CoordNullModelTest {

    @Test
    void poissonUpperTailMatchesClosedForms() {
        // P(X >= 1) = 1 - e^-λ
        assertEquals(1 - Math.exp(-0.3), NullModel.poissonUpperTail(1, 0.3), 1e-15);
        // P(X >= 3 | λ = 2) = 1 - e^-2 (1 + 2 + 2) = 0.32332358381693654
        assertEquals(0.32332358381693654, NullModel.poissonUpperTail(3, 2.0), 1e-14);
        // deep tail: P(X >= 10 | λ = 0.01) ≈ 0.01^10 / 10! e^-0.01 = 2.7284e-27
        double expected = Math.exp(-0.01) * Math.pow(0.01, 10) / 3628800.0 * (1 + 0.01 / 11);
        assertEquals(expected, NullModel.poissonUpperTail(10, 0.01), expected * 1e-6);
        assertEquals(1.0, NullModel.poissonUpperTail(0, 5), 0);
    }

    @Test
    void benjaminiHochbergByHand() {
        // p = 0.01, 0.04, 0.03, 0.2 with m = 4: sorted 0.01,0.03,0.04,0.2 -> 0.04, 0.06->0.0533, 0.0533, 0.2
        double[] q = NullModel.benjaminiHochberg(new double[] {0.01, 0.04, 0.03, 0.2}, 4);
        assertArrayEquals(new double[] {0.04, 0.04 * 4 / 3, 0.04 * 4 / 3, 0.2}, q, 1e-12);
        // untested hypotheses (m > n) make q larger
        double[] q2 = NullModel.benjaminiHochberg(new double[] {0.01}, 10);
        assertEquals(0.1, q2[0], 1e-12);
    }

    @Test
    void quantileType7LikeR() {
        // R: quantile(c(1, 2, 2, 3, 10), 0.5) = 2; quantile(c(1,2,3,4), 0.9) = 3.7
        assertEquals(2.0, NullModel.quantile7(new int[] {3, 1, 10, 2, 2}, 5, 0.5), 0);
        assertEquals(3.7, NullModel.quantile7(new int[] {4, 3, 2, 1}, 4, 0.9), 1e-12);
    }

    @Test
    void jitterProbabilityByHand() {
        // d = 0: the window itself
        assertEquals(1.0, NullModel.jitterWithin(60, 60, 0), 0);
        assertEquals(0.0, NullModel.jitterWithin(61, 60, 0), 0);
        // g = 0, w = 1, d = 10: Z triangular on [-20, 20]; P(|Z| <= 1) = 1 - 2 * (19^2 / 800) = 0.0975
        assertEquals(0.0975, NullModel.jitterWithin(0, 1, 10), 1e-12);
        // gap beyond w + 2d: impossible
        assertEquals(0.0, NullModel.jitterWithin(22, 1, 10), 0);
        // symmetric in the gap
        assertEquals(NullModel.jitterWithin(7, 3, 5), NullModel.jitterWithin(-7, 3, 5), 1e-15);
        // ∫ P(|g + Z| ≤ w) dg = 2w whatever the jitter (the integrand is smooth, so the integer grid sum agrees)
        double sum = 0;
        for (int g = -1000; g <= 1000; g++) sum += NullModel.jitterWithin(g, 3, 5);
        assertEquals(6.0, sum, 1e-9);
    }

    /**
     * Expected episodes of one object's candidate pairs, worked out by hand by enumerating the 8 outcomes of
     * three candidates at t = 0, 5, 10 (gap 6, each lands with p = 1/2) under the observed rule (a co-action
     * more than the gap after the previous one starts an episode): 000→0, 100→1, 010→1, 001→1, 110→1,
     * 101→2 (10 − 0 > 6), 011→1, 111→1; mean 8/8 = 1. The run-level 1 − Π(1 − p) would give 0.875, and on a
     * storm (two accounts active for hours, candidates chained without a break) it stays near 1 while the
     * observed episodes number in the tens: every such pair came out "significant".
     */
    @Test
    void expectedEpisodesCountStartsAsTheObservedRuleDoes() {
        double half = Math.log1p(-0.5);
        assertEquals(1.0, TimingNull.episodes(new long[] {10, 0, 5}, new double[] {half, half, half}, 3, 6), 1e-12);
        // all within the gap of each other: one episode at most, q = 1 − Π(1 − p) = 1 − 0.5 · 0.8 = 0.6
        assertEquals(0.6, TimingNull.episodes(new long[] {0, 1}, new double[] {half, Math.log1p(-0.2)}, 2, 6), 1e-12);
        // candidates at the same time start one episode at most, whatever their order: 1 − 0.5 · 0.8 = 0.6
        assertEquals(0.6, TimingNull.episodes(new long[] {5, 5}, new double[] {half, Math.log1p(-0.2)}, 2, 6), 1e-12);
        assertEquals(0.6, TimingNull.episodes(new long[] {5, 5}, new double[] {Math.log1p(-0.2), half}, 2, 6), 1e-12);
        assertEquals(TimingNull.episodes(new long[] {0, 3, 3, 9}, new double[] {half, Math.log1p(-0.2), Math.log1p(-0.7), half}, 4, 6),
                TimingNull.episodes(new long[] {3, 9, 0, 3}, new double[] {Math.log1p(-0.7), half, half, Math.log1p(-0.2)}, 4, 6), 0.0,
                "bit for bit the same in any input order");
        // a long chain of 1000 candidates 5 apart with p = 0.01 and gap 6: starts ≈ Σ p(1 − p) ≈ 9.91, not ≈ 1
        int n = 1000;
        long[] t = new long[n];
        double[] l = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = 5L * i;
            l[i] = Math.log1p(-0.01);
        }
        assertEquals(0.01 + (n - 1) * 0.01 * 0.99, TimingNull.episodes(t, l, n, 6), 1e-9);
    }
}
