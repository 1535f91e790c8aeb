package org.lockstep.core.coord;

import java.util.Arrays;

/**
 * Stages 2 and 3: every account pair counted ({@link PairCounts}) and tested, twice.
 *
 * <ol>
 * <li><b>Timing.</b> Episodes of co-actions within the window, against the jitter null ({@link TimingNull}).
 *     The family (Benjamini–Hochberg's m) is every pair that could reach {@code minRepetitions} episodes
 *     under the null: pairs with that many episodes within the null's reach (window + 2D). A pair that
 *     cannot reach them has a smallest attainable p-value of 1 and is left out, as Tarone (1990) and Gilbert
 *     (2005) do for discrete tests; counting it would only dilute the others. Beyond that, Tarone's
 *     procedure ({@link Tarone}) leaves out pairs whose smallest attainable p-value is too large to pass:
 *     pairs of readers of the same breaking news, whose every co-action the news' own curve explains.</li>
 * <li><b>Co-occurrence.</b> Rare objects shared at any time, against the bipartite configuration model
 *     ({@link CooccurrenceNull}). The family is every pair that could share {@code minRepetitions} of them:
 *     all pairs of accounts that each acted on at least that many rare objects, whether or not they share
 *     any. Counting only the pairs seen sharing them would select the family on the statistic itself
 *     (measured: 26–37 accounts flagged on shuffled real data that way, 0 this way).</li>
 * </ol>
 * Each family gets its own Benjamini–Hochberg procedure at half the rate (the false discovery rate of
 * the union is at most the sum of the two); a pair is significant when either of its hypotheses is
 * rejected. Its {@code p} is the smaller of its two p-values
 * times the number it has (Bonferroni within the pair), its {@code q} the smaller q-value.
 *
 * <p>Pairs are those with at least {@code minRepetitions} timed episodes or shared rare objects, in key order.
 */
final class EdgeTests {
    final long[] keys;
    /** From the timed count (0 when the pair has no timed co-action there). */
    final int[] objects, episodes, coActions, signals;
    /** Rare objects the pair shares at any time (0 when fewer than {@code minRepetitions}). */
    final int[] shared;
    /** NaN where a test was not run. */
    final double[] lambdaTiming, pTiming, lambdaShared, pShared, p, q;
    final long timingHypotheses, sharedHypotheses;
    /** All co-acting pairs (timed) and pairs sharing a rare object, each account's partners among them. */
    final long candidates;
    final int[] partners;
    final long visits, droppedPairs, cappedObjects;
    private final long[] coActionHistogram;

    private EdgeTests(int n, long timingHypotheses, long sharedHypotheses, long candidates, int[] partners,
            long visits, long droppedPairs, long cappedObjects, long[] histogram) {
        keys = new long[n];
        objects = new int[n];
        episodes = new int[n];
        coActions = new int[n];
        signals = new int[n];
        shared = new int[n];
        lambdaTiming = nan(n);
        pTiming = nan(n);
        lambdaShared = nan(n);
        pShared = nan(n);
        p = new double[n];
        q = new double[n];
        this.timingHypotheses = timingHypotheses;
        this.sharedHypotheses = sharedHypotheses;
        this.candidates = candidates;
        this.partners = partners;
        this.visits = visits;
        this.droppedPairs = droppedPairs;
        this.cappedObjects = cappedObjects;
        this.coActionHistogram = histogram;
    }

    private static double[] nan(int n) {
        double[] d = new double[n];
        Arrays.fill(d, Double.NaN);
        return d;
    }

    int size() {
        return keys.length;
    }

    /** Counts and tests the pairs of {@code ix}. */
    static EdgeTests run(ActionIndex ix, CoordinationConfig c, long budgetBytes) {
        int na = ix.actions.accountCount();
        int minRep = Math.max(1, c.minRepetitions());
        int threads = c.effectiveThreads();
        // significance computes both tests; so does "all", which keeps every pair with its p-values to look at
        boolean significance = c.selection() == CoordinationConfig.Selection.SIGNIFICANCE
                || c.selection() == CoordinationConfig.Selection.ALL;
        ActionIndex.Rows t = ix.timed;
        // with significance, the timed pairs and the timing family's pairs within the null's reach (window +
        // 2D) come from one walk: the timed pairs are the reach pairs within the window
        PairCounts timed, reach = null;
        if (significance) {
            PairCounts[] both = PairCounts.countNested(t.object, t.account, t.time, t.signal, t.post, ix.window,
                    ix.reach(), ix.gap, c.maxPartnersPerAction(), minRep, na, threads, budgetBytes, ix.objectCurve,
                    c.executor());
            timed = both[0];
            reach = both[1];
        } else {
            timed = PairCounts.count(t.object, t.account, t.time, t.signal, t.post, ix.window, ix.gap,
                    c.maxPartnersPerAction(), minRep, na, threads, budgetBytes, null, c.executor());
        }
        ActionIndex.Rows r = significance ? ix.rare : anyTimeOnly(ix);
        PairCounts rare = PairCounts.count(r.object, r.account, r.time, r.signal, r.post,
                ix.anyTimeWindows(), ix.anyTimeGaps(), Integer.MAX_VALUE, minRep, na, threads, budgetBytes, null,
                c.executor());
        long timingHypotheses = timed.size;
        boolean[] timingTestable = null;
        if (significance && timed.size > 0) {
            Tarone tarone = Tarone.of(reach, timed, c.alpha());
            timingHypotheses = tarone.family;
            timingTestable = tarone.testable;
        }
        // the union of the two kept sets, in key order
        int n = unionSize(timed.keys, timed.size, rare.keys, rare.size);
        int[] partners = timed.partners.clone();
        for (int a = 0; a < na; a++) partners[a] += rare.partners[a];
        long[] hist = Arrays.copyOf(timed.coActionHistogram, Math.max(timed.coActionHistogram.length,
                rare.coActionHistogram.length));
        for (int k = 0; k < rare.coActionHistogram.length; k++) hist[k] += rare.coActionHistogram[k];
        long sharedHypotheses = rare.size;
        if (significance) {
            int[] rareRows = new int[na];
            for (int k = 0; k < r.size(); k++) rareRows[r.account[k]]++;
            long able = 0;
            for (int a = 0; a < na; a++) if (rareRows[a] >= minRep) able++;
            sharedHypotheses = Math.max(rare.size, able * (able - 1) / 2);
        }
        EdgeTests et = new EdgeTests(n, timingHypotheses, sharedHypotheses, timed.distinct + rare.distinct, partners,
                timed.visits + rare.visits, timed.droppedPairs, timed.cappedObjects, hist);
        int i = 0, j = 0, e = 0;
        int[] fromTimed = new int[n], fromRare = new int[n];
        while (i < timed.size || j < rare.size) {
            long ki = i < timed.size ? timed.keys[i] : Long.MAX_VALUE;
            long kj = j < rare.size ? rare.keys[j] : Long.MAX_VALUE;
            long k = Math.min(ki, kj);
            et.keys[e] = k;
            fromTimed[e] = -1;
            fromRare[e] = -1;
            if (ki == k) {
                fromTimed[e] = i;
                et.objects[e] = timed.objects[i];
                et.episodes[e] = timed.episodes[i];
                et.coActions[e] = timed.coActions[i];
                et.signals[e] = timed.signals[i];
                i++;
            }
            if (kj == k) {
                fromRare[e] = j;
                et.shared[e] = rare.episodes[j];
                et.signals[e] |= rare.signals[j];
                if (!significance) {
                    // any-time signals in the weight-based selections: a shared object counts as a co-action
                    et.objects[e] += rare.objects[j];
                    et.episodes[e] += rare.episodes[j];
                    et.coActions[e] += rare.coActions[j];
                }
                j++;
            }
            e++;
        }
        if (!significance) {
            Arrays.fill(et.p, Double.NaN);
            Arrays.fill(et.q, Double.NaN);
            return et;
        }
        long[] timedKeys = new long[timed.size], rareKeys = new long[rare.size];
        int[] timedSlot = new int[timed.size], rareSlot = new int[rare.size];
        for (int x = 0; x < n; x++) {
            if (fromTimed[x] >= 0) { timedKeys[fromTimed[x]] = et.keys[x]; timedSlot[fromTimed[x]] = x; }
            if (fromRare[x] >= 0) { rareKeys[fromRare[x]] = et.keys[x]; rareSlot[fromRare[x]] = x; }
        }
        TimingNull.Result tn = TimingNull.expect(ix, timedKeys, threads, c.executor());
        double[] lt = tn.lambda();
        double[] lc = CooccurrenceNull.expect(ix, rareKeys);
        double[] pt = new double[timed.size], ps = new double[rare.size];
        for (int x = 0; x < timed.size; x++) {
            int s = timedSlot[x];
            et.lambdaTiming[s] = lt[x];
            // the exact counts where the viral bound cut the pair counter's (TimingNull.Result)
            if (tn.episodes()[x] > et.episodes[s]) et.episodes[s] = tn.episodes()[x];
            if (tn.coActions()[x] > et.coActions[s]) et.coActions[s] = tn.coActions()[x];
            et.pTiming[s] = pt[x] = NullModel.poissonUpperTail(et.episodes[s], lt[x]);
            // outside Tarone's family: a pair that could never be significant is not a hypothesis
            if (!timingTestable[x]) pt[x] = 1;
        }
        for (int x = 0; x < rare.size; x++) {
            int s = rareSlot[x];
            et.lambdaShared[s] = lc[x];
            et.pShared[s] = ps[x] = NullModel.poissonUpperTail(et.shared[s], lc[x]);
        }
        // each family at half the rate (the false discovery rate of the union is at most the sum), so the
        // co-occurrence family, quadratic in the accounts, never dilutes the timing test
        int families = (timed.size > 0 ? 1 : 0) + (rare.size > 0 ? 1 : 0);
        double[] qt = NullModel.benjaminiHochberg(pt, Math.max(1, timingHypotheses));
        double[] qs = NullModel.benjaminiHochberg(ps, Math.max(1, sharedHypotheses));
        double[] q = new double[timed.size + rare.size];
        for (int x = 0; x < timed.size; x++) q[x] = Math.min(1, families * qt[x]);
        for (int x = 0; x < rare.size; x++) q[timed.size + x] = Math.min(1, families * qs[x]);
        Arrays.fill(et.q, 1.0);
        for (int x = 0; x < n; x++) {
            double pT = et.pTiming[x], pS = et.pShared[x];
            int h = (Double.isNaN(pT) ? 0 : 1) + (Double.isNaN(pS) ? 0 : 1);
            double min = Math.min(Double.isNaN(pT) ? 1 : pT, Double.isNaN(pS) ? 1 : pS);
            et.p[x] = Math.min(1, h * min);
        }
        for (int x = 0; x < timed.size; x++) et.q[timedSlot[x]] = Math.min(et.q[timedSlot[x]], q[x]);
        for (int x = 0; x < rare.size; x++) et.q[rareSlot[x]] = Math.min(et.q[rareSlot[x]], q[timed.size + x]);
        return et;
    }

    /** The rare index restricted to any-time signals (the weight-based selections count only those at any time). */
    private static ActionIndex.Rows anyTimeOnly(ActionIndex ix) {
        ActionIndex.Rows r = ix.rare;
        int n = 0;
        for (int k = 0; k < r.size(); k++) if (ix.anyTime[r.signal[k]]) n++;
        ActionIndex.Rows out = new ActionIndex.Rows(n);
        n = 0;
        for (int k = 0; k < r.size(); k++) {
            if (!ix.anyTime[r.signal[k]]) continue;
            out.object[n] = r.object[k];
            out.account[n] = r.account[k];
            out.row[n] = r.row[k];
            out.post[n] = r.post[k];
            out.time[n] = r.time[k];
            out.signal[n++] = r.signal[k];
        }
        return out;
    }

    /** Size of the union of two ascending key arrays. */
    static int unionSize(long[] a, int na, long[] b, int nb) {
        int i = 0, j = 0, n = 0;
        while (i < na || j < nb) {
            long x = i < na ? a[i] : Long.MAX_VALUE, y = j < nb ? b[j] : Long.MAX_VALUE;
            if (x <= y) i++;
            if (y <= x) j++;
            n++;
        }
        return n;
    }

    /** The co-action count at R's type-7 quantile {@code prob} over all counted pairs (CooRTweet's cut). */
    double coActionQuantile(double prob) {
        long total = 0;
        for (long h : coActionHistogram) total += h;
        return PairCounts.quantile7(coActionHistogram, total, prob);
    }
}
