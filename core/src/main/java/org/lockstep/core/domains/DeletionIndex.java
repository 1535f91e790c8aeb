package org.lockstep.core.domains;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;

/**
 * Finds every indexed string within Damerau–Levenshtein distance one of a query without
 * enumerating edits of the query against each entry: the symmetric deletion neighbourhood
 * (Garbe, SymSpell 2012; Mor &amp; Fraenkel 1982). Each entry is stored under itself and under each
 * string obtained by deleting one character; a query looks up itself and its own deletions
 * (length + 1 probes). Keys are 64-bit polynomial hashes computed without building the deleted
 * strings, so hits are only candidates: callers verify them.
 */
final class DeletionIndex {
    private static final long P = 0x100000001B3L;
    private static final int MAX = 130;
    private static final long[] POW = new long[MAX + 1];

    static {
        POW[0] = 1;
        for (int i = 1; i <= MAX; i++) POW[i] = POW[i - 1] * P;
    }

    private final Long2ObjectOpenHashMap<int[]> postings = new Long2ObjectOpenHashMap<>();
    /** One-hash Bloom filter over the keys: most probes of ordinary names stop here (one cache line). */
    private long[] bloom = new long[1];
    private int bloomMask;
    private final Long2ObjectOpenHashMap<IntArrayList> building = new Long2ObjectOpenHashMap<>();

    /** Adds entry {@code id} under {@code s} and its one-character deletions. */
    void add(String s, int id) {
        long[] keys = keys(s, new long[s.length() + 1]);
        for (long k : keys) {
            IntArrayList l = building.computeIfAbsent(k, x -> new IntArrayList(2));
            if (l.isEmpty() || l.getInt(l.size() - 1) != id) l.add(id);
        }
    }

    /** Freezes the index; call once after the last {@link #add}. */
    void build() {
        int bits = Integer.highestOneBit(Math.max(64, building.size() * 64 - 1)) << 1; // ~64 bits per key
        bloom = new long[bits >>> 6];
        bloomMask = bits - 1;
        for (Long2ObjectOpenHashMap.Entry<IntArrayList> e : building.long2ObjectEntrySet()) {
            postings.put(e.getLongKey(), e.getValue().toIntArray());
            int b = (int) (e.getLongKey() >>> 17) & bloomMask;
            bloom[b >>> 6] |= 1L << b;
        }
        building.clear();
        postings.trim();
    }

    /** Key of the string itself followed by the keys of its deletions; fills and returns {@code out}. */
    static long[] keys(String s, long[] out) {
        return keys(s, out, new long[s.length() + 1]);
    }

    /** As {@link #keys(String, long[])} with a caller-supplied scratch array of length > s.length(). */
    static long[] keys(String s, long[] out, long[] suf) {
        int n = s.length();
        if (n > MAX) throw new IllegalArgumentException("longer than " + MAX);
        suf[n] = 0;
        for (int j = n - 1; j >= 0; j--) suf[j] = suf[j + 1] + s.charAt(j) * POW[n - 1 - j];
        out[0] = mix(suf[0], n);
        long pre = 0;
        for (int k = 0; k < n; k++) {
            // prefix s[0,k) shifted over the n-1-k characters that follow it after deleting k
            out[k + 1] = mix(pre * POW[n - 1 - k] + suf[k + 1], n - 1);
            pre = pre * P + s.charAt(k);
        }
        return out;
    }

    private static long mix(long h, int len) {
        long x = h ^ ((long) len << 56) ^ 0x9E3779B97F4A7C15L;
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        return x;
    }

    /** Entries stored under {@code key}, or null. */
    int[] get(long key) {
        int b = (int) (key >>> 17) & bloomMask;
        if ((bloom[b >>> 6] & 1L << b) == 0) return null;
        return postings.get(key);
    }

    int size() {
        return postings.size();
    }
}
