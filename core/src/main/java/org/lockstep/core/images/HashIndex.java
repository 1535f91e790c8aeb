package org.lockstep.core.images;

import it.unimi.dsi.fastutil.ints.IntArrayList;

/**
 * Multi-index hashing (Norouzi, Punjani and Fleet, "Fast Search in Hamming Space with Multi-Index
 * Hashing", CVPR 2012) over 64-bit hashes: each hash is cut into four 16-bit substrings, each indexed
 * in its own table (a counting sort: 65,536 buckets). Two hashes within Hamming distance {@code r}
 * agree within {@code floor(r / 4)} bits on at least one substring (pigeonhole), so a query looks up,
 * in every table, the buckets within that many bits of its own substring, and checks each candidate's
 * full distance once. Exact: it returns every hash within {@code r}, never comparing all pairs.
 * Immutable once built; queries from several threads need one {@link Searcher} each.
 */
public final class HashIndex {
    private static final int M = 4;
    private static final int BUCKETS = 1 << 16;
    private final long[] hashes;
    private final int[][] offsets = new int[M][];
    private final int[][] ids = new int[M][];

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
            offsets[j] = off;
            ids[j] = id;
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
            for (int j = 0; j < M; j++) {
                int c = chunk(q, j);
                visit(j, c, q, radius, out);
                if (s >= 1) {
                    for (int a = 0; a < 16; a++) {
                        int c1 = c ^ (1 << a);
                        visit(j, c1, q, radius, out);
                        if (s >= 2) {
                            for (int b = a + 1; b < 16; b++) {
                                int c2 = c1 ^ (1 << b);
                                visit(j, c2, q, radius, out);
                                if (s >= 3) for (int d = b + 1; d < 16; d++) visit(j, c2 ^ (1 << d), q, radius, out);
                            }
                        }
                    }
                }
            }
            return out;
        }

        private void visit(int j, int bucket, long q, int radius, IntArrayList out) {
            int[] off = offsets[j];
            int[] id = ids[j];
            for (int k = off[bucket]; k < off[bucket + 1]; k++) {
                int i = id[k];
                if (stamp[i] == query) continue;
                stamp[i] = query;
                if (Long.bitCount(hashes[i] ^ q) <= radius) out.add(i);
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
