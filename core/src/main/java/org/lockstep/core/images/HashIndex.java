package org.lockstep.core.images;

import it.unimi.dsi.fastutil.ints.IntArrayList;

/**
 * Multi-index hashing (Norouzi, Punjani and Fleet, "Fast Search in Hamming Space with Multi-Index
 * Hashing", CVPR 2012) over 64-bit hashes: each hash is cut into four 16-bit substrings, each indexed
 * in its own table (a counting sort: 65,536 buckets). Two hashes within Hamming distance {@code r}
 * agree within {@code floor(r / 4)} bits on at least one substring (pigeonhole), so a query looks up,
 * in every table, the buckets within that many bits of its own substring, and checks each candidate's
 * full distance. Exact: it returns every hash within {@code r}, never comparing all pairs. With
 * {@code r = 4s + a} the paper's tighter pigeonhole applies: some substring among the first
 * {@code a + 1} is within {@code s}, or one among the others within {@code s - 1}; so the last tables
 * are searched one bit narrower. Each table keeps the hashes in bucket order, so checking candidates
 * reads memory in sequence.
 * Immutable once built; queries from several threads need one {@link Searcher} each.
 */
public final class HashIndex {
    private static final int M = 4;
    private static final int BUCKETS = 1 << 16;
    private final long[] hashes;
    private final int[][] offsets = new int[M][];
    private final int[][] ids = new int[M][];
    private final long[][] sorted = new long[M][];

    public HashIndex(long[] hashes) {
        this.hashes = hashes.clone();
        int n = hashes.length;
        for (int j = 0; j < M; j++) {
            int[] off = new int[BUCKETS + 1];
            for (long h : hashes) off[chunk(h, j) + 1]++;
            for (int b = 0; b < BUCKETS; b++) off[b + 1] += off[b];
            int[] pos = java.util.Arrays.copyOf(off, BUCKETS);
            int[] id = new int[n];
            for (int i = 0; i < n; i++) id[pos[chunk(hashes[i], j)]++] = i;
            long[] sh = new long[n];
            for (int k = 0; k < n; k++) sh[k] = hashes[id[k]];
            offsets[j] = off;
            ids[j] = id;
            sorted[j] = sh;
        }
    }

    public int size() {
        return hashes.length;
    }

    public long hash(int id) {
        return hashes[id];
    }

    private static int chunk(long h, int j) {
        return (int) (h >>> (16 * j)) & 0xffff;
    }

    /** A reusable query state (not thread-safe; make one per thread). */
    public Searcher searcher() {
        return new Searcher();
    }

    public final class Searcher {
        private final int[] stamp = new int[hashes.length];
        private int query;

        private Searcher() {}

        /** The ids of all hashes within Hamming distance {@code radius} of {@code q} (0 ≤ radius ≤ 63), in no order. */
        public IntArrayList within(long q, int radius) {
            if (radius < 0 || radius > 63) throw new IllegalArgumentException("radius must be in 0..63");
            IntArrayList out = new IntArrayList();
            if (++query == 0) {
                java.util.Arrays.fill(stamp, 0);
                query = 1;
            }
            int s = radius / M;
            if (s >= 4) return linear(q, radius); // radii of 16 and more: a scan is as fast
            int a = radius % M;
            for (int j = 0; j < M; j++) {
                int rj = j <= a ? s : s - 1;
                if (rj < 0) continue;
                int c = chunk(q, j);
                visit(j, c, q, radius, out);
                if (rj >= 1) {
                    for (int x = 0; x < 16; x++) {
                        int c1 = c ^ (1 << x);
                        visit(j, c1, q, radius, out);
                        if (rj >= 2) {
                            for (int y = x + 1; y < 16; y++) {
                                int c2 = c1 ^ (1 << y);
                                visit(j, c2, q, radius, out);
                                if (rj >= 3) for (int z = y + 1; z < 16; z++) visit(j, c2 ^ (1 << z), q, radius, out);
                            }
                        }
                    }
                }
            }
            return out;
        }

        private void visit(int j, int bucket, long q, int radius, IntArrayList out) {
            int[] off = offsets[j];
            long[] sh = sorted[j];
            for (int k = off[bucket], e = off[bucket + 1]; k < e; k++) {
                if (Long.bitCount(sh[k] ^ q) > radius) continue;
                int i = ids[j][k];
                if (stamp[i] == query) continue; // found through an earlier table
                stamp[i] = query;
                out.add(i);
            }
        }

        private IntArrayList linear(long q, int radius) {
            IntArrayList out = new IntArrayList();
            for (int i = 0; i < hashes.length; i++) if (Long.bitCount(hashes[i] ^ q) <= radius) out.add(i);
            return out;
        }
    }

    /**
     * Groups of near-duplicates: connected components of "within {@code radius}" (union–find over
     * the index's answers). Meme templates are such groups whose members carry different captions.
     * Returns each hash's group as the smallest id in it.
     */
    public int[] clusters(int radius) {
        int n = hashes.length;
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
        Searcher s = searcher();
        for (int i = 0; i < n; i++) {
            IntArrayList near = s.within(hashes[i], radius);
            for (int k = 0; k < near.size(); k++) {
                int a = find(parent, i), b = find(parent, near.getInt(k));
                if (a != b) parent[Math.max(a, b)] = Math.min(a, b);
            }
        }
        for (int i = 0; i < n; i++) parent[i] = find(parent, i);
        return parent;
    }

    private static int find(int[] p, int i) {
        while (p[i] != i) {
            p[i] = p[p[i]];
            i = p[i];
        }
        return i;
    }
}
