package org.lockstep.core.coord;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Stage 3a: the expected number of episodes λ of each tested pair under the jitter null ({@link NullModel}),
 * exactly. The two accounts' timed actions (sorted by object, then time) are merged object by object;
 * every cross pair with |gap| ≤ w + 2D has its probability of landing within w; per object, λ gains the
 * expected number of episode starts ({@link #episodes}): a pair that lands with no other landing in the
 * episode gap before it, as the observed co-actions are counted. A pair of posts met again on a later object (a second link of the same two posts) is skipped, as
 * the observed count skips it. Cost per pair is linear in the two accounts' actions.
 *
 * <p>On public news (an object shared by more than {@code popularShare} of the accounts and more than a
 * thousand) the probability is at least the object's own popularity curve: the share of all its pairs of actions that fall within the window,
 * i.e. the chance that two of its sharers picked at random acted together (the null in which the accounts on
 * an object are exchangeable). A news story shared by a thousand readers in the ten minutes after it was
 * published has a third of its pairs within a minute; no jitter of ±15 minutes explains that, the curve
 * does. On smaller objects the curve could be a group's own timing and is not used.
 */
final class TimingNull {
    private TimingNull() {}

    /**
     * Per tested pair: λ, and the pair's observed episodes and co-actions counted exactly, with no viral
     * bound. The pair counter visits at most {@code maxPartnersPerAction} later actions per action (the
     * nearest in time), so on an object that a thousand accounts act on within a minute a pair's observed
     * count is cut to a fraction of its true one while λ counts every candidate: a raid repeated at set
     * times would then never be significant. Counting both sides the same way keeps the test honest; the
     * bound still decides which pairs are candidates (a pair must co-act within the bound at least once).
     * Repeats are counted conservatively: a co-action starts no episode when either of its posts was in an
     * earlier co-action of the pair.
     */
    record Result(double[] lambda, int[] episodes, int[] coActions) {}

    static Result expect(ActionIndex ix, long[] keys, int threads, java.util.concurrent.Executor executor) {
        int tested = keys.length;
        double[] lambda = new double[tested];
        int[] observed = new int[tested], coActions = new int[tested];
        if (tested == 0) return new Result(lambda, observed, coActions);
        ActionIndex.Rows r = ix.timed;
        int na = ix.actions.accountCount();
        long[] wide = ix.reach();
        long[] window = ix.window, d = ix.jitter, gap = ix.gap;
        double[] curve = ix.objectCurve;
        int[] posts = r.post;
        // per-account copies of the actions in (object, time) order, so that merging two accounts reads
        // contiguous memory
        int m = r.size();
        int[] start = new int[na + 1];
        for (int k = 0; k < m; k++) start[r.account[k] + 1]++;
        for (int a = 0; a < na; a++) start[a + 1] += start[a];
        int[] ao = new int[m], ap = new int[m];
        long[] at = new long[m];
        byte[] as = new byte[m];
        int[] fill = Arrays.copyOf(start, na);
        for (int k = 0; k < m; k++) {
            int x = fill[r.account[k]]++;
            ao[x] = r.object[k];
            at[x] = r.time[k];
            as[x] = r.signal[k];
            ap[x] = posts[k];
        }
        int t = Math.max(1, Math.min(threads, tested / 4096 + 1));
        List<Runnable> jobs = new ArrayList<>();
        for (int w = 0; w < t; w++) {
            int first = w;
            jobs.add(() -> {
                long[] pt = new long[64];
                double[] pl = new double[64];
                long[] ct = new long[64];
                int[] cpa = new int[64], cpb = new int[64];
                StampedSet seen = new StampedSet(), used = new StampedSet();
                for (int k = first; k < tested; k += t) {
                    int a = PairKernel.keyA(keys[k]), b = PairKernel.keyB(keys[k]);
                    int i = start[a], ie = start[a + 1], j = start[b], je = start[b + 1];
                    seen.reset();
                    used.reset();
                    double sum = 0;
                    int episodes = 0, co = 0;
                    while (i < ie && j < je) {
                        int oi = ao[i], oj = ao[j];
                        if (oi < oj) { i++; continue; }
                        if (oi > oj) { j++; continue; }
                        int i2 = i, j2 = j;
                        while (i2 < ie && ao[i2] == oi) i2++;
                        while (j2 < je && ao[j2] == oi) j2++;
                        int s = as[i];
                        long ws = wide[s];
                        if (ws >= 0) {
                            int n = 0, c = 0;
                            long win = window[s];
                            for (int x = i; x < i2; x++) {
                                long tx = at[x];
                                for (int y = j; y < j2; y++) {
                                    long g = at[y] - tx;
                                    if (g > ws || -g > ws) continue;
                                    if (g <= win && -g <= win) {
                                        if (c == ct.length) {
                                            ct = Arrays.copyOf(ct, c * 2);
                                            cpa = Arrays.copyOf(cpa, c * 2);
                                            cpb = Arrays.copyOf(cpb, c * 2);
                                        }
                                        ct[c] = Math.min(tx, tx + g);
                                        cpa[c] = ap[x];
                                        cpb[c] = ap[y];
                                        c++;
                                    }
                                    double pr = Math.max(curve[oi], NullModel.jitterWithin(g, window[s], d[s]));
                                    if (pr <= 0 || !seen.add((long) ap[x] << 32 | (ap[y] & 0xffffffffL))) continue;
                                    if (n == pt.length) {
                                        pt = Arrays.copyOf(pt, n * 2);
                                        pl = Arrays.copyOf(pl, n * 2);
                                    }
                                    pt[n] = Math.min(tx, tx + g);
                                    pl[n] = pr >= 1 ? -745 : Math.log1p(-pr);
                                    n++;
                                }
                            }
                            if (n > 0) sum += episodes(pt, pl, n, gap[s]);
                            if (c > 0) {
                                co += c;
                                episodes += observedEpisodes(ct, cpa, cpb, c, gap[s], used);
                            }
                        }
                        i = i2;
                        j = j2;
                    }
                    lambda[k] = sum;
                    observed[k] = episodes;
                    coActions[k] = co;
                }
            });
        }
        org.lockstep.core.concurrent.Workers.run(executor, jobs);
        return new Result(lambda, observed, coActions);
    }

    /**
     * One object's co-actions of a pair (earlier action's time, both posts), in time order, counted into
     * episodes as {@link PairCounts} does: a co-action more than the gap after the previous one starts an
     * episode, unless one of its posts was in an earlier co-action of the pair ({@code used}, kept across
     * objects).
     */
    static int observedEpisodes(long[] t, int[] pa, int[] pb, int n, long gap, StampedSet used) {
        for (int x = 1; x < n; x++) {
            long tt = t[x];
            int a = pa[x], b = pb[x];
            int y = x - 1;
            while (y >= 0 && t[y] > tt) { t[y + 1] = t[y]; pa[y + 1] = pa[y]; pb[y + 1] = pb[y]; y--; }
            t[y + 1] = tt;
            pa[y + 1] = a;
            pb[y + 1] = b;
        }
        int episodes = 0;
        long last = 0;
        for (int x = 0; x < n; x++) {
            boolean fresh = x == 0 || t[x] - last > gap;
            // posts are tagged by side (a's in the high half), so a post of a never matches one of b
            boolean newA = used.add(pa[x] & 0xffffffffL), newB = used.add(1L << 32 | (pb[x] & 0xffffffffL));
            if (fresh && newA && newB) episodes++;
            last = t[x];
        }
        return episodes;
    }

    /**
     * The expected number of episodes among one object's candidate pairs of posts, each landing within the
     * window independently with its probability: Σ over pairs x of P(x lands and no pair in the episode gap
     * before it lands), i.e. the expected number of episode starts under the observed rule ({@link
     * PairCounts}: a co-action more than the gap after the pair's previous one on the object starts an
     * episode). Candidates closer than the gap chain into one long run when two accounts are both active
     * for hours (a storm), yet the co-actions that do land are sparse and form many episodes; the expected
     * number of starts counts them as the observed rule does, where 1 − Π(1 − p) over the run would count
     * one. When every candidate lies within the gap of every other the two agree.
     */
    static double episodes(long[] pt, double[] pl, int n, long gap) {
        if (n > 1) {
            // insertion sort by (time, log): the two accounts' actions are time-ordered, so pairs come nearly
            // sorted; the log breaks ties so that the sums below run in one order whatever the input order
            for (int x = 1; x < n; x++) {
                long t = pt[x];
                double l = pl[x];
                int y = x - 1;
                while (y >= 0 && (pt[y] > t || pt[y] == t && pl[y] > l)) { pt[y + 1] = pt[y]; pl[y + 1] = pl[y]; y--; }
                pt[y + 1] = t;
                pl[y + 1] = l;
            }
        }
        double sum = 0, none = 0;
        int lo = 0;
        for (int x = 0; x < n; ) {
            // candidates at the same time start at most one episode together: 1 − Π(1 − p) of the tie
            int y = x;
            double tie = 0;
            while (y < n && pt[y] == pt[x]) tie += pl[y++];
            // the window [t − gap, t): earlier candidates that would make this a continuation, not a start
            while (pt[x] - pt[lo] > gap) none -= pl[lo++];
            if (lo == x) none = 0;   // an empty window: reset, so sums of logs do not drift over long runs
            sum += -Math.expm1(tie) * Math.exp(none);
            none += tie;
            x = y;
        }
        return sum;
    }

    /** A set of longs emptied in O(1) (entries carry the generation they were added in). */
    static final class StampedSet {
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
}
