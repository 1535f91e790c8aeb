package org.lockstep.core.coord;

import java.util.Arrays;
import java.util.List;
import org.lockstep.core.graph.Communities;
import org.lockstep.core.graph.Components;

/**
 * Stage 6: the network. Per kept edge the statistics of the pairs behind it (co-actions within the window,
 * gaps, who acted first), the capped evidence, connected components and Leiden communities (Traag, Waltman
 * &amp; van Eck 2019, the CWTS implementation), then {@link GroupSummaries}.
 */
final class NetworkBuilder {
    private NetworkBuilder() {}

    /** Kept edges, sorted by key, with the statistics of the tests. */
    static final class Kept {
        final long[] key;
        final int[] a, b, objects, episodes, signals, shared;
        final double[] expected, p, q, weight, pTiming, pShared, expectedShared;

        Kept(int n) {
            key = new long[n];
            a = new int[n];
            b = new int[n];
            objects = new int[n];
            episodes = new int[n];
            signals = new int[n];
            shared = new int[n];
            expected = new double[n];
            p = new double[n];
            q = new double[n];
            weight = new double[n];
            pTiming = new double[n];
            pShared = new double[n];
            expectedShared = new double[n];
        }

        /** The pairs {@code idx} (ascending) of {@code t}, weighed by {@code sel}. */
        static Kept of(EdgeTests t, int[] idx, EdgeSelection sel) {
            Kept k = new Kept(idx.length);
            for (int i = 0; i < idx.length; i++) {
                int e = idx[i];
                k.key[i] = t.keys[e];
                k.a[i] = PairKernel.keyA(t.keys[e]);
                k.b[i] = PairKernel.keyB(t.keys[e]);
                k.objects[i] = t.objects[e];
                k.episodes[i] = t.episodes[e];
                k.signals[i] = t.signals[e];
                k.shared[i] = t.shared[e];
                k.expected[i] = t.lambdaTiming[e];
                k.p[i] = t.p[e];
                k.q[i] = t.q[e];
                k.pTiming[i] = t.pTiming[e];
                k.pShared[i] = t.pShared[e];
                k.expectedShared[i] = t.lambdaShared[e];
                k.weight[i] = sel.weight(t, e);
            }
            return k;
        }
    }

    /** The network of one run. */
    record Network(Edges edges, Evidence evidence, AccountStats accounts, List<GroupStats> groups, int components) {}

    static Network build(Actions x, CoordinationConfig c, long[] createdAt, Kept kp, EvidenceSweep.Pairs pl,
            int[] actionsPerAccount) {
        int nk = kp.key.length;
        int na = x.accountCount();
        // pairs grouped by edge, each edge's pairs by time of the earlier action
        int np = pl.size;
        final int[] pe = pl.e, pi = pl.i, pj = pl.j;
        final long[] t = x.time;
        int[] order = PairOrder.of(pe, pi, pj, np, t, nk);
        int[] coActions = new int[nk], fast = new int[nk], aFirst = new int[nk], bFirst = new int[nk];
        long[] minGap = new long[nk], medianGap = new long[nk];
        double[] meanGap = new double[nk];
        int[] evOff = new int[nk + 1];
        int cap = c.evidencePerEdge(nk);
        int k = 0;
        long[] gaps = new long[16];
        int evTotal = 0;
        for (int e = 0; e < nk; e++) {
            int s = k;
            while (k < np && pe[order[k]] == e) k++;
            int cnt = k - s;
            evTotal += Math.min(cap, cnt);
            if (gaps.length < cnt) gaps = new long[Math.max(cnt, gaps.length * 2)];
            double sum = 0;
            for (int u = s; u < k; u++) {
                int y = order[u];
                long g = Math.abs(t[pj[y]] - t[pi[y]]);
                gaps[u - s] = g;
                sum += g;
                if (pl.within[y]) coActions[e]++;
                if (c.fastWindowMs() > 0 && g <= c.fastWindowMs()) fast[e]++;
                if (t[pj[y]] != t[pi[y]]) {
                    int first = t[pi[y]] < t[pj[y]] ? x.account[pi[y]] : x.account[pj[y]];
                    if (first == kp.a[e]) aFirst[e]++;
                    else bFirst[e]++;
                }
            }
            if (cnt > 0) {
                Arrays.sort(gaps, 0, cnt);
                minGap[e] = gaps[0];
                medianGap[e] = cnt % 2 == 1 ? gaps[cnt / 2] : (gaps[cnt / 2 - 1] + gaps[cnt / 2]) / 2;
                meanGap[e] = sum / cnt;
            } else {
                minGap[e] = medianGap[e] = -1;
                meanGap[e] = Double.NaN;
            }
        }
        int[] eo = new int[evTotal], ra = new int[evTotal], rb = new int[evTotal], ca = new int[evTotal],
                cb = new int[evTotal];
        long[] ta = new long[evTotal], tb = new long[evTotal];
        boolean[] within = new boolean[evTotal];
        k = 0;
        int w = 0;
        for (int e = 0; e < nk; e++) {
            evOff[e] = w;
            int s = k;
            while (k < np && pe[order[k]] == e) k++;
            for (int u = s; u < Math.min(k, s + cap); u++) {
                int y = order[u];
                int ia = x.account[pi[y]] == kp.a[e] ? pi[y] : pj[y];
                int ib = ia == pi[y] ? pj[y] : pi[y];
                eo[w] = x.object[ia];
                ra[w] = x.row[ia];
                rb[w] = x.row[ib];
                ca[w] = x.content[ia];
                cb[w] = x.content[ib];
                ta[w] = t[ia];
                tb[w] = t[ib];
                within[w] = pl.within[y];
                w++;
            }
        }
        evOff[nk] = w;
        Evidence evidence = new Evidence(evOff, eo, ra, rb, ca, cb, ta, tb, within);
        Edges edges = new Edges(nk, kp.a, kp.b, kp.objects, kp.episodes, coActions, fast, minGap, medianGap, meanGap,
                aFirst, bFirst, kp.signals, kp.expected, kp.p, kp.q, kp.weight, kp.shared, kp.expectedShared,
                kp.pTiming, kp.pShared);
        int[] component = Components.of(na, kp.a, kp.b, nk);
        int components = Components.count(component);
        double[] lw = new double[nk];
        for (int e = 0; e < nk; e++) lw[e] = Math.max(1e-9, kp.weight[e]);
        int[] group = Communities.leiden(na, kp.a, kp.b, lw, nk, c.leidenResolution(), c.leidenIterations(), c.seed());
        int[] degree = new int[na], signals = new int[na];
        for (int e = 0; e < nk; e++) {
            degree[kp.a[e]]++;
            degree[kp.b[e]]++;
            signals[kp.a[e]] |= kp.signals[e];
            signals[kp.b[e]] |= kp.signals[e];
        }
        int members = 0;
        for (int v = 0; v < na; v++) if (degree[v] > 0) members++;
        int[] mem = new int[members];
        members = 0;
        for (int v = 0; v < na; v++) if (degree[v] > 0) mem[members++] = v;
        AccountStats accounts = new AccountStats(group, component, degree, signals, actionsPerAccount, mem);
        List<GroupStats> groups = GroupSummaries.build(x, edges, pl.i, pl.j, pl.e, np, group, component, mem, createdAt);
        return new Network(edges, evidence, accounts, groups, components);
    }
}
