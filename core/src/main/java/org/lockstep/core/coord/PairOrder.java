package org.lockstep.core.coord;

import it.unimi.dsi.fastutil.ints.IntArrays;

/**
 * The order in which the network stage reads the evidence pairs: grouped by edge (ascending), each edge's
 * pairs by the time of the earlier action, then of the later one, and pairs with both times equal (the
 * same two posts on several signals) in the order the sweep found them.
 *
 * <p>A counting sort by edge, then a stable sort of each edge's pairs on keys copied into small local
 * arrays: on a storm of 35 M pairs over half a million edges a single comparator sort of all pairs, each
 * comparison three random reads into arrays of hundreds of megabytes, took most of the network stage.
 */
final class PairOrder {
    private PairOrder() {}

    /**
     * @param pe edge of each pair, in {@code [0, edges)}
     * @param pi earlier action of each pair
     * @param pj later action of each pair
     * @param np number of pairs
     * @param t action times
     * @param edges number of edges
     * @return pair indices in the order above
     */
    static int[] of(int[] pe, int[] pi, int[] pj, int np, long[] t, int edges) {
        int[] start = new int[edges + 1];
        for (int k = 0; k < np; k++) start[pe[k] + 1]++;
        for (int e = 0; e < edges; e++) start[e + 1] += start[e];
        int[] order = new int[np];
        int[] fill = java.util.Arrays.copyOf(start, edges);
        for (int k = 0; k < np; k++) order[fill[pe[k]]++] = k;
        Keys keys = new Keys();
        for (int e = 0; e < edges; e++) {
            int s = start[e], n = start[e + 1] - s;
            if (n > 1) keys.sort(order, s, n, pi, pj, t);
        }
        return order;
    }

    /** Reused buffers of one edge's pairs: their times and their positions. */
    private static final class Keys {
        long[] first = new long[64], second = new long[64];
        int[] pos = new int[64], supp = new int[64], pair = new int[64];

        void sort(int[] order, int s, int n, int[] pi, int[] pj, long[] t) {
            if (pos.length < n) {
                int cap = Math.max(n, 2 * pos.length);
                first = new long[cap];
                second = new long[cap];
                pos = new int[cap];
                supp = new int[cap];
                pair = new int[cap];
            }
            boolean sorted = true;
            for (int u = 0; u < n; u++) {
                int k = order[s + u];
                pair[u] = k;
                pos[u] = u;
                first[u] = t[pi[k]];
                second[u] = t[pj[k]];
                if (u > 0 && (first[u] < first[u - 1] || first[u] == first[u - 1] && second[u] < second[u - 1])) sorted = false;
            }
            if (sorted) return;
            final long[] f = first, g = second;
            // stable: equal times keep the sweep's order (ascending pair index); supp is the merge's scratch, a copy of pos
            System.arraycopy(pos, 0, supp, 0, n);
            IntArrays.mergeSort(pos, 0, n, (x, y) -> f[x] != f[y] ? Long.compare(f[x], f[y]) : Long.compare(g[x], g[y]), supp);
            for (int u = 0; u < n; u++) order[s + u] = pair[pos[u]];
        }
    }
}
