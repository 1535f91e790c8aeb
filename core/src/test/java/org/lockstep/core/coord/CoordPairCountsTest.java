package org.lockstep.core.coord;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Row-wise pair counting against a plain oracle over the kernel's pairs, and the radix sort against Arrays.sort. */
class CoordPairCountsTest {

    /**
     * Random columns sorted by (object, time): posts by few accounts, each post carrying one to three objects
     * (as a post carries links and hashtags), so pairs repeat across objects, within them, and on the same posts.
     */
    private static Object[] columns(long seed, int posts, int accounts, int objects) {
        Random r = new Random(seed);
        java.util.List<long[]> list = new java.util.ArrayList<>();
        for (int p = 0; p < posts; p++) {
            int acc = r.nextInt(accounts);
            long time = r.nextInt(3_000_000);
            int k = 1 + r.nextInt(3);
            java.util.Set<Integer> objs = new java.util.TreeSet<>();
            while (objs.size() < Math.min(k, objects)) objs.add(r.nextInt(objects));
            for (int obj : objs) list.add(new long[] {obj, acc, time, p});
        }
        int n = list.size();
        long[][] rows = list.toArray(new long[0][]);
        Arrays.sort(rows, (x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[2], y[2]));
        int[] o = new int[n], a = new int[n];
        long[] t = new long[n];
        byte[] s = new byte[n];
        int[] post = new int[n];
        for (int i = 0; i < n; i++) {
            post[i] = (int) rows[i][3];
            // signal follows the object, as in real columns (an object belongs to one signal)
            o[i] = (int) rows[i][0];
            a[i] = (int) rows[i][1];
            t[i] = rows[i][2];
            s[i] = (byte) (o[i] % 2 == 0 ? Signal.CO_REPOST.ordinal() : Signal.CO_LINK.ordinal());
        }
        return new Object[] {o, a, t, s, post};
    }

    @Test
    void matchesAMapOverTheKernelsPairsForAnyBudgetAndThreads() {
        Object[] c = columns(11, 2000, 60, 40);
        int[] o = (int[]) c[0], a = (int[]) c[1];
        long[] t = (long[]) c[2];
        byte[] s = (byte[]) c[3];
        int[] post = (int[]) c[4];
        long[] window = new long[Signal.values().length], gap = new long[Signal.values().length];
        Arrays.fill(window, 60_000);
        Arrays.fill(gap, 600_000);
        int cap = 7;
        // expected, written out plainly from the episode rule: in kernel order, a co-action on a new object or
        // more than the gap after the previous one starts an episode, unless its earlier action's post was
        // already seen for this pair (the same posts met on another object)
        TreeMap<Long, java.util.List<long[]>> acts = new TreeMap<>();
        PairKernel.run(o, a, t, s, window, cap, null, (i, j) -> acts.computeIfAbsent(PairKernel.key(a[i], a[j]),
                x -> new java.util.ArrayList<>()).add(new long[] {t[i], post[i], o[i], s[i]}));
        TreeMap<Long, long[]> want = new TreeMap<>();
        int samePosts = 0;
        for (var en : acts.entrySet()) {
            long[] v = new long[7];
            java.util.Set<Long> posts = new java.util.HashSet<>();
            long lastObject = -1, lastTime = 0;
            for (long[] r : en.getValue()) {
                boolean fresh = r[2] != lastObject || r[0] - lastTime > 600_000;
                if (r[2] != lastObject) v[0]++;
                boolean again = !posts.add(r[1]);
                if (fresh && again) samePosts++;
                if (fresh && !again) v[1]++;
                v[2]++;
                v[6] |= 1L << r[3];
                lastObject = r[2];
                lastTime = r[0];
            }
            want.put(en.getKey(), v);
        }
        assertTrue(samePosts > 10, "the data must meet the same posts on several objects: " + samePosts);
        long repeated = want.values().stream().filter(v -> v[1] >= 2).count();
        assertTrue(repeated > 100 && repeated < want.size(), "the data must have both kinds of pairs: " + repeated);
        // a caller's executor with one thread: five jobs queue on it and must all run, none waiting for another
        java.util.concurrent.ExecutorService single = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread th = new Thread(r, "callers-pool");
            th.setDaemon(true);
            return th;
        });
        for (long budget : new long[] {1L << 30, 3000}) {
            for (int threads : new int[] {1, 2, 5}) {
              for (boolean callers : new boolean[] {true, false}) {
                java.util.concurrent.Executor ex = callers ? single : null;
                PairCounts pc = PairCounts.count(o, a, t, s, post, window, gap, cap, 2, 60, threads, budget, null, ex);
                String at = "budget " + budget + ", threads " + threads + ", executor " + (ex != null);
                assertEquals(want.size(), pc.distinct, at);
                assertEquals(repeated, pc.size, at);
                int e = 0;
                int[] partners = new int[60];
                long[] hist = new long[64];
                for (var en : want.entrySet()) {
                    long[] v = en.getValue();
                    partners[PairKernel.keyA(en.getKey())]++;
                    partners[PairKernel.keyB(en.getKey())]++;
                    hist[(int) v[2]]++;
                    if (v[1] < 2) continue;
                    assertEquals((long) en.getKey(), pc.keys[e], at);
                    assertEquals(v[0], pc.objects[e]);
                    assertEquals(v[1], pc.episodes[e]);
                    assertEquals(v[2], pc.coActions[e]);
                    assertEquals(v[6], pc.signals[e]);
                    e++;
                }
                assertArrayEquals(partners, pc.partners, at);
                for (int k = 0; k < hist.length; k++) {
                    assertEquals(hist[k], k < pc.coActionHistogram.length ? pc.coActionHistogram[k] : 0, at + " hist " + k);
                }
                // 3000 bytes hold 375 co-actions (75 a thread with five): owners beyond that are split
                if (budget == 3000 && threads == 5) assertTrue(pc.splitOwners >= 5, "a small budget splits owners: " + pc.splitOwners);
                if (budget == 1L << 30) assertEquals(0, pc.splitOwners, at);
              }
            }
        }
    }

    /**
     * One walk over the wide windows gives both counts: the inner one identical in every statistic to a count
     * with the inner windows, the outer one's kept pairs (with their floor sums) identical to a count with the
     * outer windows; whatever the threads and the budget. The oracle is {@link #matchesAMapOverTheKernelsPairsForAnyBudgetAndThreads}'s.
     */
    @Test
    void nestedCountEqualsTwoSeparateCounts() {
        Object[] c = columns(23, 4000, 300, 60);
        int[] o = (int[]) c[0], a = (int[]) c[1];
        long[] t = (long[]) c[2];
        byte[] s = (byte[]) c[3];
        int[] post = (int[]) c[4];
        int ns = Signal.values().length;
        long[] inner = new long[ns], outer = new long[ns], gap = new long[ns];
        Arrays.fill(inner, 60_000);
        Arrays.fill(outer, 60_000 + 2 * 300_000);
        Arrays.fill(gap, 600_000);
        double[] floor = new double[60];
        for (int k = 0; k < floor.length; k++) floor[k] = k % 3 == 0 ? 0.01 * k : 0;
        PairCounts wantIn = PairCounts.count(o, a, t, s, post, inner, gap, 9, 2, 300, 1, 1L << 30, null, null);
        PairCounts wantOut = PairCounts.count(o, a, t, s, post, outer, gap, 9, 2, 300, 1, 1L << 30, floor, null);
        assertTrue(wantIn.size > 20 && wantOut.size > wantIn.size, wantIn.size + " / " + wantOut.size);
        for (long budget : new long[] {1L << 30, 2000}) {
            for (int threads : new int[] {1, 3}) {
                PairCounts[] got = PairCounts.countNested(o, a, t, s, post, inner, outer, gap, 9, 2, 300, threads,
                        budget, floor, null);
                String at = "budget " + budget + ", threads " + threads;
                assertEquals(wantIn.distinct, got[0].distinct, at);
                assertEquals(wantIn.visits, got[0].visits, at);
                assertArrayEquals(wantIn.partners, got[0].partners, at);
                assertArrayEquals(wantIn.keys, Arrays.copyOf(got[0].keys, got[0].size), at);
                assertArrayEquals(wantIn.episodes, got[0].episodes, at);
                assertArrayEquals(wantIn.objects, got[0].objects, at);
                assertArrayEquals(wantIn.coActions, got[0].coActions, at);
                assertArrayEquals(wantIn.signals, got[0].signals, at);
                int hl = Math.max(wantIn.coActionHistogram.length, got[0].coActionHistogram.length);
                assertArrayEquals(Arrays.copyOf(wantIn.coActionHistogram, hl), Arrays.copyOf(got[0].coActionHistogram, hl), at);
                assertEquals(wantIn.droppedPairs, got[0].droppedPairs, at);
                assertEquals(wantOut.distinct, got[1].distinct, at);
                assertArrayEquals(wantOut.keys, got[1].keys, at);
                assertArrayEquals(wantOut.episodes, got[1].episodes, at);
                assertArrayEquals(wantOut.floorSum, got[1].floorSum, 1e-12, at);
                assertEquals(wantOut.droppedPairs, got[1].droppedPairs, at);
                for (double f : got[0].floorSum) assertEquals(0.0, f, "the inner count sums no floors");
                if (budget == 2000) assertTrue(got[1].splitOwners > 0, "the small budget must split owners: " + at);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> PairCounts.countNested(o, a, t, s, post, outer, inner,
                gap, 9, 2, 300, 1, 1L << 30, null, null));
    }

    @Test
    void quantileOfTheHistogramIsRsType7() {
        // co-action counts 1,1,1,2,5 -> R: quantile(c(1,1,1,2,5), 0.5) = 1, 0.9 -> 3.8, 0.75 -> 2
        Object[] none = columns(1, 0, 1, 1);
        PairCounts pc = PairCounts.count((int[]) none[0], (int[]) none[1], (long[]) none[2], (byte[]) none[3],
                (int[]) none[4], new long[Signal.values().length], new long[Signal.values().length], 10, 2, 1, 1, 1 << 20);
        pc.distinct = 5;
        pc.coActionHistogram = new long[] {0, 3, 1, 0, 0, 1};
        assertEquals(1.0, pc.coActionQuantile(0.5), 1e-12);
        assertEquals(3.8, pc.coActionQuantile(0.9), 1e-12);
        assertEquals(2.0, pc.coActionQuantile(0.75), 1e-12);
    }


    @Test
    void packedRadixSortKeepsThePayloadBitsInInputOrder() {
        Random r = new Random(9);
        int n = 30_000;
        long[] k = new long[n];
        for (int i = 0; i < n; i++) k[i] = (long) r.nextInt(300) << 15 | i; // payload: the position, 15 bits
        long[] kt = new long[n];
        long[] got = KeySort.sort(k, null, kt, null, n, 15, 9) ? kt : k;
        for (int i = 1; i < n; i++) {
            long a = got[i - 1] >>> 15, b = got[i] >>> 15;
            assertTrue(a < b || a == b && (got[i - 1] & 0x7fff) < (got[i] & 0x7fff), "order at " + i);
        }
    }

    @Test
    void radixSortIsStableAndAgreesWithArraysSort() {
        Random r = new Random(5);
        for (int bits : new int[] {1, 7, 20, 40, 62}) {
            int n = 20_000;
            long[] k = new long[n];
            int[] v = new int[n];
            for (int i = 0; i < n; i++) {
                // few distinct keys so that stability is tested; high bits constant so digits get skipped
                k[i] = (r.nextInt(500) * 0x9E3779B97F4A7C15L) & ((1L << bits) - 1);
                v[i] = i;
            }
            long[] want = k.clone();
            Arrays.sort(want);
            long[] kt = new long[n];
            int[] vt = new int[n];
            boolean swapped = KeySort.sort(k, v, kt, vt, n, bits);
            long[] gk = swapped ? kt : k;
            int[] gv = swapped ? vt : v;
            assertArrayEquals(want, gk, "bits " + bits);
            for (int i = 1; i < n; i++) {
                if (gk[i] == gk[i - 1]) assertTrue(gv[i] > gv[i - 1], "stable at " + i + ", bits " + bits);
            }
        }
    }
}
