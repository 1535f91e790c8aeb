package org.lockstep.core.accounts;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Fits a {@link LogisticModel} by iteratively reweighted least squares (Newton's method) with an L2
 * penalty on the weights (not the bias), and evaluates it on a held-out split. Deterministic for a seed.
 *
 * <p>Plain, small and exact for the dozen features of {@link AccountFeature}; see Hastie, Tibshirani &amp;
 * Friedman, <i>The Elements of Statistical Learning</i>, §4.4.1.
 */
public final class LogisticTrainer {

    /** @param l2 ridge penalty; @param iterations Newton steps (converges in under 15 on this scale) */
    public record Config(double l2, int iterations, double testShare, long seed) {
        public Config {
            if (!(l2 >= 0) || Double.isInfinite(l2)) throw new IllegalArgumentException("l2 must be ≥ 0 and finite: " + l2);
            if (iterations < 1) throw new IllegalArgumentException("iterations must be at least 1: " + iterations);
            if (!(testShare >= 0 && testShare < 1)) throw new IllegalArgumentException("testShare must be in [0, 1): " + testShare);
        }

        /** L2 1.0, 25 Newton iterations, 30 % held out, seed 42. */
        public static Config defaults() { return builder().build(); }

        public static Builder builder() { return new Builder(); }

        public Builder toBuilder() { return new Builder().l2(l2).iterations(iterations).testShare(testShare).seed(seed); }

        /** Builds a {@link Config}; the defaults live here. Not thread-safe. */
        public static final class Builder {
            private double l2 = 1.0, testShare = 0.3;
            private int iterations = 25;
            private long seed = 42L;

            private Builder() {}

            public Builder l2(double v) { l2 = v; return this; }
            public Builder iterations(int v) { iterations = v; return this; }
            public Builder testShare(double v) { testShare = v; return this; }
            public Builder seed(long v) { seed = v; return this; }

            public Config build() { return new Config(l2, iterations, testShare, seed); }
        }
    }

    /** Held-out figures: accuracy at 0.5, ROC AUC, Brier score, and the split sizes. */
    public record Evaluation(LogisticModel model, int trainSize, int testSize, double accuracy, double auc,
                             double brier, double baseRate) {}

    private final Config config;

    public LogisticTrainer(Config config) {
        this.config = config;
    }

    /** Fits on all rows of {@code x} (rows = examples) with labels {@code y} (0/1). */
    public LogisticModel fit(double[][] x, boolean[] y) {
        int n = x.length;
        if (n == 0) throw new IllegalArgumentException("no training examples");
        int d = x[0].length;
        double[] beta = new double[d + 1]; // beta[0] = bias
        int pos = 0;
        for (boolean b : y) if (b) pos++;
        double prior = (pos + 0.5) / (n + 1.0);
        beta[0] = Math.log(prior / (1 - prior));
        double[][] h = new double[d + 1][d + 1];
        double[] g = new double[d + 1];
        double[] row = new double[d + 1];
        for (int it = 0; it < config.iterations(); it++) {
            for (double[] r : h) Arrays.fill(r, 0);
            Arrays.fill(g, 0);
            for (int i = 0; i < n; i++) {
                row[0] = 1;
                System.arraycopy(x[i], 0, row, 1, d);
                double z = 0;
                for (int j = 0; j <= d; j++) z += beta[j] * row[j];
                double p = LogisticModel.sigmoid(z);
                double w = Math.max(p * (1 - p), 1e-9);
                double err = (y[i] ? 1 : 0) - p;
                for (int j = 0; j <= d; j++) {
                    g[j] += err * row[j];
                    double wr = w * row[j];
                    for (int k = j; k <= d; k++) h[j][k] += wr * row[k];
                }
            }
            for (int j = 1; j <= d; j++) {
                g[j] -= config.l2() * beta[j];
                h[j][j] += config.l2();
            }
            for (int j = 0; j <= d; j++) for (int k = 0; k < j; k++) h[j][k] = h[k][j];
            h[0][0] += 1e-9;
            double[] step = solve(h, g);
            // backtracking: halve the Newton step until the penalised log-likelihood does not decrease
            double before = objective(x, y, beta);
            double[] trial = new double[d + 1];
            double scale = 1;
            for (int half = 0; half < 40; half++, scale /= 2) {
                for (int j = 0; j <= d; j++) trial[j] = beta[j] + scale * step[j];
                if (objective(x, y, trial) >= before - 1e-12) break;
            }
            double norm = 0;
            for (int j = 0; j <= d; j++) {
                norm = Math.max(norm, Math.abs(trial[j] - beta[j]));
                beta[j] = trial[j];
            }
            if (norm < 1e-8) break;
        }
        return new LogisticModel(beta[0], Arrays.copyOfRange(beta, 1, d + 1));
    }

    /** Penalised log-likelihood {@code Σ log p(yᵢ) − l2/2 · Σ wⱼ²} (bias not penalised). */
    private double objective(double[][] x, boolean[] y, double[] beta) {
        double ll = 0;
        for (int i = 0; i < x.length; i++) {
            double z = beta[0];
            for (int j = 0; j < x[i].length; j++) z += beta[j + 1] * x[i][j];
            // log σ(z) = −log(1 + e^{−z}), computed stably
            double m = y[i] ? -z : z;
            ll -= m > 0 ? m + Math.log1p(Math.exp(-m)) : Math.log1p(Math.exp(m));
        }
        double pen = 0;
        for (int j = 1; j < beta.length; j++) pen += beta[j] * beta[j];
        return ll - config.l2() / 2 * pen;
    }

    /**
     * The held-out rows of a stratified split: the rows are shuffled with the seed and, per label, the
     * first {@code round(count × testShare)} are held out. Every trainer uses this split, so their
     * held-out figures are comparable.
     */
    public static boolean[] heldOut(boolean[] y, double testShare, long seed) {
        int n = y.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = order[i]; order[i] = order[j]; order[j] = t;
        }
        boolean[] test = new boolean[n];
        int[] seen = new int[2], total = new int[2];
        for (boolean b : y) total[b ? 1 : 0]++;
        for (int i : order) {
            int c = y[i] ? 1 : 0;
            if (seen[c] < Math.round(total[c] * testShare)) test[i] = true;
            seen[c]++;
        }
        return test;
    }

    /**
     * Splits the examples (stratified by label, shuffled with the seed), fits on the training part and
     * evaluates on the held-out part; the returned model is refitted on all examples.
     */
    public Evaluation trainAndEvaluate(double[][] x, boolean[] y) {
        int n = x.length;
        boolean[] test = heldOut(y, config.testShare(), config.seed());
        int nt = 0;
        for (boolean t : test) if (t) nt++;
        double[][] xtr = new double[n - nt][], xte = new double[nt][];
        boolean[] ytr = new boolean[n - nt], yte = new boolean[nt];
        int a = 0, b = 0;
        for (int i = 0; i < n; i++) {
            if (test[i]) { xte[b] = x[i]; yte[b++] = y[i]; }
            else { xtr[a] = x[i]; ytr[a++] = y[i]; }
        }
        LogisticModel m = fit(xtr, ytr);
        double[] p = new double[nt];
        int correct = 0, pos = 0;
        double brier = 0;
        for (int i = 0; i < nt; i++) {
            p[i] = m.probability(xte[i]);
            if ((p[i] >= 0.5) == yte[i]) correct++;
            if (yte[i]) pos++;
            double e = p[i] - (yte[i] ? 1 : 0);
            brier += e * e;
        }
        return new Evaluation(fit(x, y), n - nt, nt, nt == 0 ? Double.NaN : correct / (double) nt, auc(p, yte),
                nt == 0 ? Double.NaN : brier / nt, nt == 0 ? Double.NaN : pos / (double) nt);
    }

    /** ROC AUC as the Mann–Whitney statistic with ties counted half; NaN when a class is missing. */
    public static double auc(double[] score, boolean[] label) {
        int n = score.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        Arrays.sort(idx, (i, j) -> Double.compare(score[i], score[j]));
        double rankSumPos = 0;
        long pos = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && score[idx[j + 1]] == score[idx[i]]) j++;
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) if (label[idx[k]]) { rankSumPos += rank; pos++; }
            i = j + 1;
        }
        long neg = n - pos;
        if (pos == 0 || neg == 0) return Double.NaN;
        return (rankSumPos - pos * (pos + 1) / 2.0) / (pos * (double) neg);
    }

    /** Solves {@code a·x = b} by Gaussian elimination with partial pivoting (a is copied). */
    static double[] solve(double[][] a0, double[] b0) {
        int n = b0.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) a[i] = a0[i].clone();
        double[] b = b0.clone();
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
            double[] t = a[c]; a[c] = a[p]; a[p] = t;
            double tb = b[c]; b[c] = b[p]; b[p] = tb;
            if (Math.abs(a[c][c]) < 1e-12) continue;
            for (int r = c + 1; r < n; r++) {
                double f = a[r][c] / a[c][c];
                if (f == 0) continue;
                for (int k = c; k < n; k++) a[r][k] -= f * a[c][k];
                b[r] -= f * b[c];
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = b[r];
            for (int k = r + 1; k < n; k++) s -= a[r][k] * x[k];
            x[r] = Math.abs(a[r][r]) < 1e-12 ? 0 : s / a[r][r];
        }
        return x;
    }
}
