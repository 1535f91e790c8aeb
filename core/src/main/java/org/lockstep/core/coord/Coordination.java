package org.lockstep.core.coord;

import it.unimi.dsi.fastutil.ints.IntArrays;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lockstep.core.model.PostTable;

/**
 * Finds accounts that repeatedly act in lockstep. One verb, {@link #detect}, over a chain of stages a
 * reader can follow, each a small class with its own tests:
 *
 * <pre>
 * CoActionExtractor  posts → co-action rows per signal                       (extract)
 * ActionIndex        rows sorted by object and time; timed and rare indexes  (prepare)
 * EdgeTests          PairCounts + TimingNull + CooccurrenceNull + BH         (count, expect, test)
 * EdgeSelection      Significance | Percentile | MinWeight | All              (select)
 * EvidenceSweep      the post pairs behind every kept edge                   (sweep)
 * NetworkBuilder     edge statistics, components, Leiden, GroupSummaries     (group, describe)
 * </pre>
 *
 * <pre>{@code
 * CoordinationResult r = Coordination.detect(table, CoordinationConfig.builder().build());
 * CoordinationResult c = Coordination.detect(table, CoordinationConfig.coortweet(60, 2, 0.5));
 * }</pre>
 *
 * <p>References: Giglietto et al. 2020 (CooRnet, coordinated link sharing); Righetti &amp; Balluff
 * (CooRTweet); Pacheco et al. 2021, "Uncovering coordinated networks on social media"; Graham et al.,
 * coordination network toolkit; Benjamini &amp; Hochberg 1995; Tarone 1990; Gilbert 2005; Traag, Waltman
 * &amp; van Eck 2019 (Leiden).
 */
public final class Coordination {
    private Coordination() {}

    /** Extracts the enabled signals from {@code table} and detects coordination. */
    public static CoordinationResult detect(PostTable table, CoordinationConfig config) {
        long t0 = System.nanoTime();
        CoActionExtractor.TextStats ts = new CoActionExtractor.TextStats();
        Actions actions = CoActionExtractor.extract(table, config, ts);
        return run(actions, config, table.accountInfo().createdAt, ts, ms(t0), t0);
    }

    /** Detects coordination in ready-made co-action rows (e.g. CooRTweet's 4-column input). */
    public static CoordinationResult detect(Actions actions, CoordinationConfig config) {
        return run(actions, config, null, new CoActionExtractor.TextStats(), 0, System.nanoTime());
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    private static CoordinationResult run(Actions x, CoordinationConfig c, long[] createdAt,
            CoActionExtractor.TextStats ts, long extractMs, long t0) {
        if (c.preset() == CoordinationConfig.Preset.COORTWEET) return coortweet(x, c, createdAt, ts, extractMs, t0);
        long t1 = System.nanoTime();
        ActionIndex ix = ActionIndex.build(x, c);
        EdgeTests tests = EdgeTests.run(ix, c, c.effectiveMemoryBudget());
        long pairsMs = ms(t1);
        long t2 = System.nanoTime();
        EdgeSelection selection = EdgeSelection.of(c);
        int[] keep = selection.select(tests);
        NetworkBuilder.Kept kept = NetworkBuilder.Kept.of(tests, keep, selection);
        long significanceMs = ms(t2);
        long t3 = System.nanoTime();
        EvidenceSweep.Pairs pairs = EvidenceSweep.sweep(ix, kept.key, c.maxPartnersPerAction());
        long evidenceMs = ms(t3);
        long tested = 0;
        for (int e = 0; e < tests.size(); e++) if (!Double.isNaN(tests.p[e])) tested++;
        CoordinationResult.Counts counts = new CoordinationResult.Counts(ix.timed.size() + ix.rare.size(),
                tests.candidates, tests.timingHypotheses, tests.sharedHypotheses, tested, keep.length, tests.visits,
                tests.droppedPairs, tests.cappedObjects + ix.droppedObjects, ix.ignoredActions, ts.nearPairs,
                ts.skippedBuckets, ix.resolutionMs);
        long t4 = System.nanoTime();
        NetworkBuilder.Network net = NetworkBuilder.build(x, c, createdAt, kept, pairs, ix.actionsPerAccount);
        CoordinationResult.Timings timings = new CoordinationResult.Timings(extractMs, pairsMs, significanceMs,
                ms(t4), evidenceMs, ms(t0));
        return new CoordinationResult(c, x, net.edges(), net.accounts(), net.groups(), net.components(),
                net.evidence(), counts, timings, strongest(tests, keep, 10));
    }

    /**
     * The strongest pairs that were not kept, smallest p-value first (most co-actions first outside
     * significance selection): what a person looks at when a run keeps nothing.
     */
    private static List<CoordinationResult.Candidate> strongest(EdgeTests t, int[] kept, int max) {
        boolean[] isKept = new boolean[t.size()];
        for (int e : kept) isKept[e] = true;
        it.unimi.dsi.fastutil.ints.IntComparator order = (u, v) -> {
            double pu = Double.isNaN(t.p[u]) ? 2 : t.p[u], pv = Double.isNaN(t.p[v]) ? 2 : t.p[v];
            int cmp = Double.compare(pu, pv);
            if (cmp != 0) return cmp;
            cmp = Integer.compare(Math.max(t.coActions[v], t.shared[v]), Math.max(t.coActions[u], t.shared[u]));
            return cmp != 0 ? cmp : Long.compare(t.keys[u], t.keys[v]);
        };
        int[] best = firstInOrder(t.size(), e -> isKept[e], order, max);
        List<CoordinationResult.Candidate> out = new ArrayList<>();
        for (int e : best) {
            out.add(new CoordinationResult.Candidate(PairKernel.keyA(t.keys[e]), PairKernel.keyB(t.keys[e]),
                    t.episodes[e], t.coActions[e], t.shared[e], t.lambdaTiming[e], t.pTiming[e], t.lambdaShared[e],
                    t.pShared[e], t.q[e]));
        }
        return List.copyOf(out);
    }

    /**
     * The first {@code max} of {@code 0..n-1} in {@code order}, those that {@code skip} accepts left out, in
     * order: one pass with a short sorted list, not a sort of all n (a storm has millions of candidates).
     */
    static int[] firstInOrder(int n, java.util.function.IntPredicate skip, it.unimi.dsi.fastutil.ints.IntComparator order,
            int max) {
        int[] best = new int[Math.max(0, max)];
        int size = 0;
        for (int e = 0; e < n && max > 0; e++) {
            if (skip.test(e)) continue;
            if (size == max && order.compare(e, best[size - 1]) >= 0) continue;
            int at = size == max ? size - 1 : size++;
            while (at > 0 && order.compare(e, best[at - 1]) < 0) {
                best[at] = best[at - 1];
                at--;
            }
            best[at] = e;
        }
        return Arrays.copyOf(best, size);
    }

    private static CoordinationResult coortweet(Actions x, CoordinationConfig c, long[] createdAt,
            CoActionExtractor.TextStats ts, long extractMs, long t0) {
        long t1 = System.nanoTime();
        long w = Long.MIN_VALUE;
        for (long v : c.windowsMs().values()) w = Math.max(w, v);
        CooRTweetCompat.Network net = CooRTweetCompat.run(x, w, c.minParticipation(), c.edgeWeightPercentile());
        long pairsMs = ms(t1);
        int ne = net.edges;
        int[] keep = new int[ne];
        int nk = 0;
        for (int e = 0; e < ne; e++) if (net.weight[e] > net.threshold) keep[nk++] = e;
        final long[] keys = net.keys;
        int[] kept = Arrays.copyOf(keep, nk);
        IntArrays.quickSort(kept, (u, v) -> Long.compare(keys[u], keys[v]));
        int[] slot = new int[ne];
        Arrays.fill(slot, -1);
        NetworkBuilder.Kept kp = new NetworkBuilder.Kept(nk);
        for (int i = 0; i < nk; i++) {
            int e = kept[i];
            slot[e] = i;
            kp.key[i] = keys[e];
            kp.a[i] = PairKernel.keyA(keys[e]);
            kp.b[i] = PairKernel.keyB(keys[e]);
            kp.objects[i] = net.objects[e];
            kp.episodes[i] = net.objects[e];
            kp.signals[i] = net.signals[e];
            kp.expected[i] = kp.p[i] = kp.q[i] = Double.NaN;
            kp.pTiming[i] = kp.pShared[i] = kp.expectedShared[i] = Double.NaN;
            kp.weight[i] = net.weight[e];
        }
        EvidenceSweep.Pairs pl = new EvidenceSweep.Pairs();
        for (int k = 0; k < net.pairs; k++) {
            int e = slot[net.pairEdge[k]];
            if (e >= 0) pl.add(net.pairOlder[k], net.pairNewer[k], e, true);
        }
        int[] actionsPerAccount = new int[x.accountCount()];
        for (int i = 0; i < x.size; i++) actionsPerAccount[x.account[i]]++;
        CoordinationResult.Counts counts = new CoordinationResult.Counts(x.size, ne, 0, 0, 0, nk, net.pairs, 0, 0,
                net.ignoredActions, ts.nearPairs, ts.skippedBuckets, 1);
        long t4 = System.nanoTime();
        NetworkBuilder.Network nw = NetworkBuilder.build(x, c, createdAt, kp, pl, actionsPerAccount);
        CoordinationResult.Timings timings = new CoordinationResult.Timings(extractMs, pairsMs, 0, ms(t4), 0, ms(t0));
        return new CoordinationResult(c, x, nw.edges(), nw.accounts(), nw.groups(), nw.components(), nw.evidence(),
                counts, timings, List.of());
    }
}
