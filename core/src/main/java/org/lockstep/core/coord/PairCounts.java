package org.lockstep.core.coord;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Exact statistics of every account pair that co-acts, counted by sorting, in bounded memory, on several
 * threads.
 *
 * <p>Most candidate pairs co-act once (10M simulated posts: 164M distinct pairs, 1.5M of them repeated), so
 * a hash map over all pairs costs a cache miss per co-action and memory per pair. Here the pair kernel's
 * co-actions (the same pairs as {@link PairKernel#run}: exact window, viral bound) become records
 * (packed pair, action) written into hash partitions sized to a memory budget; each partition is
 * radix-sorted by pair ({@link KeySort}, stable, so a pair's co-actions stay in kernel order, which the
 * episode count needs) and each run of equal pairs is reduced to the pair's objects, episodes and
 * co-actions (see {@link Worker#reduce} for the episode rule). A pass enumerates the pairs again and keeps its own partition's records; threads take
 * passes in turn and never share mutable state. Every pair is counted exactly, whatever the budget: the
 * budget only sets the number of passes.
 *
 * <p>Kept in full are the pairs with at least {@code minEpisodes} episodes; of all pairs it keeps the
 * number ({@link #distinct}, the hypotheses of the false discovery rate), each account's number of distinct
 * partners, and the distribution of co-action counts (for percentile selection).
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
    /** Number of partitions (= enumeration passes) used. */
    int partitions;

    private PairCounts() {}


    /** Bytes of memory each record takes while sorting (key and action, twice), when they do not fit one long. */
    static final int RECORD_BYTES = 24;

    /**
     * Counts the pairs of the kernel over columns sorted by (object, time).
     *
     * @param sp the post behind each action: co-actions whose earlier post already met this pair on another
     *        object (two links of one post, a link and a hashtag set, a text and its near-duplicate) are the
     *        same coincidence and start no episode
     * @param minEpisodes pairs with fewer episodes are counted but not kept
     * @param threads worker threads (at least 1)
     * @param budgetBytes memory the sort buffers may take, over all threads
     */
    static PairCounts count(int[] so, int[] sa, long[] st, byte[] ss, int[] sp, long[] window, long[] episodeGap,
            int maxPartners, int minEpisodes, int accounts, int threads, long budgetBytes) {
        return count(so, sa, st, ss, sp, window, episodeGap, maxPartners, minEpisodes, accounts, threads, budgetBytes,
                true, null, null);
    }

    /**
     * As above; {@code packedRecords} false forces the two-array records (tests use it on small inputs);
     * {@code floor}, when not null, is a per-object value summed over each kept pair's episodes
     * ({@link #floorSum}).
     */
    static PairCounts count(int[] so, int[] sa, long[] st, byte[] ss, int[] sp, long[] window, long[] episodeGap,
            int maxPartners, int minEpisodes, int accounts, int threads, long budgetBytes, boolean packedRecords,
            double[] floor, java.util.concurrent.Executor executor) {
        long[] sweep = PairKernel.bound(so, st, ss, window, maxPartners);
        long bound = sweep[0];
        int bits = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, accounts - 1)));
        // when pair and action fit in 63 bits, a record is one long (the action in the low bits, which the
        // stable sort of the pair bits keeps in kernel order): 16 bytes while sorting instead of 24
        int actionBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, so.length - 1)));
        boolean packed = packedRecords && 2 * bits + actionBits <= 63;
        int recordBytes = packed ? 16 : RECORD_BYTES;
        long perThread = Math.max(256, budgetBytes / recordBytes / Math.max(1, threads));
        perThread = Math.min(perThread, Integer.MAX_VALUE - 64);
        int parts = (int) Math.max(1, Math.min(1 << 20, (bound + perThread - 1) / perThread));
        int t = Math.max(1, Math.min(threads, parts));
        if (parts % t != 0) parts += t - parts % t;
        int capacity = (int) Math.min(perThread, bound / parts + bound / parts / 16 + 1024);
        Job job = new Job(so, sa, st, ss, sp, floor, window, episodeGap, maxPartners, minEpisodes, accounts, bits,
                packed ? actionBits : 0, parts, new AtomicInteger());
        List<Worker> workers = new ArrayList<>();
        for (int w = 0; w < t; w++) workers.add(new Worker(job, capacity));
        org.lockstep.core.concurrent.Workers.run(executor, workers);
        PairCounts r = merge(workers, accounts, bits, parts);
        r.droppedPairs = sweep[1];
        r.cappedObjects = sweep[2];
        return r;
    }

    private static PairCounts merge(List<Worker> workers, int accounts, int bits, int parts) {
        PairCounts r = new PairCounts();
        r.partitions = parts;
        r.partners = new int[accounts];
        int n = 0, maxCo = 0;
        for (Worker w : workers) {
            r.distinct += w.distinct;
            r.visits += w.visits;
            for (int a = 0; a < accounts; a++) r.partners[a] += w.partners[a];
            n += w.outSize;
            maxCo = Math.max(maxCo, w.hist.length);
        }
        r.coActionHistogram = new long[maxCo];
        for (Worker w : workers) for (int c = 0; c < w.hist.length; c++) r.coActionHistogram[c] += w.hist[c];
        // kept pairs in key order (independent of threads and partitions)
        int[] from = new int[n], idx = new int[n];
        int x = 0;
        for (int wi = 0; wi < workers.size(); wi++) {
            for (int e = 0; e < workers.get(wi).outSize; e++) {
                from[x] = wi;
                idx[x++] = e;
            }
        }
        int[] ord = sortedOrder(workers, n, bits);
        r.size = n;
        r.keys = new long[n];
        r.objects = new int[n];
        r.episodes = new int[n];
        r.coActions = new int[n];
        r.floorSum = new double[n];
        r.signals = new int[n];
        long mask = (1L << bits) - 1;
        for (int i = 0; i < n; i++) {
            int g = ord[i];
            Worker w = workers.get(from[g]);
            int e = idx[g];
            long c = w.outKey[e];
            r.keys[i] = PairKernel.key((int) (c >>> bits), (int) (c & mask));
            r.objects[i] = w.outObjects[e];
            r.episodes[i] = w.outEpisodes[e];
            r.coActions[i] = w.outCo[e];
            r.floorSum[i] = w.outFloor[e];
            r.signals[i] = w.outSignals[e];
        }
        return r;
    }

    /** Global indices (worker after worker) of the kept pairs in ascending key order. */
    private static int[] sortedOrder(List<Worker> workers, int n, int bits) {
        long[] k = new long[n];
        int[] v = new int[n];
        int x = 0;
        for (Worker w : workers) {
            for (int e = 0; e < w.outSize; e++) {
                k[x] = w.outKey[e];
                v[x] = x;
                x++;
            }
        }
        long[] kt = new long[n];
        int[] vt = new int[n];
        return KeySort.sort(k, v, kt, vt, n, 2 * bits) ? vt : v;
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

    /** What every worker reads, and the counter that hands out partitions. */
    private record Job(int[] so, int[] sa, long[] st, byte[] ss, int[] sp, double[] floor, long[] window, long[] gap,
            int maxPartners, int minEpisodes, int accounts, int bits, int actionBits, int parts, AtomicInteger next) {}

    private static final class Worker implements Runnable {
        private final Job job;
        private final AtomicInteger next;
        long[] key, keyTmp;
        int[] val, valTmp;
        final int[] partners;
        long distinct, visits;
        long[] hist = new long[16];
        int outSize;
        long[] outKey = new long[256];
        double[] outFloor = new double[256];
        int[] outObjects = new int[256], outEpisodes = new int[256], outCo = new int[256],
                outSignals = new int[256];

        Worker(Job job, int capacity) {
            this.job = job;
            this.next = job.next;
            key = new long[capacity];
            keyTmp = new long[capacity];
            if (job.actionBits == 0) {
                val = new int[capacity];
                valTmp = new int[capacity];
            }
            partners = new int[job.accounts];
        }

        @Override
        public void run() {
            for (int p = next.getAndIncrement(); p < job.parts; p = next.getAndIncrement()) {
                int n = collect(p);
                visits += n;
                if (KeySort.sort(key, val, keyTmp, valTmp, n, job.actionBits, 2 * job.bits)) {
                    long[] tk = key; key = keyTmp; keyTmp = tk;
                    int[] tv = val; val = valTmp; valTmp = tv;
                }
                reduce(n);
            }
        }

        private int size;

        /** Enumerates every pair and keeps the records of partition {@code p}; returns their number. */
        private int collect(int p) {
            final int[] sa = job.sa;
            final int bits = job.bits, shift = job.actionBits;
            final long parts = job.parts;
            final boolean packed = shift > 0;
            size = 0;
            PairKernel.sweep(job.so, job.st, job.ss, job.window, job.maxPartners, null, (i, end) -> {
                int ai = sa[i];
                for (int j = i + 1; j < end; j++) {
                    int aj = sa[j];
                    if (aj == ai) continue;
                    long k = ai < aj ? ((long) ai << bits) | aj : ((long) aj << bits) | ai;
                    if ((((k * 0x9E3779B97F4A7C15L) >>> 33) * parts) >>> 31 != p) continue;
                    if (size == key.length) grow();
                    if (packed) {
                        key[size++] = k << shift | i;
                    } else {
                        key[size] = k;
                        val[size++] = i;
                    }
                }
            });
            return size;
        }

        private void grow() {
            int cap = (int) Math.min(Integer.MAX_VALUE - 64, key.length * 3L / 2 + 1024);
            key = Arrays.copyOf(key, cap);
            keyTmp = new long[cap];
            if (val != null) {
                val = Arrays.copyOf(val, cap);
                valTmp = new int[cap];
            }
        }

        private long pairOf(int x) {
            return job.actionBits > 0 ? key[x] >>> job.actionBits : key[x];
        }

        private int actionOf(int x) {
            return job.actionBits > 0 ? (int) (key[x] & ((1L << job.actionBits) - 1)) : val[x];
        }

        private long[] scratch = new long[64];
        private boolean[] repeat = new boolean[64];

        /**
         * Reduces each run of equal pairs, in kernel order (object order), to its statistics, with the
         * episode rule: a co-action on a new object, or on the same object more than the episode gap after the
         * pair's previous one, starts an episode, unless its earlier action's post already appeared in an
         * earlier co-action of this pair: then it comes from the same posts (two links, a link and a hashtag
         * set) and is the same coincidence, not an independent one. Posts, not times: two co-actions in the
         * same minute of minute-resolution data are two episodes when they are different posts.
         */
        private void reduce(int n) {
            final int[] so = job.so;
            final long[] st = job.st, gap = job.gap;
            final byte[] ss = job.ss;
            final int bits = job.bits;
            final long mask = (1L << bits) - 1;
            int x = 0;
            while (x < n) {
                long k = pairOf(x);
                int from = x;
                while (x < n && pairOf(x) == k) x++;
                int co = x - from;
                if (co == 1 && job.minEpisodes > 1) {
                    // most pairs co-act once: counted without touching the actions (no cache misses)
                    distinct++;
                    partners[(int) (k >>> bits)]++;
                    partners[(int) (k & mask)]++;
                    hist[1]++;
                    continue;
                }
                if (co > 1) markRepeatedPosts(from, x);
                int objects = 0, episodes = 0, sig = 0, lastObject = -1;
                double floorSum = 0;
                long lastTime = 0;
                for (int y = from; y < x; y++) {
                    int i = actionOf(y);
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
                    if (fresh && !(co > 1 && repeat[y - from])) {
                        episodes++;
                        if (job.floor != null) floorSum += job.floor[o];
                    }
                    lastTime = t;
                }
                distinct++;
                partners[(int) (k >>> bits)]++;
                partners[(int) (k & mask)]++;
                if (co >= hist.length) hist = Arrays.copyOf(hist, Math.max(co + 1, hist.length * 2));
                hist[co]++;
                if (episodes >= job.minEpisodes) {
                    add(k, objects, episodes, co, sig, floorSum);
                }
            }
        }

        /** {@code repeat[y - from]}: record y's action's post already occurred earlier in the run. */
        private void markRepeatedPosts(int from, int to) {
            int len = to - from;
            if (repeat.length < len) {
                repeat = new boolean[Math.max(len, repeat.length * 2)];
                scratch = new long[repeat.length];
            }
            final int[] sp = job.sp;
            if (len <= 16 || len >= (1 << 24)) {
                for (int u = 0; u < len; u++) {
                    int p = sp[actionOf(from + u)];
                    boolean r = false;
                    for (int v = 0; v < u && !r; v++) r = sp[actionOf(from + v)] == p;
                    repeat[u] = r;
                }
                return;
            }
            // sort (post, position) packed in one long; within a post, all but the first position repeat
            for (int u = 0; u < len; u++) scratch[u] = (long) sp[actionOf(from + u)] << 24 | u;
            Arrays.sort(scratch, 0, len);
            long prev = -1;
            for (int u = 0; u < len; u++) {
                long p = scratch[u] >>> 24;
                repeat[(int) (scratch[u] & 0xffffff)] = p == prev;
                prev = p;
            }
        }

        private void add(long k, int objects, int episodes, int co, int sig, double floorSum) {
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
}
