package org.lockstep.core.coord;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The network stage's ordering of the evidence pairs and the group summaries, on cases worked out by hand. */
class CoordNetworkStageTest {

    @Test
    void pairsByEdgeThenTimesTiesInSweepOrder() {
        long[] t = {100, 200, 100, 300, 150, 150, 50};
        // pair k: edge, earlier action, later action
        int[] pe = {1, 0, 1, 0, 1, 2, 0, 1};
        int[] pi = {0, 2, 6, 2, 0, 4, 6, 2};
        int[] pj = {1, 3, 3, 1, 1, 5, 5, 1};
        // edge 0: k6 (50, 150), k3 (100, 200), k1 (100, 300); edge 1: k2 (50, 300), then k0, k4, k7 all at
        // (100, 200) in the sweep's order; edge 2: k5; edge 3 has no pairs
        assertArrayEquals(new int[] {6, 3, 1, 2, 0, 4, 7, 5}, PairOrder.of(pe, pi, pj, pe.length, t, 4));
    }

    @Test
    void pairOrderIsTheSortByEdgeTimesAndIndex() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int round = 0; round < 20; round++) {
            int edges = 1 + rnd.nextInt(40), actions = 1 + rnd.nextInt(60), np = rnd.nextInt(3000);
            long[] t = new long[actions];
            // few distinct times: many ties, and edges with hundreds of pairs (the merge sort, not only insertion)
            for (int a = 0; a < actions; a++) t[a] = rnd.nextInt(8);
            int[] pe = new int[np], pi = new int[np], pj = new int[np];
            for (int k = 0; k < np; k++) {
                pe[k] = rnd.nextInt(round % 2 == 0 ? edges : Math.min(edges, 3));
                pi[k] = rnd.nextInt(actions);
                pj[k] = rnd.nextInt(actions);
            }
            Integer[] want = new Integer[np];
            for (int k = 0; k < np; k++) want[k] = k;
            Arrays.sort(want, (u, v) -> pe[u] != pe[v] ? Integer.compare(pe[u], pe[v]) : t[pi[u]] != t[pi[v]] ? Long.compare(t[pi[u]], t[pi[v]])
                    : t[pj[u]] != t[pj[v]] ? Long.compare(t[pj[u]], t[pj[v]]) : Integer.compare(u, v));
            assertArrayEquals(Arrays.stream(want).mapToInt(Integer::intValue).toArray(), PairOrder.of(pe, pi, pj, np, t, edges));
        }
    }

    @Test
    void groupSummaryCountsObjectsAndLeadersOverInterleavedPairs() {
        Actions.Builder b = new Actions.Builder(3, a -> "acc" + a, c -> "post" + c);
        b.beginSignal(Signal.CO_LINK, 2, o -> o == 0 ? "A" : "B");
        long[][] rows = {{0, 0, 10}, {1, 0, 20}, {2, 0, 30}, {0, 1, 40}, {1, 1, 40}, {2, 1, 50}, {2, 0, 12}}; // account, object, time
        for (int i = 0; i < rows.length; i++) b.add((int) rows[i][1], (int) rows[i][0], i, i, rows[i][2]);
        Actions x = b.build();
        int[] ea = {0, 0, 1}, eb = {1, 2, 2};
        int[] sig = new int[3];
        Arrays.fill(sig, 1 << Signal.CO_LINK.ordinal());
        int[] z = new int[3];
        long[] zl = new long[3];
        double[] zd = new double[3];
        Edges edges = new Edges(3, ea, eb, z, z, z, z, zl, zl, zd, z, z, sig, zd, zd, zd, zd, z, zd, zd, zd);
        // pairs in an order where the object and the leader change back and forth:
        // objects A B A A B B A, leaders 0 0 0 1 (tie) 1 2
        int[] pi = {0, 3, 0, 1, 3, 4, 6}, pj = {1, 5, 2, 2, 4, 5, 1}, pe = {0, 1, 1, 2, 0, 2, 2};
        int[] group = {0, 0, 0}, component = {0, 0, 0}, members = {0, 1, 2};
        List<GroupStats> gs = GroupSummaries.build(x, edges, pi, pj, pe, pi.length, group, component, members, null);
        assertEquals(1, gs.size());
        GroupStats g = gs.get(0);
        assertEquals(7, g.coActions());
        assertEquals(3, g.edges());
        assertEquals(1.0, g.density(), 0);
        assertEquals(10, g.firstMs());
        assertEquals(50, g.lastMs());
        // A: pairs 0, 2, 3, 6; B: pairs 1, 4, 5
        assertEquals(List.of(new GroupStats.ObjectCount(0, Signal.CO_LINK, "A", 4), new GroupStats.ObjectCount(1, Signal.CO_LINK, "B", 3)),
                g.topObjects());
        // acc0 first in pairs 0, 1, 2; acc1 in 3 and 5 (pair 4 is a tie at 40); acc2 (at 12) before acc1 (at 20) in pair 6
        assertEquals(List.of(new GroupStats.Leader(0, 3), new GroupStats.Leader(1, 2), new GroupStats.Leader(2, 1)), g.leaders());
    }
}
