package org.lockstep.core.coord;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pair kernel on hand-made columns, checked against hand counts and a brute-force oracle. */
class CoordPairKernelTest {

    private static List<String> pairs(int[] o, int[] a, long[] t, long w, int cap, PairKernel.Stats[] st) {
        List<String> out = new ArrayList<>();
        byte[] s = new byte[o.length];
        st[0] = PairKernel.run(o, a, t, s, new long[] {w}, cap, null, (i, j) -> out.add(i + "-" + j));
        return out;
    }

    @Test
    void windowIsExactAndInclusiveAcrossBinBoundaries() {
        // object 0: times 59 s, 61 s (2 s apart, across a minute boundary), 121 s (60 s after 61 s), 182 s
        int[] o = {0, 0, 0, 0};
        int[] a = {1, 2, 3, 4};
        long[] t = {59_000, 61_000, 121_000, 182_000};
        PairKernel.Stats[] st = new PairKernel.Stats[1];
        assertEquals(List.of("0-1", "1-2"), pairs(o, a, t, 60_000, 100, st));
        assertEquals(2, st[0].pairs);
        assertEquals(0, st[0].droppedPairs);
    }

    @Test
    void sameAccountPairsAreSkippedAndObjectsDoNotMix() {
        int[] o = {0, 0, 0, 1, 1};
        int[] a = {1, 1, 2, 2, 1};
        long[] t = {0, 1, 2, 3, 4};
        PairKernel.Stats[] st = new PairKernel.Stats[1];
        assertEquals(List.of("0-2", "1-2", "3-4"), pairs(o, a, t, 10, 100, st));
    }

    @Test
    void viralBoundKeepsNearestPartnersAndCountsTheRest() {
        int n = 10;
        int[] o = new int[n], a = new int[n];
        long[] t = new long[n];
        for (int i = 0; i < n; i++) { a[i] = i; t[i] = i; }
        PairKernel.Stats[] st = new PairKernel.Stats[1];
        long[] within = new long[1];
        List<String> got = new ArrayList<>();
        st[0] = PairKernel.run(o, a, t, new byte[n], new long[] {100}, 3, within, (i, j) -> got.add(i + "-" + j));
        // all 45 pairs are within the window; each action keeps at most 3 later partners: 3*7 + 2 + 1 = 24
        assertEquals(24, got.size());
        assertEquals(45 - 24, st[0].droppedPairs);
        assertEquals(45, within[0]);
        assertEquals(1, st[0].cappedObjects);
        assertEquals("0-3", got.get(2));
    }

    @Test
    void matchesBruteForceOnRandomColumns() {
        java.util.Random rnd = new java.util.Random(7);
        for (int round = 0; round < 50; round++) {
            int n = 1 + rnd.nextInt(60);
            int[] o = new int[n], a = new int[n];
            long[] t = new long[n];
            for (int i = 0; i < n; i++) { o[i] = rnd.nextInt(4); a[i] = rnd.nextInt(6); t[i] = rnd.nextInt(200); }
            // sort by (object, time)
            Integer[] idx = new Integer[n];
            for (int i = 0; i < n; i++) idx[i] = i;
            java.util.Arrays.sort(idx, (x, y) -> o[x] != o[y] ? Integer.compare(o[x], o[y]) : Long.compare(t[x], t[y]));
            int[] so = new int[n], sa = new int[n];
            long[] st = new long[n];
            for (int i = 0; i < n; i++) { so[i] = o[idx[i]]; sa[i] = a[idx[i]]; st[i] = t[idx[i]]; }
            long w = rnd.nextInt(50);
            long[] count = new long[1];
            PairKernel.run(so, sa, st, new byte[n], new long[] {w}, Integer.MAX_VALUE, null, (i, j) -> count[0]++);
            long brute = 0;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    if (o[i] == o[j] && a[i] != a[j] && Math.abs(t[i] - t[j]) <= w) brute++;
                }
            }
            assertEquals(brute, count[0], "round " + round);
        }
    }
}
