package org.lockstep.core.coord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The statistics of the stages, against values worked out by hand or in closed form. */
class CoordStagesTest {

    @Test
    void chiSquareUpperTailForEvenDegreesIsAPoissonSum() {
        // df = 2: P(χ² > x) = e^{-x/2}; df = 4: e^{-x/2}(1 + x/2); df = 6: e^{-x/2}(1 + x/2 + x²/8)
        assertEquals(Math.exp(-1.5), NullModel.chiSquareUpperTailEvenDf(3, 2), 1e-15);
        assertEquals(Math.exp(-2.5) * (1 + 2.5), NullModel.chiSquareUpperTailEvenDf(5, 4), 1e-15);
        assertEquals(Math.exp(-20) * (1 + 20 + 200), NullModel.chiSquareUpperTailEvenDf(40, 6), 1e-20);
        assertEquals(1.0, NullModel.chiSquareUpperTailEvenDf(0, 8), 0);
    }

    @Test
    void jitterProbabilityIsTheTriangularMass() {
        // D = 10 s, w = 0: P(|g + Z| = 0) = 0 for continuous Z; w = 20 s covers all of Z ∈ [-20, 20] at g = 0
        assertEquals(1.0, NullModel.jitterWithin(0, 20_000, 10_000), 1e-12);
        // g = 0, w = 10 s, D = 10 s: P(|Z| ≤ 10) for Z triangular on [-20, 20] = 1 - 2·(10²/(2·20²)) = 0.75
        assertEquals(0.75, NullModel.jitterWithin(0, 10_000, 10_000), 1e-12);
        // g = 20 s, w = 10 s, D = 10 s: P(-30 ≤ Z ≤ -10) = P(Z ≤ -10) = 10²/(2·20²) = 0.125
        assertEquals(0.125, NullModel.jitterWithin(20_000, 10_000, 10_000), 1e-12);
        // no jitter: within or not
        assertEquals(1.0, NullModel.jitterWithin(5, 5, 0), 0);
        assertEquals(0.0, NullModel.jitterWithin(6, 5, 0), 0);
    }

    @Test
    void accountPValueIsTwiceTheSmallerOfFisherAndSimes() {
        // one account, three candidate pairs, two tested with p = 0.01 and 0.04 (the third untested, p = 1):
        // Fisher: x = -2 ln(0.01) - 2 ln(0.04) = 15.648, df = 6 -> e^{-x/2}(1 + x/2 + (x/2)²/2)
        double x = -2 * Math.log(0.01) - 2 * Math.log(0.04);
        double h = x / 2;
        double fisher = Math.exp(-h) * (1 + h + h * h / 2);
        // Simes over the tested two: min(0.01·2/1, 0.04·2/2) = 0.02
        double simes = 0.02;
        double[] vals = {0.04, 0.01};
        assertEquals(Math.min(1, 2 * Math.min(fisher, simes)), AccountScreen.pValue(x, 3, vals, 0, 2), 1e-12);
        assertEquals(0.01, vals[0], 0, "sorted in place");
    }

    @Test
    void taroneReductionByHand() {
        // p_min = 0.001, 0.002, 0.02, 0.3, 0.5 at α = 0.05:
        // K = 1: #{≤ 0.05} = 3 > 1; K = 2: #{≤ 0.025} = 3 > 2; K = 3: #{≤ 0.0167} = 2 ≤ 3 -> K = 3
        double[] s = {0.001, 0.002, 0.02, 0.3, 0.5};
        assertEquals(3, Tarone.reduce(s, 0, 0.05));
        // two more hypotheses with p_min = 0: K = 4: #{≤ 0.0125} = 4 ≤ 4
        assertEquals(4, Tarone.reduce(s, 2, 0.05));
        // nothing attainable below α: K = 1 with an empty family
        assertEquals(1, Tarone.reduce(new double[] {0.5, 0.9}, 0, 0.05));
    }

    @Test
    void bicmReproducesTheDegreesAndSaturates() {
        // 3 accounts of degrees 3, 1, 1 over 3 objects of degrees 3, 1, 1: the first account is on every object
        // (degree = number of objects): p = 1 for it, and the other two split the remaining stubs
        // (a degree equal to the other side's size needs an infinite fugacity: the fit approaches it, within 0.1 %)
        Bicm m = Bicm.fit(new int[] {3, 1, 1}, new int[] {3, 1, 1});
        assertEquals(3, m.expectedAccountDegree(3), 3e-3);
        assertEquals(1, m.expectedAccountDegree(1), 3e-3);
        assertEquals(3, m.expectedObjectDegree(3), 3e-3);
        assertEquals(1, m.expectedObjectDegree(1), 3e-3);
        // random regular case: 50 accounts of degree 10 over 100 objects of degree 5: p = 0.1 everywhere, and
        // two accounts share Σ_o p² = 100 · 0.01 = 1 object in expectation
        int[] k = new int[50], c = new int[100];
        Arrays.fill(k, 10);
        Arrays.fill(c, 5);
        Bicm r = Bicm.fit(k, c);
        assertEquals(1.0, r.expectedShared(10, 10, 2, 10), 1e-6);
        assertEquals(0.0, r.expectedShared(10, 10, 6, 10), 0, "no object of degree 6..10");
    }

    @Test
    void bicmExpectsHyperactiveAccountsToShareAThirdOfEverything() {
        // 2 accounts on 100 of 300 objects each, 600 accounts on 1 object each (2 per object): an account on a
        // third of the objects is expected on a third of any object, so two of them share about 300/9 ≈ 33
        int[] k = new int[602];
        k[0] = 100;
        k[1] = 100;
        for (int i = 2; i < k.length; i++) k[i] = 1;
        int[] c = new int[300];
        Arrays.fill(c, 2 + 200 / 300); // 2 organic accounts, and the two hyperactive ones on 200 of 300 objects
        for (int o = 0; o < 200; o++) c[o] = 3;
        Bicm m = Bicm.fit(k, c);
        double shared = m.expectedShared(100, 100, 2, 10);
        assertTrue(shared > 25 && shared < 40, "expected ~33, got " + shared);
    }

    @Test
    void timeResolutionIsTheCoarsestCommonUnit() {
        long[] minutes = new long[30], seconds = new long[30], millis = new long[30];
        for (int i = 0; i < 30; i++) {
            minutes[i] = 1_600_000_020_000L / 60_000 * 60_000 + i * 60_000L;
            seconds[i] = 1_600_000_000_000L + i * 7_000L;
            millis[i] = 1_600_000_000_000L + i * 7_001L;
        }
        assertEquals(60_000, TimeResolution.of(minutes, 30));
        assertEquals(1_000, TimeResolution.of(seconds, 30));
        assertEquals(1, TimeResolution.of(millis, 30));
        assertEquals(1, TimeResolution.of(minutes, 5), "too few times to tell");
        // a 60 s window on minute stamps: gaps of 0 and 60 s are possible co-actions, 120 s is not
        assertEquals(119_999, TimeResolution.widen(60_000, 60_000));
        assertEquals(60_000, TimeResolution.widen(60_000, 1));
    }

    @Test
    void theConfigRejectsWhatCannotRun() {
        assertThrows(IllegalArgumentException.class, () -> CoordinationConfig.builder().alpha(0).build());
        assertThrows(IllegalArgumentException.class, () -> CoordinationConfig.builder().minRepetitions(0).build());
        assertThrows(IllegalArgumentException.class, () -> CoordinationConfig.builder().leidenIterations(0).build());
        assertThrows(IllegalArgumentException.class, () -> CoordinationConfig.builder().popularShare(1.5).build());
        assertThrows(IllegalArgumentException.class, () -> CoordinationConfig.builder().memoryBudgetBytes(-1).build());
        assertThrows(UnsupportedOperationException.class, () -> CoordinationConfig.defaultSignals().add(Signal.OBJECT));
        CoordinationConfig d = CoordinationConfig.builder().build();
        assertEquals(d, d.toBuilder().build(), "toBuilder round-trips every field");
        assertFalse(d.toBuilder().cooccurrence(false).build().cooccurrence());
        // a signal switched on alone keeps its own default window (near-text 15 min, co-domain any time)
        CoordinationConfig nt = CoordinationConfig.builder().signals(Signal.NEAR_TEXT, Signal.CO_DOMAIN, Signal.CO_LINK).build();
        assertEquals(900_000, nt.windowMs(Signal.NEAR_TEXT));
        assertEquals(CoordinationConfig.ANY_TIME, nt.windowMs(Signal.CO_DOMAIN));
        assertEquals(60_000, nt.windowMs(Signal.CO_LINK));
    }

    /** Evidence per edge on a storm, worked out by hand: 2,000,000 pairs over the edges, at least 2, at most 20. */
    @Test
    void evidenceIsCappedOverAllEdgesOnAStorm() {
        CoordinationConfig d = CoordinationConfig.builder().build();
        assertEquals(20, d.evidencePerEdge(100_000), "100,000 edges × 20 = the budget exactly");
        assertEquals(4, d.evidencePerEdge(499_500), "2,000,000 / 499,500 = 4.004");
        assertEquals(2, d.evidencePerEdge(5_000_000), "never fewer than 2 pairs per edge");
        assertEquals(20, d.toBuilder().maxEvidencePairs(0).build().evidencePerEdge(5_000_000), "0: no limit");
        assertEquals(1, d.toBuilder().evidencePerEdge(1).build().evidencePerEdge(5_000_000), "never more than asked");
        assertThrows(IllegalArgumentException.class, () -> CoordinationConfig.builder().maxEvidencePairs(-1).build());
    }

    /** The "strongest pairs" selection against a full sort, with ties, skipped items and fewer items than asked. */
    @Test
    void firstInOrderIsTheHeadOfAFullSort() {
        java.util.Random r = new java.util.Random(3);
        for (int round = 0; round < 200; round++) {
            int n = r.nextInt(60);
            int[] value = new int[n];
            boolean[] skip = new boolean[n];
            for (int i = 0; i < n; i++) {
                value[i] = r.nextInt(12);
                skip[i] = r.nextInt(4) == 0;
            }
            it.unimi.dsi.fastutil.ints.IntComparator order = (u, v) -> value[u] != value[v]
                    ? Integer.compare(value[u], value[v]) : Integer.compare(u, v);
            int max = r.nextInt(15);
            java.util.List<Integer> all = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) if (!skip[i]) all.add(i);
            all.sort(order::compare);
            int[] want = all.stream().limit(max).mapToInt(Integer::intValue).toArray();
            org.junit.jupiter.api.Assertions.assertArrayEquals(want, Coordination.firstInOrder(n, i -> skip[i], order, max),
                    "round " + round);
        }
    }
}
