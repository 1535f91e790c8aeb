package org.lockstep.core.coord;

import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.Arrays;

/**
 * CooRTweet 2.1.3 semantics (Righetti &amp; Balluff; Giglietto et al. 2020), reimplemented from its
 * documented behaviour: {@code detect_groups(time_window, min_participation)} followed by
 * {@code generate_coordinated_network(edge_weight, subgraph = 1)}.
 * <ol>
 * <li>accounts with fewer than {@code min_participation} rows are dropped;</li>
 * <li>per object, every pair of rows with |Δt| ≤ window (all pairs, no viral bound), except pairs where
 *     either content is the object itself, both contents are equal, or both accounts are equal;</li>
 * <li>the contents in those pairs are counted per account; a pair survives if either side's content
 *     belongs to an account with at least {@code min_participation} such rows;</li>
 * <li>per account pair: weight = number of pairs, mean |Δt|, distinct older and newer contents;</li>
 * <li>edges whose weight exceeds the {@code edge_weight} quantile (R type 7) of all weights are kept.</li>
 * </ol>
 * With several signals, steps 1–3 run per signal, as CooRTweet's vignette runs {@code detect_groups} once per
 * mode (URLs, images) and binds the results: an account's rows and contents are counted within each signal.
 * Steps 4–5 run once over the bound results, as its {@code generate_coordinated_network} does.
 */
final class CooRTweetCompat {
    private CooRTweetCompat() {}

    /** Every edge before the percentile cut, with its surviving pairs (action indices, older first). */
    static final class Network {
        int edges;
        long[] keys;
        int[] weight, objects, nOlder, nNewer, aFirst, bFirst, signals;
        long[] minGap;
        double[] sumGap;
        int[] pairOlder, pairNewer, pairEdge;
        int pairs;
        double threshold;
        long ignoredActions;
    }

    static Network run(Actions x, long windowMs, int minParticipation, double edgeWeight) {
        int n = x.size;
        int na = x.accountCount();
        final int nsig = Signal.values().length;
        final byte[] sig = x.signal;
        // per (account, signal): rows and first appearance (each signal is a run of its own)
        int[] rows = new int[na * nsig];
        int[] firstSeen = new int[na * nsig];
        Arrays.fill(firstSeen, Integer.MAX_VALUE);
        for (int i = 0; i < n; i++) {
            int as = x.account[i] * nsig + sig[i];
            rows[as]++;
            if (i < firstSeen[as]) firstSeen[as] = i;
        }
        int kept = 0;
        for (int i = 0; i < n; i++) if (rows[x.account[i] * nsig + sig[i]] >= minParticipation) kept++;
        int[] idx = new int[kept];
        int k = 0;
        for (int i = 0; i < n; i++) if (rows[x.account[i] * nsig + sig[i]] >= minParticipation) idx[k++] = i;
        Network net = new Network();
        net.ignoredActions = n - kept;
        // order of the pre-filtered table: grouped by account (first appearance), then input order; it
        // decides which side of a zero-gap pair is "older"
        final int[] fs = firstSeen;
        final int[] obj = x.object, acc = x.account, cont = x.content;
        final long[] t = x.time;
        IntArrays.quickSort(idx, (p, q) -> {
            int c = Integer.compare(obj[p], obj[q]);
            if (c != 0) return c;
            c = Long.compare(t[p], t[q]);
            if (c != 0) return c;
            c = Integer.compare(fs[acc[p] * nsig + sig[p]], fs[acc[q] * nsig + sig[q]]);
            return c != 0 ? c : Integer.compare(p, q);
        });
        int[] po = new int[1024], pn = new int[1024];
        int np = 0;
        int s = 0;
        while (s < kept) {
            int o = obj[idx[s]];
            int e = s + 1;
            while (e < kept && obj[idx[e]] == o) e++;
            // contents and objects share an id space within a signal: the object's own post is not a share of it
            int local = o - x.objectBase(Signal.of(sig[idx[s]]));
            for (int i = s; i < e; i++) {
                int ri = idx[i];
                if (cont[ri] == local) continue;
                for (int j = i + 1; j < e && t[idx[j]] - t[ri] <= windowMs; j++) {
                    int rj = idx[j];
                    if (cont[rj] == local || cont[rj] == cont[ri] || acc[rj] == acc[ri]) continue;
                    if (np == po.length) {
                        po = Arrays.copyOf(po, np * 2);
                        pn = Arrays.copyOf(pn, np * 2);
                    }
                    po[np] = ri;
                    pn[np] = rj;
                    np++;
                }
            }
            s = e;
        }
        // min participation refinement, over contents, within each signal
        LongOpenHashSet inResult = new LongOpenHashSet();
        for (int p = 0; p < np; p++) {
            inResult.add(contentKey(cont[po[p]], sig[po[p]]));
            inResult.add(contentKey(cont[pn[p]], sig[pn[p]]));
        }
        int[] part = new int[na * nsig];
        for (int r : idx) if (cont[r] >= 0 && inResult.contains(contentKey(cont[r], sig[r]))) part[acc[r] * nsig + sig[r]]++;
        LongOpenHashSet passing = new LongOpenHashSet();
        for (int r : idx) {
            if (cont[r] >= 0 && inResult.contains(contentKey(cont[r], sig[r])) && part[acc[r] * nsig + sig[r]] >= minParticipation) {
                passing.add(contentKey(cont[r], sig[r]));
            }
        }
        int m = 0;
        for (int p = 0; p < np; p++) {
            if (minParticipation < 1 || passing.contains(contentKey(cont[po[p]], sig[po[p]]))
                    || passing.contains(contentKey(cont[pn[p]], sig[pn[p]]))) {
                po[m] = po[p];
                pn[m] = pn[p];
                m++;
            }
        }
        np = m;
        // aggregate per account pair
        Long2IntOpenHashMap index = new Long2IntOpenHashMap();
        index.defaultReturnValue(-1);
        int[] pe = new int[np];
        int cap = 16;
        long[] keys = new long[cap];
        int[] weight = new int[cap], objects = new int[cap], lastObj = new int[cap], aFirst = new int[cap],
                bFirst = new int[cap];
        long[] minGap = new long[cap];
        double[] sumGap = new double[cap];
        int ne = 0;
        for (int p = 0; p < np; p++) {
            int ro = po[p], rn = pn[p];
            long key = PairKernel.key(acc[ro], acc[rn]);
            int e = index.putIfAbsent(key, ne);
            if (e < 0) {
                e = ne++;
                if (e == keys.length) {
                    int c2 = e * 2;
                    keys = Arrays.copyOf(keys, c2);
                    weight = Arrays.copyOf(weight, c2);
                    objects = Arrays.copyOf(objects, c2);
                    lastObj = Arrays.copyOf(lastObj, c2);
                    aFirst = Arrays.copyOf(aFirst, c2);
                    bFirst = Arrays.copyOf(bFirst, c2);
                    minGap = Arrays.copyOf(minGap, c2);
                    sumGap = Arrays.copyOf(sumGap, c2);
                }
                keys[e] = key;
                lastObj[e] = -1;
                minGap[e] = Long.MAX_VALUE;
            }
            pe[p] = e;
            weight[e]++;
            if (lastObj[e] != obj[ro]) {
                lastObj[e] = obj[ro];
                objects[e]++;
            }
            long gap = t[rn] - t[ro];
            sumGap[e] += gap;
            if (gap < minGap[e]) minGap[e] = gap;
            if (gap > 0) {
                if (acc[ro] == PairKernel.keyA(key)) aFirst[e]++;
                else bFirst[e]++;
            }
        }
        int[] nOlder = new int[ne], nNewer = new int[ne];
        LongOpenHashSet seenO = new LongOpenHashSet(), seenN = new LongOpenHashSet();
        for (int p = 0; p < np; p++) {
            if (seenO.add(((long) pe[p] << 32) | cont[po[p]])) nOlder[pe[p]]++;
            if (seenN.add(((long) pe[p] << 32) | cont[pn[p]])) nNewer[pe[p]]++;
        }
        net.edges = ne;
        net.keys = Arrays.copyOf(keys, ne);
        net.weight = Arrays.copyOf(weight, ne);
        net.objects = Arrays.copyOf(objects, ne);
        net.aFirst = Arrays.copyOf(aFirst, ne);
        net.bFirst = Arrays.copyOf(bFirst, ne);
        net.minGap = Arrays.copyOf(minGap, ne);
        net.sumGap = Arrays.copyOf(sumGap, ne);
        net.nOlder = nOlder;
        net.nNewer = nNewer;
        net.signals = new int[ne];
        for (int p = 0; p < np; p++) net.signals[pe[p]] |= 1 << x.signal[po[p]];
        net.pairOlder = Arrays.copyOf(po, np);
        net.pairNewer = Arrays.copyOf(pn, np);
        net.pairEdge = pe;
        net.pairs = np;
        net.threshold = NullModel.quantile7(net.weight, ne, edgeWeight);
        return net;
    }

    private static long contentKey(int content, byte signal) {
        return (long) content << 8 | signal;
    }
}
