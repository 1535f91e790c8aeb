package org.lockstep.io.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.SplittableRandom;
import ml.dmlc.xgboost4j.java.Booster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lockstep.core.accounts.LogisticTrainer;

/** XGBoost on a synthetic matrix with a known rule: label = (feature 0 > 0.5), features 1..3 noise. */
class XgbTrainerTest {
    @TempDir
    Path dir;

    static final int N = 2000, D = 4;

    static double[][] x() {
        SplittableRandom r = new SplittableRandom(7);
        double[][] x = new double[N][D];
        for (double[] row : x) for (int k = 0; k < D; k++) row[k] = r.nextDouble();
        return x;
    }

    static boolean[] y(double[][] x) {
        boolean[] y = new boolean[x.length];
        for (int i = 0; i < x.length; i++) y[i] = x[i][0] > 0.5;
        return y;
    }

    @Test
    void learnsTheRuleAndShapPointsAtIt() throws Exception {
        double[][] x = x();
        boolean[] y = y(x);
        XgbTrainer.Evaluation ev = new XgbTrainer(XgbTrainer.Config.defaults(42)).trainAndEvaluate(x, y);
        try {
            // stratified 30% split: round(0.3 * class counts)
            assertEquals(N, ev.trainSize() + ev.testSize());
            assertEquals(600, ev.testSize(), 1);
            assertTrue(ev.accuracy() >= 0.95, "held-out accuracy " + ev.accuracy());
            assertTrue(ev.auc() >= 0.99, "held-out AUC " + ev.auc());
            assertTrue(ev.brier() <= 0.05, "held-out Brier " + ev.brier());

            double[][] c = XgbTrainer.contributions(ev.model(), x);
            double[] p = XgbTrainer.probabilities(ev.model(), x);
            double[] meanAbs = new double[D];
            for (int i = 0; i < N; i++) {
                assertEquals(D + 1, c[i].length);
                double z = 0;
                for (double v : c[i]) z += v;
                // SHAP values plus the bias sum to the margin
                assertEquals(p[i], 1 / (1 + Math.exp(-z)), 1e-4);
                for (int k = 0; k < D; k++) meanAbs[k] += Math.abs(c[i][k]) / N;
                // the rule's feature pushes the right way
                if (x[i][0] > 0.6) assertTrue(c[i][0] > 0, "row " + i);
                if (x[i][0] < 0.4) assertTrue(c[i][0] < 0, "row " + i);
            }
            for (int k = 1; k < D; k++) {
                assertTrue(meanAbs[0] > 10 * meanAbs[k], "feature 0 dominates: " + java.util.Arrays.toString(meanAbs));
            }

            // saved and reloaded: same predictions
            Path f = dir.resolve("model.ubj");
            XgbTrainer.save(ev.model(), f);
            Booster back = XgbTrainer.load(f);
            try {
                double[] q = XgbTrainer.probabilities(back, x);
                for (int i = 0; i < N; i++) assertEquals(p[i], q[i], 1e-7);
            } finally {
                back.dispose();
            }
        } finally {
            ev.model().dispose();
        }
    }

    @Test
    void deterministicAndSameSplitAsTheLogisticTrainer() throws Exception {
        double[][] x = x();
        boolean[] y = y(x);
        XgbTrainer t = new XgbTrainer(XgbTrainer.Config.defaults(5));
        XgbTrainer.Evaluation a = t.trainAndEvaluate(x, y), b = t.trainAndEvaluate(x, y);
        LogisticTrainer.Evaluation l = new LogisticTrainer(new LogisticTrainer.Config(1.0, 25, 0.3, 5)).trainAndEvaluate(x, y);
        try {
            assertEquals(a.accuracy(), b.accuracy());
            assertEquals(a.brier(), b.brier());
            assertArrayEquals(XgbTrainer.probabilities(a.model(), x), XgbTrainer.probabilities(b.model(), x));
            assertEquals(l.testSize(), a.testSize());
            assertEquals(l.baseRate(), a.baseRate());
            // refitting the logistic model on heldOut()'s training rows reproduces its held-out figures exactly:
            // the two trainers split the same rows
            boolean[] test = XgbTrainer.heldOut(y, 0.3, 5);
            java.util.List<double[]> xtr = new java.util.ArrayList<>(), xte = new java.util.ArrayList<>();
            java.util.List<Boolean> ytr = new java.util.ArrayList<>(), yte = new java.util.ArrayList<>();
            for (int i = 0; i < N; i++) {
                (test[i] ? xte : xtr).add(x[i]);
                (test[i] ? yte : ytr).add(y[i]);
            }
            boolean[] ytrA = new boolean[ytr.size()], yteA = new boolean[yte.size()];
            for (int i = 0; i < ytrA.length; i++) ytrA[i] = ytr.get(i);
            for (int i = 0; i < yteA.length; i++) yteA[i] = yte.get(i);
            var m = new LogisticTrainer(new LogisticTrainer.Config(1.0, 25, 0.3, 5)).fit(xtr.toArray(new double[0][]), ytrA);
            double[] p = new double[yteA.length];
            for (int i = 0; i < p.length; i++) p[i] = m.probability(xte.get(i));
            XgbTrainer.Figures f = XgbTrainer.Figures.of(p, yteA);
            assertEquals(l.accuracy(), f.accuracy(), 1e-12);
            assertEquals(l.brier(), f.brier(), 1e-12);
            assertEquals(l.auc(), f.auc(), 1e-12);
        } finally {
            a.model().dispose();
            b.model().dispose();
        }
    }
}
