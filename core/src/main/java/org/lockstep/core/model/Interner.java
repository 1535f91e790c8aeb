package org.lockstep.core.model;

import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.Arrays;

/**
 * Maps strings to dense int ids 0..size-1, once, at load time, so that algorithms work on primitive
 * columns. Canonical decimal numbers (the post and account ids of most platforms) are kept as
 * {@code long}s in a primitive map, which takes a fraction of the memory and time of a string map
 * on tens of millions of ids. Not thread-safe.
 */
public final class Interner {
    private final int expected;
    /** Strings that are no canonical number; made on first use. */
    private Object2IntOpenHashMap<String> ids;
    /** Canonical numbers; made on first use. */
    private NumberMap numbers;
    /** The string of each id, or null when the id is a number kept in {@link #nums}. */
    private String[] strs;
    private long[] nums;
    private int size;

    public Interner() {
        this(16);
    }

    /** An interner with room for about {@code expected} strings (of one kind, numbers or not) before it grows. */
    public Interner(int expected) {
        this.expected = Math.max(16, expected);
        strs = new String[this.expected];
        nums = new long[this.expected];
    }

    /** The id of {@code s}, assigning the next free id when it is new. */
    public int intern(String s) {
        return intern(s, canonicalNumber(s));
    }

    /**
     * {@link #intern(String)} with {@code n = canonicalNumber(s)} worked out before, e.g. on another
     * thread; {@code s} itself is then not read when it is a number.
     */
    public int intern(String s, long n) {
        if (n >= 0) {
            NumberMap m = numbers;
            if (m == null) m = numbers = new NumberMap(expected);
            // one probe: the map stores the next id when the number is new and returns -1
            int id = m.putIfAbsent(n, size);
            return id >= 0 ? id : next(null, n);
        }
        Object2IntOpenHashMap<String> m = ids;
        if (m == null) {
            m = ids = new Object2IntOpenHashMap<>(expected);
            m.defaultReturnValue(-1);
        }
        int id = m.putIfAbsent(s, size);
        return id >= 0 ? id : next(s, 0);
    }

    /**
     * Reads the table slot where the canonical number {@code n} is or would be and returns what it
     * read, changing nothing: issuing a few such reads together lets the processor wait for their
     * cache misses at once rather than one after another.
     */
    public long touch(long n) {
        NumberMap m = numbers;
        return n < 0 || m == null ? 0 : m.touch(n);
    }

    /** The id of {@code s}, or -1 when it was never interned. */
    public int find(String s) {
        long n = canonicalNumber(s);
        if (n >= 0) return numbers == null ? -1 : numbers.get(n);
        return ids == null ? -1 : ids.getInt(s);
    }

    public String get(int id) {
        if (id < 0 || id >= size) throw new IndexOutOfBoundsException("id " + id + " of " + size);
        String s = strs[id];
        return s != null ? s : Long.toString(nums[id]);
    }

    public int size() {
        return size;
    }

    private int next(String s, long n) {
        if (size == strs.length) {
            int cap = strs.length * 2;
            strs = Arrays.copyOf(strs, cap);
            nums = Arrays.copyOf(nums, cap);
        }
        strs[size] = s;
        nums[size] = n;
        return size++;
    }

    /**
     * The value of {@code s} when it is a decimal number written canonically (digits only, no leading
     * zero, at most 18 digits, so it round-trips through {@link Long#toString}); else -1.
     */
    public static long canonicalNumber(String s) {
        int len = s.length();
        if (len == 0 || len > 18) return -1;
        char c0 = s.charAt(0);
        if (c0 < '0' || c0 > '9' || (c0 == '0' && len > 1)) return -1;
        long v = 0;
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /**
     * Non-negative longs to ids: open addressing with linear probing, like fastutil's
     * {@code Long2IntOpenHashMap} (same hash, same load factor, so the same memory), but with each pair
     * of slots laid out as {@code [key0, key1, id0+1 | (id1+1) << 32]}: a key and its id share a cache
     * line, so that a lookup in a table of tens of millions of ids costs one cache miss, not two.
     * An id field of 0 marks an empty slot.
     */
    static final class NumberMap {
        private static final float LOAD = 0.75f;
        private long[] t;
        private int mask;
        private int size;
        private int maxFill;

        NumberMap(int expected) {
            long need = (long) Math.ceil(Math.max(2, expected) / (double) LOAD);
            int cap = (int) Math.min(1 << 30, Math.max(16, Long.highestOneBit(need - 1) << 1));
            alloc(cap);
        }

        private void alloc(int cap) {
            t = new long[cap / 2 * 3];
            mask = cap - 1;
            maxFill = (int) Math.min(cap - 1L, (long) Math.ceil(cap * (double) LOAD));
        }

        private static int slot(long k, int mask) {
            long h = k * 0x9E3779B97F4A7C15L;
            h ^= h >>> 32;
            return (int) (h ^ (h >>> 16)) & mask;
        }

        long touch(long k) {
            int s = slot(k, mask);
            return t[(s >>> 1) * 3 + 2];
        }

        /** The id of {@code k}, or -1. */
        int get(long k) {
            long[] t = this.t;
            for (int s = slot(k, mask); ; s = (s + 1) & mask) {
                int g = (s >>> 1) * 3;
                int shift = (s & 1) << 5;
                int v = (int) (t[g + 2] >>> shift);
                if (v == 0) return -1;
                if (t[g + (s & 1)] == k) return v - 1;
            }
        }

        /** The id of {@code k}; when absent, stores {@code id} for it and returns -1. */
        int putIfAbsent(long k, int id) {
            long[] t = this.t;
            for (int s = slot(k, mask); ; s = (s + 1) & mask) {
                int g = (s >>> 1) * 3;
                int shift = (s & 1) << 5;
                int v = (int) (t[g + 2] >>> shift);
                if (v == 0) {
                    t[g + (s & 1)] = k;
                    t[g + 2] |= ((id + 1) & 0xffffffffL) << shift;
                    if (++size > maxFill) rehash();
                    return -1;
                }
                if (t[g + (s & 1)] == k) return v - 1;
            }
        }

        int size() {
            return size;
        }

        private void rehash() {
            long[] old = this.t;
            int oldCap = mask + 1;
            if (oldCap >= 1 << 30) throw new IllegalStateException("too many ids: " + size);
            alloc(oldCap * 2);
            long[] t = this.t;
            for (int s = 0; s < oldCap; s++) {
                int g = (s >>> 1) * 3;
                int shift = (s & 1) << 5;
                long v = (old[g + 2] >>> shift) & 0xffffffffL;
                if (v == 0) continue;
                long k = old[g + (s & 1)];
                int n = slot(k, mask);
                while (true) {
                    int ng = (n >>> 1) * 3;
                    int nshift = (n & 1) << 5;
                    if ((int) (t[ng + 2] >>> nshift) == 0) {
                        t[ng + (n & 1)] = k;
                        t[ng + 2] |= v << nshift;
                        break;
                    }
                    n = (n + 1) & mask;
                }
            }
        }
    }
}
