package org.lockstep.core.model;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.Arrays;

/**
 * Maps strings to dense int ids 0..size-1, once, at load time, so that algorithms work on primitive
 * columns. Canonical decimal numbers (the post and account ids of most platforms) are kept as
 * {@code long}s in a primitive map, which takes a fraction of the memory and time of a string map
 * on tens of millions of ids. Not thread-safe.
 */
public final class Interner {
    private final Object2IntOpenHashMap<String> ids;
    private final Long2IntOpenHashMap numbers;
    /** The string of each id, or null when the id is a number kept in {@link #nums}. */
    private String[] strs;
    private long[] nums;
    private int size;

    public Interner() {
        this(16);
    }

    public Interner(int expected) {
        ids = new Object2IntOpenHashMap<>(expected);
        ids.defaultReturnValue(-1);
        numbers = new Long2IntOpenHashMap(expected);
        numbers.defaultReturnValue(-1);
        strs = new String[Math.max(16, expected)];
        nums = new long[Math.max(16, expected)];
    }

    /** The id of {@code s}, assigning the next free id when it is new. */
    public int intern(String s) {
        long n = canonicalNumber(s);
        if (n >= 0) {
            int id = numbers.get(n);
            if (id < 0) {
                id = next(null, n);
                numbers.put(n, id);
            }
            return id;
        }
        int id = ids.getInt(s);
        if (id < 0) {
            id = next(s, 0);
            ids.put(s, id);
        }
        return id;
    }

    /** The id of {@code s}, or -1 when it was never interned. */
    public int find(String s) {
        long n = canonicalNumber(s);
        return n >= 0 ? numbers.get(n) : ids.getInt(s);
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
    static long canonicalNumber(String s) {
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
}
