package org.lockstep.sim;

import java.util.SplittableRandom;

/**
 * The recent original posts that organic accounts repost, reply to and quote, sampled with
 * probability proportional to popularity times an exponential decay in age. Decay is implemented
 * by growing the weight of new posts ({@code exp(t/tau)}) instead of shrinking old ones, so a draw
 * is one Fenwick-tree descent. When full, a new post evicts the lightest of a few random slots,
 * so popular posts stay while their cascades last.
 */
final class RepostPool {
    private final int k;
    private final double tauMs;
    private final double[] tree;
    final double[] w;
    final long[] id, time, seed;
    final int[] author;
    /** Index into the viral list, or -1. */
    final int[] viral;
    /** Reposts each slot's post has received so far. */
    final int[] reposts;
    /** Posts whose cascade reached {@link #bigCascade} reposts: ids and final counts (evicted or at {@link #drain}). */
    long[] bigIds = new long[16];
    int[] bigCounts = new int[16];
    int nBig;
    int bigCascade = Integer.MAX_VALUE;
    private int filled;
    private long t0;
    private long inserts;

    RepostPool(int k, double halfLifeMs, long t0) {
        this.k = k;
        this.tauMs = halfLifeMs / Math.log(2);
        this.tree = new double[k + 1];
        this.w = new double[k];
        this.id = new long[k];
        this.time = new long[k];
        this.seed = new long[k];
        this.author = new int[k];
        this.viral = new int[k];
        this.reposts = new int[k];
        this.t0 = t0;
    }

    boolean isEmpty() {
        return filled == 0;
    }

    /** Decay factor relative to the current origin. */
    double boost(long t) {
        return Math.exp((t - t0) / tauMs);
    }

    double total() {
        return prefix(k);
    }

    int insert(long postId, long t, int who, long contentSeed, double popularity, int viralIdx, SplittableRandom r) {
        double b = boost(t);
        if (b > 1e150) {
            rescale(t);
            b = 1.0;
        }
        double weight = popularity * b;
        int slot;
        if (filled < k) {
            slot = filled++;
        } else {
            slot = r.nextInt(k);
            for (int i = 0; i < 7; i++) {
                int c = r.nextInt(k);
                if (w[c] < w[slot]) slot = c;
            }
        }
        if (slot < filled && w[slot] > 0) retire(slot);
        add(slot, weight - w[slot]);
        w[slot] = weight;
        id[slot] = postId;
        time[slot] = t;
        seed[slot] = contentSeed;
        author[slot] = who;
        viral[slot] = viralIdx;
        reposts[slot] = 0;
        if (++inserts % 65536 == 0) rebuild();
        return slot;
    }

    /** A slot drawn by weight. */
    int sample(SplittableRandom r) {
        double total = prefix(k);
        double target = r.nextDouble() * total;
        int pos = 0;
        int step = Integer.highestOneBit(k);
        for (; step > 0; step >>= 1) {
            int nxt = pos + step;
            if (nxt <= k && tree[nxt] <= target) {
                pos = nxt;
                target -= tree[nxt];
            }
        }
        int slot = Math.min(pos, filled - 1);
        if (!(w[slot] > 0)) slot = r.nextInt(filled);
        return slot;
    }

    private void retire(int slot) {
        if (reposts[slot] < bigCascade) return;
        if (nBig == bigIds.length) {
            bigIds = java.util.Arrays.copyOf(bigIds, nBig * 2);
            bigCounts = java.util.Arrays.copyOf(bigCounts, nBig * 2);
        }
        bigIds[nBig] = id[slot];
        bigCounts[nBig++] = reposts[slot];
    }

    /** Retires every live post (end of the stream), so big cascades still in the pool are recorded. */
    void drain() {
        for (int i = 0; i < filled; i++) if (w[i] > 0) retire(i);
        // sort by id (= by time) so labels list cascades in order
        for (int i = 1; i < nBig; i++) {
            long x = bigIds[i];
            int c = bigCounts[i], j = i - 1;
            while (j >= 0 && bigIds[j] > x) { bigIds[j + 1] = bigIds[j]; bigCounts[j + 1] = bigCounts[j]; j--; }
            bigIds[j + 1] = x;
            bigCounts[j + 1] = c;
        }
    }

    private void rescale(long t) {
        double f = Math.exp(-(t - t0) / tauMs);
        for (int i = 0; i < k; i++) w[i] *= f;
        t0 = t;
        rebuild();
    }

    private void rebuild() {
        for (int i = 1; i <= k; i++) tree[i] = w[i - 1];
        for (int i = 1; i <= k; i++) {
            int j = i + (i & -i);
            if (j <= k) tree[j] += tree[i];
        }
    }

    private void add(int slot, double delta) {
        for (int i = slot + 1; i <= k; i += i & -i) tree[i] += delta;
    }

    private double prefix(int n) {
        double s = 0;
        for (int i = n; i > 0; i -= i & -i) s += tree[i];
        return s;
    }
}
