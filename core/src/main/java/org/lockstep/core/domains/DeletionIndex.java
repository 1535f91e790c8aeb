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
    private final Long2ObjectOpenHashMap<int[]> postings = new Long2ObjectOpenHashMap<>();
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
        for (Long2ObjectOpenHashMap.Entry<IntArrayList> e : building.long2ObjectEntrySet()) {
            postings.put(e.getLongKey(), e.getValue().toIntArray());
        }
        building.clear();
    }

    /** Key of the string itself followed by the keys of its deletions; fills and returns {@code out}. */
    static long[] keys(String s, long[] out) {
        int n = s.length();
        long[] suf = new long[n + 1];
        long pow = 1;
        for (int j = n - 1; j >= 0; j--) {
            suf[j] = suf[j + 1] + s.charAt(j) * pow;
            pow *= P;
        }
        out[0] = mix(suf[0], n);
        long pre = 0;
        // pw = P^(n-1-k): weight of the prefix after deleting position k
        long[] pows = new long[n + 1];
        pows[0] = 1;
        for (int j = 1; j <= n; j++) pows[j] = pows[j - 1] * P;
        for (int k = 0; k < n; k++) {
            long del = pre * pows[n - 1 - k] + suf[k + 1];
            out[k + 1] = mix(del, n - 1);
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
        return postings.get(key);
    }

    int size() {
        return postings.size();
    }
}
