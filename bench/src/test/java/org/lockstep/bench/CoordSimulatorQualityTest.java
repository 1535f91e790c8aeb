package org.lockstep.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lockstep.sim.SimConfig;
import org.lockstep.sim.Timing;

/**
 * Default detection on the simulator's election scenario, read back through the real Twitter v1.1
 * reader and scored per planted account ({@link RecallCurve}), on held-out seeds only: the
 * detector's defaults and the simulator's old timings were tuned on {@link RecallCurve#TUNING_SEEDS},
 * this test runs {@link #SEEDS}, a subset of {@link RecallCurve#TESTING_SEEDS}.
 *
 * <p>The planted operators' delays straddle the detector's windows ({@link Timing#DEFAULTS}), so
 * only what the windows can see is asserted: operators faster than the 60 s window with at least
 * six posts are found (recall ≥ {@link #FAST_ACTIVE_RECALL}), flagged accounts are planted
 * (precision ≥ {@link #PRECISION}), no organic hyperactive account is flagged and every kept edge is
 * significant and backed by evidence. Slower and sparser operators' recall is printed, not asserted
 * high. Thresholds come from the curve on the tuning seeds at this size (docs/simulator.md), with
 * margin for the detector's statistics to move.
 */
class CoordSimulatorQualityTest {
    /** Held-out seeds this test runs (a subset of the testing seeds, to keep the test short). */
    static final long[] SEEDS = {101, 102};
    static final long POSTS = 50_000;
    /**
     * Tuning seeds 11, 5, 7 at 50k posts with the two-test statistics (one ±15 min jitter for every signal,
     * co-occurrence at its own rate): 0.74, 0.54, 0.61 per seed, 0.63 together (docs/simulator.md); 0.45 is
     * below the worst tuning seed. (With the old 72 h content jitter it was 0.91.)
     */
    static final double FAST_ACTIVE_RECALL = 0.45;
    /** Tuning seeds at 50k posts: 1.000 per seed with the two-test statistics (0.985–1.000 before). */
    static final double PRECISION = 0.95;

    @Test
    void defaultSettingsFindFastOperatorsOnHeldOutSeeds(@TempDir Path dir) throws Exception {
        for (long s : SEEDS) {
            assertTrue(contains(RecallCurve.TESTING_SEEDS, s) && !contains(RecallCurve.TUNING_SEEDS, s), "seed " + s);
        }
        List<RecallCurve.Run> runs = new ArrayList<>();
        for (long seed : SEEDS) runs.add(RecallCurve.run(SimConfig.scenario("election", POSTS, seed), dir));
        String report = RecallCurve.report(runs, POSTS, Timing.DEFAULTS);
        System.out.println(report);

        int[] fastActive = RecallCurve.fastActive(runs);
        int found = fastActive[0], total = fastActive[1];
        assertTrue(total >= 80, "enough fast, active operators to judge: " + total);
        double recall = found / (double) total;
        assertTrue(recall >= FAST_ACTIVE_RECALL, "recall of operators faster than the window with >= 6 posts: "
                + found + "/" + total + "\n" + report);
        int flagged = 0, planted = 0;
        for (RecallCurve.Run r : runs) {
            flagged += r.flagged();
            planted += r.flaggedPlanted();
            assertEquals(0, r.flaggedHyperactive(), "organic hyperactive accounts flagged, seed " + r.seed());
            assertEquals(0, r.unbackedEdges(), "kept edges without significance or evidence, seed " + r.seed());
        }
        assertTrue(flagged > 0 && planted / (double) flagged >= PRECISION, "precision " + planted + "/" + flagged + "\n" + report);
    }

    private static boolean contains(long[] a, long v) {
        for (long x : a) if (x == v) return true;
        return false;
    }
}
