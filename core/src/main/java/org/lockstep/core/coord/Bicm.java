package org.lockstep.core.coord;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import java.util.Arrays;

/**
 * The bipartite configuration model (BiCM; Saracco, Di Clemente, Gabrielli &amp; Squartini 2015): the
 * maximum-entropy random bipartite graph of accounts and objects whose expected degrees equal the observed
 * ones. Account a is on object o with probability p = x_a·y_o / (1 + x_a·y_o), with x and y solving
 * Σ_o p_ao = k_a and Σ_a p_ao = c_o. Two accounts then share object o with probability p_ao·p_bo, and
 * the number of objects they share is a sum of independent Bernoullis: the null of the "validated
 * projection" of a bipartite network (Saracco et al. 2017, New J. Phys. 19 053022), used for coordinated
 * sharing by Becatti et al. (2019) and Caldarelli et al. (2021).
 *
 * <p>Unlike the configuration-model shortcut k_a·k_b·Σc(c − 1)/S², probabilities saturate: an account that
 * is on a third of all objects is on a third of the rare ones too, so two hyperactive accounts are expected
 * to share many objects and are not flagged for it.
 *
 * <p>Accounts with the same degree share x and objects with the same degree share y, so the fit iterates
 * over degree classes (hundreds), not over accounts × objects (Vallarano et al. 2021).
 */
final class Bicm {
    /** Distinct account degrees and their x; distinct object degrees, their counts and y. */
    private final int[] accountDegrees, accountsPerDegree;
    private final double[] x;
    private final int[] objectDegrees, objectsPerDegree;
    private final double[] y;
    private final Int2IntOpenHashMap accountClass = new Int2IntOpenHashMap();

    private Bicm(int[] accountDegrees, int[] accountsPerDegree, double[] x, int[] objectDegrees,
            int[] objectsPerDegree, double[] y) {
        this.accountDegrees = accountDegrees;
        this.accountsPerDegree = accountsPerDegree;
        this.x = x;
        this.objectDegrees = objectDegrees;
        this.objectsPerDegree = objectsPerDegree;
        this.y = y;
        accountClass.defaultReturnValue(-1);
        for (int i = 0; i < accountDegrees.length; i++) accountClass.put(accountDegrees[i], i);
    }

    /**
     * Fits the model to account degrees {@code k} (accounts with degree 0 are ignored) and object degrees
     * {@code c} (objects with degree 0 are ignored).
     */
    static Bicm fit(int[] k, int[] c) {
        int[][] ac = classes(k), oc = classes(c);
        int[] kd = ac[0], kn = ac[1], cd = oc[0], cn = oc[1];
        int na = 0, no = 0;
        for (int v : kn) na += v;
        for (int v : cn) no += v;
        double[] x = new double[kd.length], y = new double[cd.length];
        long stubs = 0;
        for (int i = 0; i < kd.length; i++) stubs += (long) kd[i] * kn[i];
        double sq = Math.sqrt(Math.max(1, stubs));
        for (int i = 0; i < kd.length; i++) x[i] = kd[i] / sq;
        for (int j = 0; j < cd.length; j++) y[j] = cd[j] / sq;
        // a degree equal to the other side's size would need an infinite fugacity: cap the targets just below
        double[] kt = new double[kd.length], ct = new double[cd.length];
        for (int i = 0; i < kd.length; i++) kt[i] = Math.min(kd[i], no - 1e-6);
        for (int j = 0; j < cd.length; j++) ct[j] = Math.min(cd[j], na - 1e-6);
        double[] nx = new double[x.length], ny = new double[y.length];
        for (int it = 0; it < 5000; it++) {
            double err = 0;
            for (int i = 0; i < x.length; i++) {
                double s = 0;
                for (int j = 0; j < y.length; j++) s += cn[j] * y[j] / (1 + x[i] * y[j]);
                nx[i] = s > 0 ? kt[i] / s : 0;
            }
            for (int j = 0; j < y.length; j++) {
                double s = 0;
                for (int i = 0; i < nx.length; i++) s += kn[i] * nx[i] / (1 + nx[i] * y[j]);
                ny[j] = s > 0 ? ct[j] / s : 0;
            }
            for (int i = 0; i < x.length; i++) err = Math.max(err, Math.abs(nx[i] - x[i]) / Math.max(1e-300, nx[i]));
            for (int j = 0; j < y.length; j++) err = Math.max(err, Math.abs(ny[j] - y[j]) / Math.max(1e-300, ny[j]));
            System.arraycopy(nx, 0, x, 0, x.length);
            System.arraycopy(ny, 0, y, 0, y.length);
            if (err < 1e-10) break;
        }
        return new Bicm(kd, kn, x, cd, cn, y);
    }

    /** Distinct positive values, ascending, and how often each occurs. */
    private static int[][] classes(int[] v) {
        int[] s = v.clone();
        Arrays.sort(s);
        int[] d = new int[s.length], n = new int[s.length];
        int m = 0;
        for (int i = 0; i < s.length; i++) {
            if (s[i] <= 0) continue;
            if (m > 0 && d[m - 1] == s[i]) n[m - 1]++;
            else { d[m] = s[i]; n[m++] = 1; }
        }
        return new int[][] {Arrays.copyOf(d, m), Arrays.copyOf(n, m)};
    }

    /** P(an account of degree {@code k} is on an object of degree class {@code j}). */
    private double p(int k, int j) {
        int i = accountClass.get(k);
        if (i < 0) return 0;
        double v = x[i] * y[j];
        return v / (1 + v);
    }

    /** Expected degree of an account of degree {@code k} under the fit (for checking the fit). */
    double expectedAccountDegree(int k) {
        double s = 0;
        for (int j = 0; j < y.length; j++) s += objectsPerDegree[j] * p(k, j);
        return s;
    }

    /** Expected degree of an object of degree {@code c} under the fit (for checking the fit). */
    double expectedObjectDegree(int c) {
        int j = Arrays.binarySearch(objectDegrees, c);
        if (j < 0) return 0;
        double s = 0;
        for (int i = 0; i < x.length; i++) s += (double) accountsPerDegree[i] * p(accountDegrees[i], j);
        return s;
    }

    /**
     * Expected number of objects with degree in [{@code minC}, {@code maxC}] that accounts of degrees
     * {@code ka} and {@code kb} share: Σ_o p_ao·p_bo over those objects.
     */
    double expectedShared(int ka, int kb, int minC, int maxC) {
        double s = 0;
        for (int j = 0; j < objectDegrees.length; j++) {
            int cd = objectDegrees[j];
            if (cd < minC) continue;
            if (cd > maxC) break;
            s += objectsPerDegree[j] * p(ka, j) * p(kb, j);
        }
        return s;
    }
}
