package org.lockstep.core.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LogisticTrainerTest {
    @Test
    void aucIsTheMannWhitneyStatistic() {
        // positives 0.35, 0.8; negatives 0.1, 0.4: pairs won 1 (0.35>0.1), 0 (0.35<0.4), 1, 1 -> 3/4
        assertEquals(0.75, LogisticTrainer.auc(new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {false, false, true, true}), 1e-12);
        // a tie counts half
        assertEquals(0.5, LogisticTrainer.auc(new double[] {0.5, 0.5}, new boolean[] {false, true}), 1e-12);
    }

    @Test
    void solvesALinearSystem() {
        double[] x = LogisticTrainer.solve(new double[][] {{2, 1}, {1, 3}}, new double[] {3, 5});
        assertEquals(0.8, x[0], 1e-12);
        assertEquals(1.4, x[1], 1e-12);
    }

    @Test
    void recoversTheGeneratingWeights() {
        SplittableRandom rnd = new SplittableRandom(7);
        int n = 40_000;
        double[][] x = new double[n][2];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = rnd.nextDouble();
            x[i][1] = rnd.nextDouble();
            double p = 1 / (1 + Math.exp(-(-0.5 + 2 * x[i][0] - 1 * x[i][1])));
            y[i] = rnd.nextDouble() < p;
        }
        LogisticModel m = new LogisticTrainer(new LogisticTrainer.Config(0.0, 30, 0.3, 1)).fit(x, y);
        assertEquals(-0.5, m.bias(), 0.1);
        assertEquals(2.0, m.weights()[0], 0.12);
        assertEquals(-1.0, m.weights()[1], 0.12);
    }

    @Test
    void heldOutEvaluationOnSeparableData() {
        int n = 1000;
        double[][] x = new double[n][1];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) { x[i][0] = i / (double) n; y[i] = i >= n / 2; }
        LogisticTrainer.Evaluation e = new LogisticTrainer(LogisticTrainer.Config.defaults()).trainAndEvaluate(x, y);
        assertEquals(300, e.testSize());
        assertEquals(700, e.trainSize());
        assertEquals(1.0, e.auc(), 1e-12);
        assertTrue(e.accuracy() > 0.95, "accuracy " + e.accuracy());
        assertEquals(0.5, e.baseRate(), 1e-12);
    }
}
