package org.lockstep.sim;

import java.util.SplittableRandom;

/**
 * Walker/Vose alias table: draws index {@code i} with probability proportional to {@code w[i]} in O(1).
 * Used for every categorical choice in hot loops (accounts, hashtags, links).
 */
final class AliasTable {
    private final double[] prob;
    private final int[] alias;

    AliasTable(double[] w) {
        int n = w.length;
        if (n == 0) throw new IllegalArgumentException("empty weights");
        prob = new double[n];
        alias = new int[n];
        double sum = 0;
        for (double x : w) sum += x;
        if (!(sum > 0)) throw new IllegalArgumentException("weights must have a positive sum");
        double[] p = new double[n];
        int[] small = new int[n], large = new int[n];
        int ns = 0, nl = 0;
        for (int i = 0; i < n; i++) {
            p[i] = w[i] * n / sum;
            if (p[i] < 1.0) small[ns++] = i; else large[nl++] = i;
        }
        while (ns > 0 && nl > 0) {
            int s = small[--ns], l = large[--nl];
            prob[s] = p[s];
            alias[s] = l;
            p[l] = p[l] + p[s] - 1.0;
            if (p[l] < 1.0) small[ns++] = l; else large[nl++] = l;
        }
        while (nl > 0) { int l = large[--nl]; prob[l] = 1.0; alias[l] = l; }
        while (ns > 0) { int s = small[--ns]; prob[s] = 1.0; alias[s] = s; }
    }

    /** Zipf weights {@code 1/(i+1)^s} for {@code n} ranks. */
    static AliasTable zipf(int n, double s) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) w[i] = 1.0 / Math.pow(i + 1, s);
        return new AliasTable(w);
    }

    int size() {
        return prob.length;
    }

    int sample(SplittableRandom r) {
        int i = r.nextInt(prob.length);
        return r.nextDouble() < prob[i] ? i : alias[i];
    }
}
