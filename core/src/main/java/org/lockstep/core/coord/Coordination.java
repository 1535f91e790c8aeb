package org.lockstep.core.coord;

import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lockstep.core.graph.Communities;
import org.lockstep.core.graph.Components;
import org.lockstep.core.model.AccountSnapshot;
import org.lockstep.core.model.PostTable;

/**
 * Finds accounts that repeatedly act in lockstep: co-actions per signal within exact time windows
 * ({@link PairKernel}), a significance test per account pair ({@link NullModel}, Benjamini–Hochberg),
 * connected components and Leiden communities, and the post pairs behind every kept edge.
 *
 * <pre>{@code
 * CoordinationResult r = Coordination.detect(table, CoordinationConfig.builder().build());
 * CoordinationResult c = Coordination.detect(table, CoordinationConfig.coortweet(60, 2, 0.5));
 * }</pre>
 *
 * <p>References: Giglietto et al. 2020 (CooRnet, coordinated link sharing); Righetti &amp; Balluff
 * (CooRTweet); Pacheco et al. 2021, "Uncovering coordinated networks on social media"; Graham et al.,
 * coordination network toolkit; Benjamini &amp; Hochberg 1995; Traag, Waltman &amp; van Eck 2019 (Leiden).
 */
public final class Coordination {
    private Coordination() {}

    /** When positive, the memory the pair sort may use (tests set it small to force many partitions). */
    static long sortBudgetOverride = 0;

    /** Memory for sorting pairs: half of the heap that is free now. */
    private static long sortBudget() {
        if (sortBudgetOverride > 0) return sortBudgetOverride;
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        return Math.max(64L << 20, free / 2);
    }

    /** Extracts the enabled signals from {@code table} and detects coordination. */
    public static CoordinationResult detect(PostTable table, CoordinationConfig config) {
        long t0 = System.nanoTime();
        CoActionExtractor.TextStats ts = new CoActionExtractor.TextStats();
        Actions actions = CoActionExtractor.extract(table, config, ts);
        long extract = ms(t0);
        return run(actions, config, table.accountInfo.createdAt, ts, extract, t0);
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
        int n = x.size;
        int na = x.accountCount();
        // 1. participation filter and counting sort by object (stable: time order within a signal is kept)
        int[] rowsPerAccount = new int[na];
        for (int i = 0; i < n; i++) rowsPerAccount[x.account[i]]++;
        int nobj = x.objectCount();
        int[] objStart = new int[nobj + 1];
        long ignored = 0;
        for (int i = 0; i < n; i++) {
            if (rowsPerAccount[x.account[i]] >= c.minParticipation()) objStart[x.object[i] + 1]++;
            else ignored++;
        }
        for (int o = 0; o < nobj; o++) objStart[o + 1] += objStart[o];
        int m = objStart[nobj];
        int[] sidx = new int[m];
        int[] fill = Arrays.copyOf(objStart, nobj);
        for (int i = 0; i < n; i++) {
            if (rowsPerAccount[x.account[i]] >= c.minParticipation()) sidx[fill[x.object[i]]++] = i;
        }
        final long[] xt = x.time;
        for (int o = 0; o < nobj; o++) {
            int s = objStart[o], e = objStart[o + 1];
            for (int k = s + 1; k < e; k++) {
                if (xt[sidx[k - 1]] > xt[sidx[k]]) {
                    IntArrays.mergeSort(sidx, s, e, (p, q) -> Long.compare(xt[p], xt[q]));
                    break;
                }
            }
        }
        // any-time signals: one row per (object, account), objects with too many accounts dropped
        int nsig = Signal.values().length;
        boolean[] anyTime = new boolean[nsig];
        for (Signal s : Signal.values()) anyTime[s.ordinal()] = c.windowMs(s) == CoordinationConfig.ANY_TIME;
        int[] lastObjOfAccount = new int[na];
        Arrays.fill(lastObjOfAccount, -1);
        int[][] kAny = new int[nsig][];
        int[] objectAccounts = new int[nobj];
        double[] pairMass = new double[nsig], stubs = new double[nsig];
        long droppedObjects = 0;
        int keptRows = 0;
        for (int o = 0; o < nobj; o++) {
            int s = objStart[o], e = objStart[o + 1];
            if (s == e) continue;
            int sig = x.signal[sidx[s]];
            if (!anyTime[sig]) {
                int distinct = 0;
                for (int k = s; k < e; k++) {
                    int a = x.account[sidx[k]];
                    if (lastObjOfAccount[a] != o) {
                        lastObjOfAccount[a] = o;
                        distinct++;
                    }
                    sidx[keptRows++] = sidx[k];
                }
                objectAccounts[o] = distinct;
                continue;
            }
            int from = keptRows;
            for (int k = s; k < e; k++) {
                int a = x.account[sidx[k]];
                if (lastObjOfAccount[a] == o) continue;
                lastObjOfAccount[a] = o;
                sidx[keptRows++] = sidx[k];
            }
            int cnt = keptRows - from;
            // every incidence counts in the accounts' degrees and the total; only rare objects make pairs
            if (kAny[sig] == null) kAny[sig] = new int[na];
            for (int k = from; k < keptRows; k++) kAny[sig][x.account[sidx[k]]]++;
            stubs[sig] += cnt;
            if (cnt > c.maxObjectAccounts()) {
                keptRows = from;
                droppedObjects++;
                continue;
            }
            pairMass[sig] += (double) cnt * (cnt - 1);
        }
        m = keptRows;
        // popular content: shared by more than popularContentShare of the active accounts (and more than a
        // thousand), its timing set by its publication like a viral post's
        int active = 0;
        for (int a = 0; a < na; a++) if (rowsPerAccount[a] >= c.minParticipation() && rowsPerAccount[a] > 0) active++;
        long popularAbove = Math.max(CoordinationConfig.POPULAR_CONTENT_MIN_ACCOUNTS,
                (long) Math.ceil(c.popularContentShare() * active));
        java.util.BitSet popular = new java.util.BitSet();
        if (c.popularContentShare() > 0) {
            for (int o = 0; o < nobj; o++) {
                if (objectAccounts[o] > popularAbove && NullModel.isContent(x.objectSignal(o).ordinal())) popular.set(o);
            }
        }
        double[] cooc = new double[nsig];
        for (int s = 0; s < nsig; s++) cooc[s] = stubs[s] > 0 ? pairMass[s] / (stubs[s] * stubs[s]) : 0;
        int[] so = new int[m], sa = new int[m];
        long[] st = new long[m];
        byte[] ss = new byte[m];
        int[] actionsPerAccount = new int[na];
        for (int k = 0; k < m; k++) {
            int i = sidx[k];
            so[k] = x.object[i];
            sa[k] = x.account[i];
            st[k] = x.time[i];
            ss[k] = x.signal[i];
            actionsPerAccount[sa[k]]++;
        }
        long[] window = new long[nsig], gap = new long[nsig];
        for (Signal s : Signal.values()) {
            window[s.ordinal()] = Math.max(0, c.windowMs(s));
            gap[s.ordinal()] = c.episodeGapMs(s);
        }
        // 2. every co-acting pair counted exactly, by sorting (PairCounts); kept in full when repeated
        PairCounts counter = PairCounts.count(so, sa, st, ss, window, gap, c.maxPartnersPerAction(),
                Math.max(1, c.minRepetitions()), na, c.effectiveThreads(), sortBudget());
        long hypotheses = counter.distinct;
        int[] candidateDegree = counter.partners;
        int ne = counter.size;
        long pairsMs = ms(t1);
        // 3. significance
        long t2 = System.nanoTime();
        int tested = 0;
        for (int e = 0; e < ne; e++) if (counter.episodes[e] >= c.minRepetitions()) tested++;
        int[] testedIdx = new int[tested];
        Long2IntOpenHashMap testedSlot = new Long2IntOpenHashMap(Math.max(16, tested));
        testedSlot.defaultReturnValue(-1);
        int q0 = 0;
        for (int e = 0; e < ne; e++) {
            if (counter.episodes[e] < c.minRepetitions()) continue;
            testedIdx[q0] = e;
            testedSlot.put(counter.keys[e], q0);
            q0++;
        }
        double[][] lam = jitterExpectation(so, sa, st, ss, window, gap, anyTime, popular, c, counter.keys, testedIdx, na);
        double[] lambda = lam[0], lambdaContent = lam[1], lambdaOther = lam[2];
        for (int s = 0; s < nsig; s++) {
            if (kAny[s] == null) continue;
            for (int k = 0; k < tested; k++) {
                long key = counter.keys[testedIdx[k]];
                double l = (double) kAny[s][PairKernel.keyA(key)] * kAny[s][PairKernel.keyB(key)] * cooc[s];
                lambda[k] += l;
                if (NullModel.isContent(s)) lambdaContent[k] += l;
                else lambdaOther[k] += l;
            }
        }
        double[] p = new double[tested];
        for (int k = 0; k < tested; k++) {
            int e = testedIdx[k];
            p[k] = NullModel.edgePValue(counter.episodes[e], counter.contentEpisodes[e], counter.otherEpisodes[e],
                    lambda[k], lambdaContent[k], lambdaOther[k]);
        }
        double[] q = NullModel.benjaminiHochberg(p, Math.max(hypotheses, 1));
        boolean[] accountSelected = c.accountLevel()
                ? accountLevelSelection(counter, candidateDegree, testedIdx, p, na, c.alpha())
                : null;
        // 4. selection
        double threshold = c.selection() == CoordinationConfig.Selection.PERCENTILE
                ? counter.coActionQuantile(c.edgeWeightPercentile()) : Double.NaN;
        int[] keep = new int[tested];
        int nk = 0;
        if (c.selection() == CoordinationConfig.Selection.PERCENTILE) {
            // the percentile mode keeps CooRTweet's rule and ignores minRepetitions' test status
            keep = new int[ne];
            for (int e = 0; e < ne; e++) {
                if (counter.coActions[e] > threshold && counter.episodes[e] >= c.minRepetitions()) keep[nk++] = e;
            }
        } else {
            for (int k = 0; k < tested; k++) {
                int e = testedIdx[k];
                boolean ok = switch (c.selection()) {
                    case SIGNIFICANCE -> q[k] <= c.alpha() && (accountSelected == null
                            || accountSelected[PairKernel.keyA(counter.keys[e])]
                            && accountSelected[PairKernel.keyB(counter.keys[e])]);
                    case MIN_WEIGHT -> counter.coActions[e] >= c.minEdgeWeight();
                    case ALL -> true;
                    default -> false;
                };
                if (ok) keep[nk++] = e;
            }
        }
        final long[] keys = counter.keys;
        int[] kept = Arrays.copyOf(keep, nk);
        IntArrays.quickSort(kept, (u, v) -> Long.compare(keys[u], keys[v]));
        Kept kp = new Kept(nk);
        for (int i = 0; i < nk; i++) {
            int e = kept[i];
            kp.key[i] = keys[e];
            kp.a[i] = PairKernel.keyA(keys[e]);
            kp.b[i] = PairKernel.keyB(keys[e]);
            kp.objects[i] = counter.objects[e];
            kp.episodes[i] = counter.episodes[e];
            kp.signals[i] = counter.signals[e];
            int slot = testedSlot.get(keys[e]);
            kp.expected[i] = slot >= 0 ? lambda[slot] : Double.NaN;
            kp.p[i] = slot >= 0 ? p[slot] : 1.0;
            kp.q[i] = slot >= 0 ? q[slot] : 1.0;
            kp.weight[i] = c.selection() == CoordinationConfig.Selection.SIGNIFICANCE
                    ? -Math.log10(Math.max(kp.p[i], 1e-300)) : counter.coActions[e];
        }
        long significanceMs = ms(t2);
        // 5. second pass over kept edges: every pair behind them
        long t3 = System.nanoTime();
        Long2IntOpenHashMap keptIndex = new Long2IntOpenHashMap(Math.max(16, nk));
        keptIndex.defaultReturnValue(-1);
        boolean[] inNet = new boolean[na];
        for (int i = 0; i < nk; i++) {
            keptIndex.put(kp.key[i], i);
            inNet[kp.a[i]] = inNet[kp.b[i]] = true;
        }
        // only the network's actions are swept; the viral bound is checked on positions in the full order,
        // so exactly the pairs of the first pass are found
        int nf = 0;
        for (int k = 0; k < m; k++) if (inNet[sa[k]]) nf++;
        int[] fo = new int[nf], fa = new int[nf], pos = new int[nf];
        long[] ft = new long[nf];
        byte[] fs = new byte[nf];
        nf = 0;
        for (int k = 0; k < m; k++) {
            if (!inNet[sa[k]]) continue;
            fo[nf] = so[k];
            fa[nf] = sa[k];
            ft[nf] = st[k];
            fs[nf] = ss[k];
            pos[nf++] = k;
        }
        PairList pl = new PairList();
        int cap = c.maxPartnersPerAction();
        PairKernel.run(fo, fa, ft, fs, window, Integer.MAX_VALUE, null, (i, j) -> {
            if (pos[j] - pos[i] > cap) return;
            int e = keptIndex.get(PairKernel.key(fa[i], fa[j]));
            if (e >= 0) pl.add(sidx[pos[i]], sidx[pos[j]], e);
        });
        long evidenceMs = ms(t3);
        CoordinationResult.Counts counts = new CoordinationResult.Counts(m, hypotheses, tested, nk, counter.visits, counter.droppedPairs,
                counter.cappedObjects + droppedObjects, ignored, ts.nearPairs, ts.skippedBuckets);
        return finish(x, c, createdAt, kp, pl, actionsPerAccount, counts, extractMs, pairsMs, significanceMs,
                evidenceMs, t0);
    }

    /**
     * Accounts whose edges, taken together, are significant: per account the smaller of Fisher's (1925)
     * combination of the p-values of all its candidate edges (untested ones count as p = 1 and still add their
     * degrees of freedom) and Simes' (1986) combination of its tested edges, doubled (Bonferroni over the two),
     * then Benjamini–Hochberg across accounts (hierarchical testing in the spirit of Benjamini &amp;
     * Bogomolov 2014). An account joined to the network by one lucky edge among many candidates is not
     * selected; a puppet weakly tied to each of thirty others is.
     */
    private static boolean[] accountLevelSelection(PairCounts counter, int[] deg, int[] testedIdx, double[] p,
            int na, double alpha) {
        double[] stat = new double[na];
        int[] start = new int[na + 1];
        for (int k = 0; k < testedIdx.length; k++) {
            long key = counter.keys[testedIdx[k]];
            double l = -2 * Math.log(Math.max(p[k], 1e-300));
            stat[PairKernel.keyA(key)] += l;
            stat[PairKernel.keyB(key)] += l;
            start[PairKernel.keyA(key) + 1]++;
            start[PairKernel.keyB(key) + 1]++;
        }
        for (int a = 0; a < na; a++) start[a + 1] += start[a];
        double[] vals = new double[start[na]];
        int[] fill = Arrays.copyOf(start, na);
        for (int k = 0; k < testedIdx.length; k++) {
            long key = counter.keys[testedIdx[k]];
            vals[fill[PairKernel.keyA(key)]++] = p[k];
            vals[fill[PairKernel.keyB(key)]++] = p[k];
        }
        int m = 0;
        for (int a = 0; a < na; a++) if (deg[a] > 0) m++;
        double[] pa = new double[m];
        int[] who = new int[m];
        int i = 0;
        for (int a = 0; a < na; a++) {
            if (deg[a] == 0) continue;
            double fisher = NullModel.chiSquareUpperTailEvenDf(stat[a], 2 * deg[a]);
            // Simes over the tested edges: catches an account with a few strong edges among many weak candidates
            Arrays.sort(vals, start[a], start[a + 1]);
            double simes = 1;
            int nt = start[a + 1] - start[a];
            for (int k = start[a]; k < start[a + 1]; k++) simes = Math.min(simes, vals[k] * nt / (k - start[a] + 1));
            pa[i] = Math.min(1, 2 * Math.min(fisher, simes));
            who[i++] = a;
        }
        double[] q = NullModel.benjaminiHochberg(pa, Math.max(1, m));
        boolean[] selected = new boolean[na];
        for (int k = 0; k < m; k++) if (q[k] <= alpha) selected[who[k]] = true;
        return selected;
    }

    /**
     * λ per tested edge under the jitter null, exactly: the two accounts' actions (sorted by object, then
     * time) are merged object by object; every cross pair on a timed signal with |gap| ≤ w + 2D has its
     * probability of landing within w; per object, pairs are grouped into episodes by time like the observed
     * co-actions, and each episode adds q = 1 − Π(1 − p) to λ. A pair of posts met again on a later object
     * (a second link of the same two posts) is skipped, as the observed count skips it. Cost per edge is
     * linear in the two accounts' actions (no viral bound needed, nothing dropped).
     */
    private static double[][] jitterExpectation(int[] so, int[] sa, long[] st, byte[] ss, long[] window, long[] gap,
            boolean[] anyTime, java.util.BitSet popular, CoordinationConfig c, long[] keys, int[] testedIdx, int na) {
        int tested = testedIdx.length;
        double[] lambda = new double[tested], lambdaContent = new double[tested], lambdaOther = new double[tested];
        if (tested == 0) return new double[][] {lambda, lambdaContent, lambdaOther};
        long[] d = new long[window.length], wide = new long[window.length];
        long[] dPopular = new long[window.length], widePopular = new long[window.length];
        for (Signal s : Signal.values()) {
            int k = s.ordinal();
            d[k] = c.jitterMs(s);
            wide[k] = anyTime[k] || !c.enabled(s) ? -1 : window[k] + 2 * d[k];
            dPopular[k] = c.popularJitterMs(s);
            widePopular[k] = anyTime[k] || !c.enabled(s) ? -1 : window[k] + 2 * dPopular[k];
        }
        // per-account copies of the actions in (object, time) order (a stable counting sort of the sorted
        // rows), so that merging two accounts reads contiguous memory
        int m = so.length;
        int[] start = new int[na + 1];
        for (int k = 0; k < m; k++) start[sa[k] + 1]++;
        for (int a = 0; a < na; a++) start[a + 1] += start[a];
        int[] ao = new int[m];
        long[] at = new long[m];
        byte[] as = new byte[m];
        int[] fill = Arrays.copyOf(start, na);
        for (int k = 0; k < m; k++) {
            int x = fill[sa[k]]++;
            ao[x] = so[k];
            at[x] = st[k];
            as[x] = ss[k];
        }
        int threads = Math.max(1, Math.min(c.effectiveThreads(), tested / 4096 + 1));
        List<Runnable> jobs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            jobs.add(() -> {
                long[] pt = new long[64];
                double[] pl = new double[64];
                StampedSet seen = new StampedSet();
                for (int k = first; k < tested; k += threads) {
                    long key = keys[testedIdx[k]];
                    int a = PairKernel.keyA(key), b = PairKernel.keyB(key);
                    int i = start[a], ie = start[a + 1], j = start[b], je = start[b + 1];
                    seen.reset();
                    while (i < ie && j < je) {
                        int oi = ao[i], oj = ao[j];
                        if (oi < oj) { i++; continue; }
                        if (oi > oj) { j++; continue; }
                        int i2 = i, j2 = j;
                        while (i2 < ie && ao[i2] == oi) i2++;
                        while (j2 < je && ao[j2] == oi) j2++;
                        int s = as[i];
                        boolean pop = popular.get(oi);
                        long ws = pop ? widePopular[s] : wide[s], ds = pop ? dPopular[s] : d[s];
                        if (ws >= 0) {
                            int n = 0;
                            for (int x = i; x < i2; x++) {
                                long tx = at[x];
                                for (int y = j; y < j2; y++) {
                                    long g = at[y] - tx;
                                    if (g > ws || -g > ws) continue;
                                    double pr = NullModel.jitterWithin(g, window[s], ds);
                                    if (pr <= 0 || !seen.add(tx * 0x9E3779B97F4A7C15L + at[y])) continue;
                                    if (n == pt.length) {
                                        pt = Arrays.copyOf(pt, n * 2);
                                        pl = Arrays.copyOf(pl, n * 2);
                                    }
                                    pt[n] = Math.min(tx, tx + g);
                                    pl[n] = pr >= 1 ? -745 : Math.log1p(-pr);
                                    n++;
                                }
                            }
                            if (n > 0) {
                                double q = episodes(pt, pl, n, gap[s]);
                                lambda[k] += q;
                                if (NullModel.isContent(s)) lambdaContent[k] += q;
                                else lambdaOther[k] += q;
                            }
                        }
                        i = i2;
                        j = j2;
                    }
                }
            });
        }
        Parallel.run(jobs);
        return new double[][] {lambda, lambdaContent, lambdaOther};
    }

    /** Groups one object's null pair probabilities into episodes by time; returns Σ of the episodes' q. */
    private static double episodes(long[] pt, double[] pl, int n, long gap) {
        if (n > 1) {
            // insertion sort by time (n is small: the two accounts' actions on one object)
            for (int x = 1; x < n; x++) {
                long t = pt[x];
                double l = pl[x];
                int y = x - 1;
                while (y >= 0 && pt[y] > t) { pt[y + 1] = pt[y]; pl[y + 1] = pl[y]; y--; }
                pt[y + 1] = t;
                pl[y + 1] = l;
            }
        }
        double sum = 0, logNone = 0;
        long last = pt[0];
        for (int x = 0; x < n; x++) {
            if (x > 0 && pt[x] - last > gap) {
                sum += -Math.expm1(logNone);
                logNone = 0;
            }
            logNone += pl[x];
            last = pt[x];
        }
        return sum - Math.expm1(logNone);
    }

    /** A set of longs emptied in O(1) (entries carry the generation they were added in). */
    private static final class StampedSet {
        private long[] keys = new long[64];
        private int[] stamp = new int[64];
        private int generation = 1, size;

        void reset() {
            generation++;
            size = 0;
            if (generation == Integer.MAX_VALUE) {
                Arrays.fill(stamp, 0);
                generation = 1;
            }
        }

        /** Adds {@code v}; false when it was there already. */
        boolean add(long v) {
            if (2 * (size + 1) > keys.length) grow();
            int mask = keys.length - 1;
            int h = (int) org.lockstep.core.text.MinHashLsh.mix(v) & mask;
            while (stamp[h] == generation) {
                if (keys[h] == v) return false;
                h = (h + 1) & mask;
            }
            keys[h] = v;
            stamp[h] = generation;
            size++;
            return true;
        }

        private void grow() {
            long[] ok = keys;
            int[] os = stamp;
            keys = new long[ok.length * 2];
            stamp = new int[ok.length * 2];
            int mask = keys.length - 1;
            for (int i = 0; i < ok.length; i++) {
                if (os[i] != generation) continue;
                int h = (int) org.lockstep.core.text.MinHashLsh.mix(ok[i]) & mask;
                while (stamp[h] == generation) h = (h + 1) & mask;
                keys[h] = ok[i];
                stamp[h] = generation;
            }
        }
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
        Kept kp = new Kept(nk);
        for (int i = 0; i < nk; i++) {
            int e = kept[i];
            slot[e] = i;
            kp.key[i] = keys[e];
            kp.a[i] = PairKernel.keyA(keys[e]);
            kp.b[i] = PairKernel.keyB(keys[e]);
            kp.objects[i] = net.objects[e];
            kp.episodes[i] = net.objects[e];
            kp.signals[i] = net.signals[e];
            kp.expected[i] = Double.NaN;
            kp.p[i] = Double.NaN;
            kp.q[i] = Double.NaN;
            kp.weight[i] = net.weight[e];
        }
        PairList pl = new PairList();
        for (int k = 0; k < net.pairs; k++) {
            int e = slot[net.pairEdge[k]];
            if (e >= 0) pl.add(net.pairOlder[k], net.pairNewer[k], e);
        }
        int[] actionsPerAccount = new int[x.accountCount()];
        for (int i = 0; i < x.size; i++) actionsPerAccount[x.account[i]]++;
        CoordinationResult.Counts counts = new CoordinationResult.Counts(x.size, ne, 0, nk, net.pairs, 0, 0,
                net.ignoredActions, ts.nearPairs, ts.skippedBuckets);
        return finish(x, c, createdAt, kp, pl, actionsPerAccount, counts, extractMs, pairsMs, 0, 0, t0);
    }

    /** Kept edges, sorted by key, before their pair statistics. */
    private static final class Kept {
        final long[] key;
        final int[] a, b, objects, episodes, signals;
        final double[] expected, p, q, weight;

        Kept(int n) {
            key = new long[n];
            a = new int[n];
            b = new int[n];
            objects = new int[n];
            episodes = new int[n];
            signals = new int[n];
            expected = new double[n];
            p = new double[n];
            q = new double[n];
            weight = new double[n];
        }
    }

    /** Pairs (action indices, earlier first) behind the kept edges. */
    private static final class PairList {
        int[] i = new int[1024], j = new int[1024], e = new int[1024];
        int size;

        void add(int ai, int aj, int edge) {
            if (size == i.length) {
                i = Arrays.copyOf(i, size * 2);
                j = Arrays.copyOf(j, size * 2);
                e = Arrays.copyOf(e, size * 2);
            }
            i[size] = ai;
            j[size] = aj;
            e[size] = edge;
            size++;
        }
    }

    private static CoordinationResult finish(Actions x, CoordinationConfig c, long[] createdAt, Kept kp, PairList pl,
            int[] actionsPerAccount, CoordinationResult.Counts counts, long extractMs, long pairsMs,
            long significanceMs, long evidenceMs, long t0) {
        long t4 = System.nanoTime();
        int nk = kp.key.length;
        int na = x.accountCount();
        // pairs grouped by edge, each edge's pairs by time of the earlier action
        int np = pl.size;
        int[] order = new int[np];
        for (int k = 0; k < np; k++) order[k] = k;
        final int[] pe = pl.e, pi = pl.i, pj = pl.j;
        final long[] t = x.time;
        IntArrays.quickSort(order, (u, v) -> {
            int cmp = Integer.compare(pe[u], pe[v]);
            if (cmp != 0) return cmp;
            cmp = Long.compare(t[pi[u]], t[pi[v]]);
            return cmp != 0 ? cmp : Long.compare(t[pj[u]], t[pj[v]]);
        });
        int[] coActions = new int[nk], fast = new int[nk], aFirst = new int[nk], bFirst = new int[nk];
        long[] minGap = new long[nk], medianGap = new long[nk];
        double[] meanGap = new double[nk];
        int[] evOff = new int[nk + 1];
        int cap = c.evidencePerEdge();
        int k = 0;
        long[] gaps = new long[16];
        int evTotal = 0;
        for (int e = 0; e < nk; e++) {
            int s = k;
            while (k < np && pe[order[k]] == e) k++;
            int cnt = k - s;
            coActions[e] = cnt;
            evTotal += Math.min(cap, cnt);
            if (gaps.length < cnt) gaps = new long[Math.max(cnt, gaps.length * 2)];
            double sum = 0;
            for (int u = s; u < k; u++) {
                int y = order[u];
                long g = Math.abs(t[pj[y]] - t[pi[y]]);
                gaps[u - s] = g;
                sum += g;
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
        // evidence
        int[] eo = new int[evTotal], ra = new int[evTotal], rb = new int[evTotal], ca = new int[evTotal],
                cb = new int[evTotal];
        long[] ta = new long[evTotal], tb = new long[evTotal];
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
                w++;
            }
        }
        evOff[nk] = w;
        Evidence evidence = new Evidence(evOff, eo, ra, rb, ca, cb, ta, tb);
        Edges edges = new Edges(nk, kp.a, kp.b, kp.objects, kp.episodes, coActions, fast, minGap, medianGap, meanGap, aFirst, bFirst,
                kp.signals, kp.expected, kp.p, kp.q, kp.weight);
        // graph
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
        List<GroupStats> groups = GroupBuilder.build(x, edges, pl.i, pl.j, pl.e, np, group, component, mem, createdAt);
        long groupsMs = ms(t4);
        CoordinationResult.Timings timings = new CoordinationResult.Timings(extractMs, pairsMs, significanceMs,
                groupsMs, evidenceMs, ms(t0));
        return new CoordinationResult(c, x, edges, accounts, groups, components, evidence, counts, timings);
    }

    static boolean known(long createdAt) {
        return createdAt != AccountSnapshot.UNKNOWN;
    }

    static final class GroupBuilder {
        private GroupBuilder() {}

        static List<GroupStats> build(Actions x, Edges edges, int[] pi, int[] pj, int[] pe, int np, int[] group,
                int[] component, int[] members, long[] createdAt) {
            int ng = 0;
            for (int v : members) ng = Math.max(ng, group[v] + 1);
            List<GroupStats> out = new ArrayList<>(ng);
            if (ng == 0) return out;
            int[] size = new int[ng];
            for (int v : members) size[group[v]]++;
            int[][] mem = new int[ng][];
            for (int g = 0; g < ng; g++) mem[g] = new int[size[g]];
            int[] f = new int[ng];
            for (int v : members) mem[group[v]][f[group[v]]++] = v;
            int[] gEdges = new int[ng], gSignals = new int[ng];
            long[] gCo = new long[ng];
            for (int e = 0; e < edges.size; e++) {
                int g = group[edges.a[e]];
                if (g != group[edges.b[e]]) continue;
                gEdges[g]++;
                gSignals[g] |= edges.signals[e];
            }
            long[] first = new long[ng], last = new long[ng];
            Arrays.fill(first, Long.MAX_VALUE);
            Arrays.fill(last, Long.MIN_VALUE);
            it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap objCount = new it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap();
            it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap leaderCount = new it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap();
            for (int k = 0; k < np; k++) {
                int e = pe[k];
                int g = group[edges.a[e]];
                if (g != group[edges.b[e]]) continue;
                int i = pi[k], j = pj[k];
                gCo[g]++;
                first[g] = Math.min(first[g], Math.min(x.time[i], x.time[j]));
                last[g] = Math.max(last[g], Math.max(x.time[i], x.time[j]));
                objCount.addTo(((long) g << 32) | x.object[i], 1);
                if (x.time[i] != x.time[j]) {
                    int lead = x.time[i] < x.time[j] ? x.account[i] : x.account[j];
                    leaderCount.addTo(((long) g << 32) | lead, 1);
                }
            }
            List<List<GroupStats.ObjectCount>> tops = new ArrayList<>();
            List<List<GroupStats.Leader>> leads = new ArrayList<>();
            for (int g = 0; g < ng; g++) { tops.add(new ArrayList<>()); leads.add(new ArrayList<>()); }
            for (var en : objCount.long2IntEntrySet()) {
                int g = (int) (en.getLongKey() >>> 32), o = (int) en.getLongKey();
                tops.get(g).add(new GroupStats.ObjectCount(o, x.objectSignal(o), null, en.getIntValue()));
            }
            for (var en : leaderCount.long2IntEntrySet()) {
                int g = (int) (en.getLongKey() >>> 32), a = (int) en.getLongKey();
                leads.get(g).add(new GroupStats.Leader(a, en.getIntValue()));
            }
            for (int g = 0; g < ng; g++) {
                List<GroupStats.ObjectCount> top = tops.get(g);
                top.sort((u, v) -> u.coActions() != v.coActions() ? Integer.compare(v.coActions(), u.coActions())
                        : Integer.compare(u.object(), v.object()));
                List<GroupStats.ObjectCount> named = new ArrayList<>();
                for (int i = 0; i < Math.min(10, top.size()); i++) {
                    GroupStats.ObjectCount oc = top.get(i);
                    named.add(new GroupStats.ObjectCount(oc.object(), oc.signal(), x.objectName(oc.object()), oc.coActions()));
                }
                List<GroupStats.Leader> ld = leads.get(g);
                ld.sort((u, v) -> u.timesFirst() != v.timesFirst() ? Integer.compare(v.timesFirst(), u.timesFirst())
                        : Integer.compare(u.account(), v.account()));
                if (ld.size() > 10) ld = new ArrayList<>(ld.subList(0, 10));
                int[] m = mem[g];
                long n = m.length;
                double density = n < 2 ? 0 : gEdges[g] / (n * (n - 1) / 2.0);
                long[] created = new long[m.length];
                int known = 0;
                if (createdAt != null) {
                    for (int v : m) if (v < createdAt.length && known(createdAt[v])) created[known++] = createdAt[v];
                }
                Arrays.sort(created, 0, known);
                long cmin = known > 0 ? created[0] : AccountSnapshot.UNKNOWN;
                long cmax = known > 0 ? created[known - 1] : AccountSnapshot.UNKNOWN;
                long cmed = known > 0 ? created[known / 2] : AccountSnapshot.UNKNOWN;
                out.add(new GroupStats(g, component[m[0]], m, gEdges[g], density, gSignals[g],
                        first[g] == Long.MAX_VALUE ? AccountSnapshot.UNKNOWN : first[g],
                        last[g] == Long.MIN_VALUE ? AccountSnapshot.UNKNOWN : last[g], gCo[g], List.copyOf(named),
                        List.copyOf(ld), known, cmin, cmax, cmed));
            }
            return out;
        }
    }
}
