package org.lockstep.io.train;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.lockstep.core.accounts.LogisticTrainer;

/**
 * Gradient-boosted trees (XGBoost, {@code binary:logistic}) on the per-account feature matrix of
 * {@code lockstep accounts --train}, with per-account explanations from XGBoost's exact TreeSHAP
 * contributions ({@link Booster#predictContrib}). Lives outside {@code core} because it loads a native library,
 * and outside the cli because it is library logic: a script or the workbench trains the same way.
 *
 * <p>Deterministic for a seed: one thread, no row or column subsampling, the {@code hist} tree method.
 */
public final class XgbTrainer {

    /** Small on purpose: a dozen features in [0, 1] and typically thousands of labelled accounts. */
    public record Config(int rounds, int maxDepth, double eta, double minChildWeight, double lambda, int nthread,
                  double testShare, long seed) {
        public Config {
            if (rounds < 1 || maxDepth < 1 || nthread < 1) throw new IllegalArgumentException("rounds, maxDepth and nthread must be at least 1");
            if (!(eta > 0 && eta <= 1)) throw new IllegalArgumentException("eta must be in (0, 1]: " + eta);
            if (!(minChildWeight >= 0) || !(lambda >= 0)) throw new IllegalArgumentException("minChildWeight and lambda must be ≥ 0");
            if (!(testShare >= 0 && testShare < 1)) throw new IllegalArgumentException("testShare must be in [0, 1): " + testShare);
        }

        /** 80 rounds of depth 3, eta 0.1, min child weight 1, lambda 1, one thread, 30 % held out. */
        public static Config defaults(long seed) { return builder().seed(seed).build(); }

        public static Builder builder() { return new Builder(); }

        /** Builds a {@link Config}; the defaults live here. Not thread-safe. */
        public static final class Builder {
            private int rounds = 80, maxDepth = 3, nthread = 1;
            private double eta = 0.1, minChildWeight = 1.0, lambda = 1.0, testShare = 0.3;
            private long seed = 42L;

            private Builder() {}

            public Builder rounds(int v) { rounds = v; return this; }
            public Builder maxDepth(int v) { maxDepth = v; return this; }
            public Builder eta(double v) { eta = v; return this; }
            public Builder minChildWeight(double v) { minChildWeight = v; return this; }
            public Builder lambda(double v) { lambda = v; return this; }
            /** Threads of XGBoost; more than one is faster but not bit-for-bit repeatable. */
            public Builder nthread(int v) { nthread = v; return this; }
            public Builder testShare(double v) { testShare = v; return this; }
            public Builder seed(long v) { seed = v; return this; }

            public Config build() { return new Config(rounds, maxDepth, eta, minChildWeight, lambda, nthread, testShare, seed); }
        }

        public Map<String, Object> params() {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("objective", "binary:logistic");
            p.put("eval_metric", "logloss");
            p.put("tree_method", "hist");
            p.put("max_depth", maxDepth);
            p.put("eta", eta);
            p.put("min_child_weight", minChildWeight);
            p.put("lambda", lambda);
            p.put("nthread", nthread);
            p.put("seed", seed);
            p.put("verbosity", 0);
            return p;
        }
    }

    /** Held-out figures (accuracy at 0.5, ROC AUC, Brier score, base rate) and the booster refitted on all rows. */
    public record Evaluation(Booster model, int trainSize, int testSize, double accuracy, double auc, double brier,
                      double baseRate) {}

    /** Accuracy at 0.5, ROC AUC and Brier score of probabilities {@code p} against labels {@code y}. */
    public record Figures(double accuracy, double auc, double brier, double baseRate) {
        public static Figures of(double[] p, boolean[] y) {
            int n = p.length, correct = 0, pos = 0;
            double brier = 0;
            for (int i = 0; i < n; i++) {
                if ((p[i] >= 0.5) == y[i]) correct++;
                if (y[i]) pos++;
                double e = p[i] - (y[i] ? 1 : 0);
                brier += e * e;
            }
            return n == 0 ? new Figures(Double.NaN, Double.NaN, Double.NaN, Double.NaN)
                    : new Figures(correct / (double) n, LogisticTrainer.auc(p, y), brier / n, pos / (double) n);
        }
    }

    private final Config config;

    public XgbTrainer(Config config) {
        this.config = config;
    }

    public Config config() { return config; }

    /**
     * The held-out rows: the stratified, seeded split of {@link LogisticTrainer#trainAndEvaluate} (same shuffle,
     * same per-class counts), so both trainers and the default weights are scored on the same accounts.
     */
    public static boolean[] heldOut(boolean[] y, double testShare, long seed) {
        return org.lockstep.core.accounts.LogisticTrainer.heldOut(y, testShare, seed);
    }

    /** Fits on all rows of {@code x} with labels {@code y}. */
    public Booster fit(double[][] x, boolean[] y) throws XGBoostError {
        if (x.length == 0) throw new IllegalArgumentException("no training examples");
        DMatrix d = matrix(x);
        try {
            float[] label = new float[y.length];
            for (int i = 0; i < y.length; i++) label[i] = y[i] ? 1f : 0f;
            d.setLabel(label);
            return XGBoost.train(d, config.params(), config.rounds(), Map.of(), null, null);
        } finally {
            d.dispose();
        }
    }

    /** Fits on the training part of the split, evaluates on the held-out part, then refits on all rows. */
    public Evaluation trainAndEvaluate(double[][] x, boolean[] y) throws XGBoostError {
        boolean[] test = heldOut(y, config.testShare(), config.seed());
        int nt = 0;
        for (boolean t : test) if (t) nt++;
        int n = x.length;
        double[][] xtr = new double[n - nt][], xte = new double[nt][];
        boolean[] ytr = new boolean[n - nt], yte = new boolean[nt];
        int a = 0, b = 0;
        for (int i = 0; i < n; i++) {
            if (test[i]) { xte[b] = x[i]; yte[b++] = y[i]; }
            else { xtr[a] = x[i]; ytr[a++] = y[i]; }
        }
        Booster m = fit(xtr, ytr);
        Figures f;
        try {
            f = Figures.of(probabilities(m, xte), yte);
        } finally {
            m.dispose();
        }
        return new Evaluation(fit(x, y), n - nt, nt, f.accuracy(), f.auc(), f.brier(), f.baseRate());
    }

    /** Predicted probabilities of the positive class. */
    public static double[] probabilities(Booster m, double[][] x) throws XGBoostError {
        if (x.length == 0) return new double[0];
        DMatrix d = matrix(x);
        try {
            float[][] p = m.predict(d);
            double[] out = new double[x.length];
            for (int i = 0; i < out.length; i++) out[i] = p[i][0];
            return out;
        } finally {
            d.dispose();
        }
    }

    /**
     * SHAP contributions in log-odds: row {@code i} has one value per feature and, last, the bias (expected
     * margin); they sum to the row's logit.
     */
    public static double[][] contributions(Booster m, double[][] x) throws XGBoostError {
        if (x.length == 0) return new double[0][];
        DMatrix d = matrix(x);
        try {
            float[][] c = m.predictContrib(d, 0);
            double[][] out = new double[c.length][];
            for (int i = 0; i < c.length; i++) {
                out[i] = new double[c[i].length];
                for (int k = 0; k < c[i].length; k++) out[i][k] = c[i][k];
            }
            return out;
        } finally {
            d.dispose();
        }
    }

    public static void save(Booster m, Path file) throws XGBoostError {
        m.saveModel(file.toString());
    }

    public static Booster load(Path file) throws XGBoostError {
        return XGBoost.loadModel(file.toString());
    }

    private static DMatrix matrix(double[][] x) throws XGBoostError {
        int n = x.length, d = x[0].length;
        float[] flat = new float[n * d];
        for (int i = 0; i < n; i++) for (int k = 0; k < d; k++) flat[i * d + k] = (float) x[i][k];
        return new DMatrix(flat, n, d, Float.NaN);
    }
}
