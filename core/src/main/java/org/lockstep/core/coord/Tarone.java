package org.lockstep.core.coord;

import java.util.Arrays;

/**
 * Tarone's (1990) reduction of a family of discrete tests, as Gilbert (2005) applies it before
 * Benjamini–Hochberg: a hypothesis whose smallest attainable p-value p_min exceeds α/K cannot be rejected
 * and is left out, K being the smallest number with #{i : p_min,i ≤ α/K} ≤ K.
 *
 * <p>For the timing test a pair can reach at most R episodes, R its episodes within the null's reach
 * (window + 2D), and its expected episodes are at least the sum of the popularity curves of the objects of
 * those episodes (the news floor of {@link TimingNull}); so p_min ≥ P(Poisson(floor) ≥ R). Pairs with no
 * news in their episodes have a floor of 0 and always stay: only the news crowd is left out.
 */
final class Tarone {
    /** The family's size after the reduction (m of Benjamini–Hochberg). */
    final long family;
    /** Per pair of the timed count: whether it stays in the family. */
    final boolean[] testable;

    private Tarone(long family, boolean[] testable) {
        this.family = family;
        this.testable = testable;
    }

    /**
     * Reduces the family of {@code reach} (pairs that can reach {@code minRepetitions} episodes, with their
     * floors) joined with {@code timed} (pairs observed with that many; those not in reach count with
     * p_min = 0), at level {@code alpha}.
     */
    static Tarone of(PairCounts reach, PairCounts timed, double alpha) {
        int n = reach.size;
        double[] pmin = new double[n];
        for (int i = 0; i < n; i++) pmin[i] = NullModel.poissonUpperTail(reach.episodes[i], reach.floorSum[i]);
        // timed pairs outside reach (episodes can merge differently in a wider window): p_min = 0
        int extra = 0;
        int[] slot = new int[timed.size];
        for (int j = 0, i = 0; j < timed.size; j++) {
            while (i < n && reach.keys[i] < timed.keys[j]) i++;
            if (i < n && reach.keys[i] == timed.keys[j]) slot[j] = i;
            else { slot[j] = -1; extra++; }
        }
        double[] sorted = Arrays.copyOf(pmin, n);
        Arrays.sort(sorted);
        long k = reduce(sorted, extra, alpha);
        double cut = alpha / k;
        long family = extra;
        for (double p : sorted) if (p <= cut) family++;
        boolean[] testable = new boolean[timed.size];
        for (int j = 0; j < timed.size; j++) testable[j] = slot[j] < 0 || pmin[slot[j]] <= cut;
        return new Tarone(Math.max(1, family), testable);
    }

    /**
     * The smallest K ≥ 1 with #{p_min ≤ α/K} ≤ K, over {@code sorted} p_min values plus {@code zeros}
     * hypotheses with p_min = 0.
     */
    static long reduce(double[] sorted, long zeros, double alpha) {
        long total = sorted.length + zeros;
        long lo = 1, hi = Math.max(1, total);
        // m(K) = #{p_min ≤ α/K} is non-increasing in K; find the smallest K with m(K) ≤ K by bisection
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (countAtMost(sorted, zeros, alpha / mid) <= mid) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }

    private static long countAtMost(double[] sorted, long zeros, double t) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= t) lo = mid + 1;
            else hi = mid;
        }
        return zeros + lo;
    }
}
