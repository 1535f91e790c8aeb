package org.lockstep.core.coord;

import java.util.Arrays;

/**
 * Accounts whose pairs, taken together, are significant: per account the smaller of Fisher's (1925)
 * combination of the p-values of all its candidate pairs (untested ones count as p = 1 and still add their
 * degrees of freedom) and Simes' (1986) combination of its tested pairs, doubled (Bonferroni over the two),
 * then Benjamini–Hochberg across accounts (hierarchical testing in the spirit of Benjamini &amp;
 * Bogomolov 2014). An account joined to the network by one lucky pair among many candidates is not
 * selected; a puppet weakly tied to each of thirty others is.
 */
final class AccountScreen {
    private AccountScreen() {}

    /** {@code selected[a]}: account a passes at false discovery rate {@code alpha}. */
    static boolean[] select(EdgeTests t, double alpha) {
        int na = t.partners.length;
        int[] deg = t.partners;
        double[] stat = new double[na];
        int[] start = new int[na + 1];
        int n = t.size();
        for (int e = 0; e < n; e++) {
            double l = -2 * Math.log(Math.max(t.p[e], 1e-300));
            stat[PairKernel.keyA(t.keys[e])] += l;
            stat[PairKernel.keyB(t.keys[e])] += l;
            start[PairKernel.keyA(t.keys[e]) + 1]++;
            start[PairKernel.keyB(t.keys[e]) + 1]++;
        }
        for (int a = 0; a < na; a++) start[a + 1] += start[a];
        double[] vals = new double[start[na]];
        int[] fill = Arrays.copyOf(start, na);
        for (int e = 0; e < n; e++) {
            vals[fill[PairKernel.keyA(t.keys[e])]++] = t.p[e];
            vals[fill[PairKernel.keyB(t.keys[e])]++] = t.p[e];
        }
        int m = 0;
        for (int a = 0; a < na; a++) if (deg[a] > 0 || start[a + 1] > start[a]) m++;
        double[] pa = new double[m];
        int[] who = new int[m];
        int i = 0;
        for (int a = 0; a < na; a++) {
            int nt = start[a + 1] - start[a];
            if (deg[a] == 0 && nt == 0) continue;
            pa[i] = pValue(stat[a], Math.max(deg[a], nt), vals, start[a], start[a + 1]);
            who[i++] = a;
        }
        double[] q = NullModel.benjaminiHochberg(pa, Math.max(1, m));
        boolean[] selected = new boolean[na];
        for (int k = 0; k < m; k++) if (q[k] <= alpha) selected[who[k]] = true;
        return selected;
    }

    /**
     * One account's p-value: 2 × min(Fisher over {@code degree} pairs with statistic {@code fisherStat} = Σ −2 ln p,
     * Simes over the sorted-in-place tested p-values {@code vals[from, to)}), capped at 1.
     */
    static double pValue(double fisherStat, int degree, double[] vals, int from, int to) {
        double fisher = NullModel.chiSquareUpperTailEvenDf(fisherStat, 2 * degree);
        Arrays.sort(vals, from, to);
        double simes = 1;
        int nt = to - from;
        for (int k = from; k < to; k++) simes = Math.min(simes, vals[k] * nt / (k - from + 1));
        return Math.min(1, 2 * Math.min(fisher, simes));
    }
}
