package org.lockstep.core.coord;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Exact statistics of every account pair that co-acts, counted owner by owner, in bounded memory, on several
 * threads.
 *
 * <p>Most candidate pairs co-act once (10M simulated posts: 453M distinct pairs within the null's reach,
 * 8.5M of them repeated), so neither a hash map over all pairs nor a sort of every co-action at once pays
 * (the first version sorted all co-actions in hash partitions and enumerated every pair once per partition:
 * 22 enumerations of 471M pairs at 10M posts). Here the pairs are counted the way Gustavson (1978) multiplies
 * sparse matrices, one row at a time: each pair is owned by its smaller account (accounts renumbered busiest
 * first); a worker takes owners in turn, walks each owner's actions to their neighbours on the same object
 * (the kernel's pairs exactly: the window both ways, the viral bound as {@link PairKernel} applies it from
 * the earlier action), sorts the owner's co-actions by (partner, earlier action), which is each pair's
 * co-actions in the kernel's order, and reduces each partner's run to the pair's objects, episodes and
 * co-actions (see {@link Worker#reduce} for the episode rule). Each pair is visited from both ends and
 * stored once; the cost is linear in the kernel's pairs plus a sort of small runs, whatever the memory
 * budget, which bounds one owner's stored co-actions (a larger owner is walked once per residue class of
 * its partners). Threads never share mutable state; the kept pairs are merged in key order, so the result is
 * the same whatever the threads and the budget.
 *
 * <p>{@link #countNested} counts two windows in one walk (the timed pairs and the timing null's reach).
 *
 * <p>Kept in full are the pairs with at least {@code minEpisodes} episodes; of all pairs it keeps the
 * number ({@link #distinct}, the hypotheses of the false discovery rate), each account's number of distinct
 * partners, and the distribution of co-action counts (for percentile selection).
 *
 * <p>Reference: F. G. Gustavson, "Two fast algorithms for sparse matrices: multiplication and permuted
 * transposition", ACM TOMS 4(3), 1978.
 */
final class PairCounts {
    /** Distinct pairs with at least one co-action. */
    long distinct;
    /** Cross-account co-action pairs visited (over all pairs). */
    long visits;
    /** Pairs beyond the viral bound (not visited), and the objects that hit it. */
    long droppedPairs, cappedObjects;
    /** Distinct partners per account. */
    int[] partners;
    /** {@code coActionHistogram[c]}: pairs with exactly c co-actions. */
    long[] coActionHistogram = new long[16];
    /** Kept pairs (at least {@code minEpisodes} episodes), sorted by key. */
    int size;
    long[] keys;
    int[] objects, episodes, coActions, signals;
    /** Per kept pair, Σ over its episodes of the episode object's floor (0 without floors). */
    double[] floorSum;
    /** Owners whose co-actions did not fit the budget at once and were walked several times. */
    long splitOwners;

    private PairCounts() {}

    /** Bytes of memory each co-action of an owner takes while it is sorted (partner and action). */
    static final int RECORD_BYTES = 8;

    /**
     * Counts the pairs of the kernel over columns sorted by (object, time).
     *
     * @param sp the post behind each action: co-actions whose earlier post already met this pair on another
     *        object (two links of one post, a link and a hashtag set, a text and its near-duplicate) are the
     *        same coincidence and start no episode
     * @param minEpisodes pairs with fewer episodes are counted but not kept
     * @param threads worker threads (at least 1)
     * @param budgetBytes memory one owner's stored co-actions may take, over all threads
     */
    static PairCounts count(int[] so, int[] sa, long[] st, byte[] ss, int[] sp, long[] window, long[] episodeGap,
            int maxPartners, int minEpisodes, int accounts, int threads, long budgetBytes) {
        return count(so, sa, st, ss, sp, window, episodeGap, maxPartners, minEpisodes, accounts, threads, budgetBytes,
                null, null);
    }

    /**
     * As above; {@code floor}, when not null, is a per-object value summed over each kept pair's episodes
     * ({@link #floorSum}); {@code executor}, when not null, runs the workers (else threads of their own).
     */
    static PairCounts count(int[] so, int[] sa, long[] st, byte[] ss, int[] sp, long[] window, long[] episodeGap,
            int maxPartners, int minEpisodes, int accounts, int threads, long budgetBytes, double[] floor,
            java.util.concurrent.Executor executor) {
        return run(so, sa, st, ss, sp, null, window, episodeGap, maxPartners, minEpisodes, accounts, threads,
                budgetBytes, floor, executor)[1];
    }

    /**
     * Two counts in one walk: the pairs within {@code inner} windows (every statistic, as {@link #count}) and
     * within the wider {@code outer} windows (the kept pairs only, with {@code floor} sums; {@link #distinct}
     * and {@link #visits} too, but no partners or histogram). The inner pairs are exactly the outer pairs
     * whose actions are within the inner window (the viral bound takes the nearest partners first, so it
     * keeps the same inner partners either way); each is counted as {@link #count} with the inner windows
     * would count it.
     *
     * @return {inner, outer}
     */
    static PairCounts[] countNested(int[] so, int[] sa, long[] st, byte[] ss, int[] sp, long[] inner, long[] outer,
            long[] episodeGap, int maxPartners, int minEpisodes, int accounts, int threads, long budgetBytes,
            double[] floor, java.util.concurrent.Executor executor) {
        for (int s = 0; s < inner.length; s++) {
            if (inner[s] > outer[s]) throw new IllegalArgumentException("inner window wider than the outer one");
        }
        return run(so, sa, st, ss, sp, inner, outer, episodeGap, maxPartners, minEpisodes, accounts, threads,
                budgetBytes, floor, executor);
    }

    private static PairCounts[] run(int[] so, int[] sa, long[] st, byte[] ss, int[] sp, long[] inner, long[] window,
            long[] episodeGap, int maxPartners, int minEpisodes, int accounts, int threads, long budgetBytes,
            double[] floor, java.util.concurrent.Executor executor) {
        int n = so.length;
        if (n >= 1 << 30) throw new IllegalArgumentException("more than 2^30 actions in one count");
        long[] sweep = PairKernel.bound(so, st, ss, window, maxPartners);
        long[] innerSweep = inner == null ? null : PairKernel.bound(so, st, ss, inner, maxPartners);
        // accounts renumbered by activity, busiest first, so that the accumulators' hot entries share a few
        // cache lines (in real and simulated data alike a few accounts take most co-actions); the keys and
        // partner counts go back to the callers' ids
        int[] actions = new int[accounts];
        for (int i = 0; i < n; i++) actions[sa[i]]++;
        int[] external = new int[accounts];
        for (int a = 0; a < accounts; a++) external[a] = a;
        it.unimi.dsi.fastutil.ints.IntArrays.quickSort(external,
                (x, y) -> actions[x] != actions[y] ? Integer.compare(actions[y], actions[x]) : Integer.compare(x, y));
        int[] internal = new int[accounts];
        for (int r = 0; r < accounts; r++) internal[external[r]] = r;
        int[] ra = new int[n];
        for (int i = 0; i < n; i++) ra[i] = internal[sa[i]];
        // the owners' actions, in action order (counting sort by account)
        int[] start = new int[accounts + 1];
        for (int r = 0; r < accounts; r++) start[r + 1] = start[r] + actions[external[r]];
        int[] byAccount = new int[n];
        int[] fill = Arrays.copyOf(start, accounts);
        for (int i = 0; i < n; i++) byAccount[fill[ra[i]]++] = i;
        // each object's rows [objectStart[o], objectStart[o + 1]), so that the walks test no object ids
        int maxObject = n == 0 ? -1 : so[n - 1];
        int[] objectStart = new int[maxObject + 1], objectEnd = new int[maxObject + 1];
        for (int i = 0; i < n; ) {
            int e = i + 1;
            while (e < n && so[e] == so[i]) e++;
            objectStart[so[i]] = i;
            objectEnd[so[i]] = e;
            i = e;
        }
        int t = Math.max(1, Math.min(threads, accounts));
        long cap = Math.max(64, budgetBytes / RECORD_BYTES / t);
        cap = Math.min(cap, Integer.MAX_VALUE - 64);
        Job job = new Job(so, ra, external, st, ss, sp, floor, inner, window, episodeGap, maxPartners, minEpisodes,
                accounts, start, byAccount, objectStart, objectEnd, (int) cap, Math.max(1, Math.min(1024, accounts / (t * 16) + 1)),
                new AtomicInteger());
        List<Worker> workers = new ArrayList<>();
        for (int w = 0; w < t; w++) workers.add(new Worker(job));
        org.lockstep.core.concurrent.Workers.run(executor, workers);
        for (Worker w : workers) {
            if (w.outer.partners != null) w.outer.flush();
            if (w.inner != null) w.inner.flush();
        }
        List<Tally> outer = new ArrayList<>(), in = new ArrayList<>();
        long split = 0;
        for (Worker w : workers) {
            outer.add(w.outer);
            if (w.inner != null) in.add(w.inner);
            split += w.splitOwners;
        }
        PairCounts o = merge(outer, accounts, external);
        o.droppedPairs = sweep[1];
        o.cappedObjects = sweep[2];
        o.splitOwners = split;
        PairCounts i = null;
        if (inner != null) {
            i = merge(in, accounts, external);
            i.droppedPairs = innerSweep[1];
            i.cappedObjects = innerSweep[2];
            i.splitOwners = split;
        }
        return new PairCounts[] {i, o};
    }

    private static PairCounts merge(List<Tally> tallies, int accounts, int[] external) {
        PairCounts r = new PairCounts();
        r.partners = new int[accounts];
        int n = 0, maxCo = 0;
        for (Tally w : tallies) {
            r.distinct += w.distinct;
            r.visits += w.visits;
            if (w.partners != null) for (int a = 0; a < accounts; a++) r.partners[external[a]] += w.partners[a];
            n += w.outSize;
            maxCo = Math.max(maxCo, w.hist.length);
        }
        r.coActionHistogram = new long[maxCo];
        for (Tally w : tallies) for (int c = 0; c < w.hist.length; c++) r.coActionHistogram[c] += w.hist[c];
        // kept pairs in key order (independent of threads and of the order owners were taken in)
        long[] k = new long[n];
        int[] v = new int[n];
        int[] from = new int[n], idx = new int[n];
        int x = 0;
        for (int wi = 0; wi < tallies.size(); wi++) {
            Tally w = tallies.get(wi);
            for (int e = 0; e < w.outSize; e++) {
                k[x] = w.outKey[e];
                v[x] = x;
                from[x] = wi;
                idx[x++] = e;
            }
        }
        long[] kt = new long[n];
        int[] vt = new int[n];
        int[] ord = KeySort.sort(k, v, kt, vt, n, 63) ? vt : v;
        r.size = n;
        r.keys = new long[n];
        r.objects = new int[n];
        r.episodes = new int[n];
        r.coActions = new int[n];
        r.floorSum = new double[n];
        r.signals = new int[n];
        for (int i = 0; i < n; i++) {
            int g = ord[i];
            Tally w = tallies.get(from[g]);
            int e = idx[g];
            r.keys[i] = w.outKey[e];
            r.objects[i] = w.outObjects[e];
            r.episodes[i] = w.outEpisodes[e];
            r.coActions[i] = w.outCo[e];
            r.floorSum[i] = w.outFloor[e];
            r.signals[i] = w.outSignals[e];
        }
        return r;
    }

    /** The co-action count at R's type-7 quantile {@code prob} over all pairs. */
    double coActionQuantile(double prob) {
        return quantile7(coActionHistogram, distinct, prob);
    }

    /**
     * R's type-7 quantile {@code prob} of {@code total} values given as a histogram ({@code hist[c]}: how many
     * values equal c); NaN when there are none.
     */
    static double quantile7(long[] hist, long total, double prob) {
        if (total == 0) return Double.NaN;
        double h = (total - 1) * prob;
        long lo = (long) Math.floor(h);
        long hi = Math.min(lo + 1, total - 1);
        return valueAt(hist, lo) + (h - lo) * (valueAt(hist, hi) - valueAt(hist, lo));
    }

    private static int valueAt(long[] hist, long rank) {
        long seen = 0;
        for (int c = 0; c < hist.length; c++) {
            seen += hist[c];
            if (rank < seen) return c;
        }
        return hist.length - 1;
    }

    /** What every worker reads, and the counter that hands out blocks of owners. */
    private record Job(int[] so, int[] sa, int[] external, long[] st, byte[] ss, int[] sp, double[] floor,
            long[] inner, long[] window, long[] gap, int maxPartners, int minEpisodes, int accounts, int[] start,
            int[] byAccount, int[] objectStart, int[] objectEnd, int cap, int block, AtomicInteger next) {}

    /** One count's totals and kept pairs, as a worker accumulates them (accounts by internal id). */
    private static final class Tally {
        /** Null when only the kept pairs are wanted (no partner counts, no histogram). */
        final int[] partners;
        long distinct, visits;
        long[] hist = new long[16];
        int outSize;
        long[] outKey = new long[256];
        double[] outFloor = new double[256];
        int[] outObjects = new int[256], outEpisodes = new int[256], outCo = new int[256],
                outSignals = new int[256];

        Tally(int accounts, boolean full) {
            partners = full ? new int[accounts] : null;
        }

        /**
         * The second accounts of counted pairs, not yet added to {@link #partners}: the increments, random
         * over a large array, run together in {@link #flush} where their cache misses overlap.
         */
        private final int[] pending = new int[1 << 14];
        private int pendingSize;

        /** A pair with {@code co} co-actions, counted. */
        void pair(int a, int b, int co) {
            distinct++;
            if (partners == null) return;
            partners[a]++;
            pending[pendingSize++] = b;
            if (pendingSize == pending.length) flush();
            if (co < hist.length) hist[co]++;
            else {
                hist = Arrays.copyOf(hist, Math.max(co + 1, hist.length * 2));
                hist[co]++;
            }
        }

        void flush() {
            for (int k = 0; k < pendingSize; k++) partners[pending[k]]++;
            pendingSize = 0;
        }

        void add(long k, int objects, int episodes, int co, int sig, double floorSum) {
            if (outSize == outKey.length) {
                int cap = outSize * 2;
                outKey = Arrays.copyOf(outKey, cap);
                outFloor = Arrays.copyOf(outFloor, cap);
                outObjects = Arrays.copyOf(outObjects, cap);
                outEpisodes = Arrays.copyOf(outEpisodes, cap);
                outCo = Arrays.copyOf(outCo, cap);
                outSignals = Arrays.copyOf(outSignals, cap);
            }
            outKey[outSize] = k;
            outFloor[outSize] = floorSum;
            outObjects[outSize] = objects;
            outEpisodes[outSize] = episodes;
            outCo[outSize] = co;
            outSignals[outSize] = sig;
            outSize++;
        }
    }

    /** Takes blocks of owners in turn; everything it writes is its own. */
    private static final class Worker implements Runnable {
        private final Job job;
        /** The count of the (outer) windows; the count of the inner windows, or null. */
        final Tally outer, inner;
        /**
         * The current owner's co-actions with larger accounts, one long each: the partner in the high half,
         * in the low half the earlier action's index shifted left by one with the low bit set when the
         * co-action is within the inner window (always set for a single count). Sorted, they group by
         * partner with each pair's co-actions in the kernel's order (by earlier action).
         */
        private long[] met = new long[1024];
        private int metSize;
        long splitOwners;
        /** One pair's actions, in kernel order, for {@link #reduce}. */
        private int[] seq = new int[64];

        Worker(Job job) {
            this.job = job;
            boolean nested = job.inner != null;
            outer = new Tally(job.accounts, !nested);
            inner = nested ? new Tally(job.accounts, true) : null;
        }

        @Override
        public void run() {
            int na = job.accounts, block = job.block;
            for (int b = job.next.getAndAdd(block); b < na; b = job.next.getAndAdd(block)) {
                int to = Math.min(na, b + block);
                for (int a = b; a < to; a++) owner(a);
            }
        }

        /**
         * Visits every co-action of owner {@code a} with a larger account, in the kernel's pairs: for each
         * of its actions x, the later actions of the object within the window and the viral bound of x, and
         * the earlier actions i of the object whose own window and bound reach x. Stores those with a
         * partner {@code b % parts == part} while they fit {@link Job#cap} (whatever their number when
         * {@code force}); returns the number visited (all parts), or -1 - visited when the stored ones did not
         * fit.
         */
        private long walk(int a, int parts, int part, boolean force) {
            final int[] so = job.so, sa = job.sa, byAccount = job.byAccount, os = job.objectStart, oe = job.objectEnd;
            final long[] st = job.st, window = job.window, inner = job.inner;
            final byte[] ss = job.ss;
            final int maxP = job.maxPartners, cap = force ? Integer.MAX_VALUE - 64 : job.cap;
            long visited = 0;
            boolean fits = true;
            metSize = 0;
            for (int q = job.start[a], qe = job.start[a + 1]; q < qe; q++) {
                int x = byAccount[q];
                int o = so[x];
                long tx = st[x], w = window[ss[x]], wi = inner == null ? w : inner[ss[x]];
                int jEnd = (int) Math.min((long) oe[o], (long) x + 1 + maxP);
                int iEnd = (int) Math.max((long) os[o] - 1, (long) x - 1 - maxP);
                // later partners j of x: the kernel pairs (x, j), earlier action x
                for (int j = x + 1; j < jEnd; j++) {
                    long d = st[j] - tx;
                    if (d > w) break;
                    int b = sa[j];
                    if (b <= a) continue;
                    visited++;
                    if (fits && (parts == 1 || b % parts == part)) fits = store(b, x << 1 | (d <= wi ? 1 : 0), cap);
                }
                // earlier partners i of x: the kernel pairs (i, x), earlier action i, while x is within i's
                // window and bound (times ascend within an object, so the window ends the walk when it fails)
                for (int i = x - 1; i > iEnd; i--) {
                    long d = tx - st[i];
                    if (d > w) break;
                    int b = sa[i];
                    if (b <= a) continue;
                    visited++;
                    if (fits && (parts == 1 || b % parts == part)) fits = store(b, i << 1 | (d <= wi ? 1 : 0), cap);
                }
            }
            return fits ? visited : -1 - visited;
        }

        private boolean store(int b, int code, int cap) {
            if (metSize >= cap) return false;
            if (metSize == met.length) met = Arrays.copyOf(met, (int) Math.min(cap, metSize * 2L));
            met[metSize++] = (long) b << 32 | code;
            return true;
        }

        /** Counts and reduces the pairs owned by account {@code a}. */
        private void owner(int a) {
            if (job.start[a] == job.start[a + 1]) return;
            long v = walk(a, 1, 0, false);
            if (v >= 0) {
                outer.visits += v;
                reduceMet(a);
                return;
            }
            // more co-actions than the budget holds: the partners in residue classes, one walk each
            long visited = -1 - v;
            outer.visits += visited;
            splitOwners++;
            int parts = 2;
            while (parts < job.accounts && (long) parts * job.cap < 2 * visited) parts *= 2;
            for (int part = 0; part < parts; part++) split(a, parts, part);
        }

        /**
         * Reduces owner {@code a}'s pairs with partners {@code b % parts == part}, halving the class until its
         * co-actions fit the budget; a class of a single partner is taken whatever its size (one pair's
         * co-actions are reduced together).
         */
        private void split(int a, int parts, int part) {
            boolean single = parts >= job.accounts;
            if (walk(a, parts, part, single) >= 0) {
                reduceMet(a);
                return;
            }
            split(a, parts * 2, part);
            split(a, parts * 2, part + parts);
        }

        /** Sorts the stored co-actions by partner and action and reduces each partner's run. */
        private void reduceMet(int a) {
            int m = metSize;
            if (m == 0) return;
            Arrays.sort(met, 0, m);
            boolean singlesKept = job.minEpisodes <= 1;
            int x = 0;
            while (x < m) {
                int b = (int) (met[x] >>> 32);
                int from = x, flagged = 0;
                while (x < m && (int) (met[x] >>> 32) == b) flagged += (int) met[x++] & 1;
                int co = x - from;
                if (co == 1 && !singlesKept) outer.pair(a, b, 1);
                else reduce(outer, a, b, from, x, false);
                if (inner != null && flagged > 0) {
                    if (flagged == 1 && !singlesKept) inner.pair(a, b, 1);
                    else reduce(inner, a, b, from, x, true);
                    inner.visits += flagged;
                }
            }
        }

        private long[] scratch = new long[64];
        private boolean[] repeat = new boolean[64];

        /**
         * Reduces the co-actions {@code met[from..to)} of pair (a, b) (those within the inner window when
         * {@code innerOnly}), in kernel order (object, time), to its statistics in {@code tally}, with the
         * episode rule: a co-action on a new object, or on the same object more than the episode gap after the
         * pair's previous one, starts an episode, unless its earlier action's post already appeared in an
         * earlier co-action of this pair: then it comes from the same posts (two links, a link and a hashtag
         * set) and is the same coincidence, not an independent one. Posts, not times: two co-actions in the
         * same minute of minute-resolution data are two episodes when they are different posts.
         */
        private void reduce(Tally tally, int a, int b, int from, int to, boolean innerOnly) {
            int co = 0;
            if (seq.length < to - from) seq = new int[Math.max(to - from, seq.length * 2)];
            for (int y = from; y < to; y++) {
                int code = (int) met[y];
                if (!innerOnly || (code & 1) != 0) seq[co++] = code >>> 1;
            }
            final int[] so = job.so;
            final long[] st = job.st, gap = job.gap;
            final byte[] ss = job.ss;
            final double[] floor = tally == outer ? job.floor : null;
            if (co > 1) markRepeatedPosts(co);
            int objects = 0, episodes = 0, sig = 0, lastObject = -1;
            double floorSum = 0;
            long lastTime = 0;
            for (int y = 0; y < co; y++) {
                int i = seq[y];
                int o = so[i], s = ss[i];
                long t = st[i];
                sig |= 1 << s;
                boolean fresh = false;
                if (o != lastObject) {
                    lastObject = o;
                    objects++;
                    fresh = true;
                } else if (t - lastTime > gap[s]) {
                    fresh = true;
                }
                if (fresh && !(co > 1 && repeat[y])) {
                    episodes++;
                    if (floor != null) floorSum += floor[o];
                }
                lastTime = t;
            }
            tally.pair(a, b, co);
            if (episodes >= job.minEpisodes) {
                tally.add(PairKernel.key(job.external[a], job.external[b]), objects, episodes, co, sig, floorSum);
            }
        }

        /** {@code repeat[y]}: the post of {@code seq[y]} already occurred earlier in {@code seq[0..len)}. */
        private void markRepeatedPosts(int len) {
            if (repeat.length < len) {
                repeat = new boolean[Math.max(len, repeat.length * 2)];
                scratch = new long[repeat.length];
            }
            final int[] sp = job.sp;
            if (len <= 16 || len >= (1 << 24)) {
                for (int u = 0; u < len; u++) {
                    int p = sp[seq[u]];
                    boolean r = false;
                    for (int v = 0; v < u && !r; v++) r = sp[seq[v]] == p;
                    repeat[u] = r;
                }
                return;
            }
            // sort (post, position) packed in one long; within a post, all but the first position repeat
            for (int u = 0; u < len; u++) scratch[u] = (long) sp[seq[u]] << 24 | u;
            Arrays.sort(scratch, 0, len);
            long prev = Long.MIN_VALUE;
            for (int u = 0; u < len; u++) {
                long p = scratch[u] >> 24;
                repeat[(int) (scratch[u] & 0xffffff)] = p == prev;
                prev = p;
            }
        }
    }
}
