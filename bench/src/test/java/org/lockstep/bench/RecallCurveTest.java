package org.lockstep.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lockstep.sim.Timing;

/** The recall curve's bins, intervals, ground-truth parsing and report, on hand-made accounts. */
class RecallCurveTest {
    @Test
    void binsAreInclusiveUpperBounds() {
        assertEquals(0, RecallCurve.bin(10_000, RecallCurve.DELAY_BOUNDS));
        assertEquals(1, RecallCurve.bin(10_001, RecallCurve.DELAY_BOUNDS));
        assertEquals(2, RecallCurve.bin(60_000, RecallCurve.DELAY_BOUNDS));
        assertEquals(6, RecallCurve.bin(3_600_000, RecallCurve.DELAY_BOUNDS));
        assertEquals(2, RecallCurve.bin(5, RecallCurve.POST_BOUNDS));
        assertEquals(3, RecallCurve.bin(6, RecallCurve.POST_BOUNDS));
    }

    @Test
    void wilsonIntervalMatchesTheFormula() {
        double[] ci = RecallCurve.wilson(8, 10); // known value: 0.490–0.943
        assertEquals(0.490, ci[0], 0.001);
        assertEquals(0.943, ci[1], 0.001);
        assertArrayEquals(new double[] {0, 0.2775}, RecallCurve.wilson(0, 10), 0.001);
    }

    @Test
    void tuningAndTestingSeedsAreDisjoint() {
        for (long t : RecallCurve.TESTING_SEEDS) for (long u : RecallCurve.TUNING_SEEDS) assertTrue(t != u);
    }

    @Test
    void groundTruthAndReport() throws Exception {
        String labels = "{\"operations\":[{\"id\":\"op1-sockpuppet_network\",\"delay_median_ms\":20000,"
                + "\"accounts\":[\"1\",\"2\",\"3\"],\"account_delay_ms\":[5000,90000,null],\"account_posts\":[8,2,4]}]}";
        String accounts = "account_id,handle,role,operation\n1,a,sockpuppet,op1\n2,b,sockpuppet,op1\n3,c,sockpuppet,op1\n"
                + "4,d,organic_hyperactive,\n";
        PlantedAccounts truth = new PlantedAccounts(labels.getBytes(StandardCharsets.UTF_8), accounts.getBytes(StandardCharsets.UTF_8));
        assertEquals(3, truth.planted.size());
        assertEquals(-1, truth.planted.get("3").delayMs());
        assertEquals(2, truth.planted.get("2").posts());
        assertTrue(truth.isHyperactive("4") && !truth.isPlanted("4"));
        assertEquals(Map.of("op1-sockpuppet_network", 20_000L), truth.operationDelayMs);
        List<RecallCurve.Scored> scored = new ArrayList<>();
        scored.add(new RecallCurve.Scored(truth.planted.get("1"), true));
        scored.add(new RecallCurve.Scored(truth.planted.get("2"), false));
        scored.add(new RecallCurve.Scored(truth.planted.get("3"), true));
        RecallCurve.Run run = new RecallCurve.Run(7, scored, 3, 2, 1, 0, truth.operationDelayMs, 0, 0);
        assertArrayEquals(new int[] {1, 1}, RecallCurve.fastActive(List.of(run)), "account 1: 5 s, 8 posts");
        String report = RecallCurve.report(List.of(run), 1000, Timing.DEFAULTS);
        assertTrue(report.contains("| ≤ 10 s | 1 | 1 | 1.00"), report);
        assertTrue(report.contains("| 1–2 min | 1 | 0 | 0.00"), report);
        assertTrue(report.contains("2 of 3 flagged accounts were planted (0.667); organic hyperactive accounts flagged: 1"), report);
    }
}
