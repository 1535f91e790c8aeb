package org.lockstep.core.coord;

/**
 * Memory bound for the candidate pairs: a two-level Bloom filter (Bloom 1970) over packed account-pair
 * keys. Pass one marks every pair seen ("once") and every pair seen again ("twice"); pass two stores in
 * the exact counter only pairs marked "twice", from their first co-action, so every pair with two or more
 * co-actions is counted exactly, while the many pairs with a single co-action (which can never reach two
 * episodes) cost two bits each instead of a hash-map entry. False positives only let some single pairs
 * into the exact counter, where they are counted exactly as well.
 *
 * <p>It also counts the distinct pairs (the hypotheses of the false discovery rate control) and each
 * account's distinct partners, corrected upwards for the filter's false-positive rate so that the
 * multiple-testing corrections stay on the conservative side.
 */
final class PairFilter implements PairKernel.Sink {
    private final long[] once, twice;
    private final long mask;
    private final int[] account;
    final int[] partners;
    long distinct;

    PairFilter(long expectedPairs, int[] account, int accounts) {
        long bits = Long.highestOneBit(Math.max(1L << 16, expectedPairs * 8)) << 1;
        bits = Math.min(bits, 1L << 35);
        once = new long[(int) (bits >>> 6)];
        twice = new long[(int) (bits >>> 6)];
        mask = bits - 1;
        this.account = account;
        partners = new int[accounts];
    }

    @Override
    public void pair(int i, int j) {
        long k = PairKernel.key(account[i], account[j]);
        long h = org.lockstep.core.text.MinHashLsh.mix(k);
        long h1 = h & mask, h2 = (h >>> 29 | h << 35) & mask;
        boolean seen = get(once, h1) && get(once, h2);
        if (!seen) {
            set(once, h1);
            set(once, h2);
            distinct++;
            partners[account[i]]++;
            partners[account[j]]++;
        } else {
            set(twice, h1);
            set(twice, h2);
        }
    }

    /** Whether a pair may have two or more co-actions (no false negatives). */
    boolean maybeRepeated(long key) {
        long h = org.lockstep.core.text.MinHashLsh.mix(key);
        return get(twice, h & mask) && get(twice, (h >>> 29 | h << 35) & mask);
    }

    /** The filter's false-positive probability at its final fill, for correcting the counts upwards. */
    double falsePositiveRate() {
        long set = 0;
        for (long w : once) set += Long.bitCount(w);
        double fill = (double) set / (once.length * 64.0);
        return fill * fill;
    }

    private static boolean get(long[] b, long i) {
        return (b[(int) (i >>> 6)] & (1L << i)) != 0;
    }

    private static void set(long[] b, long i) {
        b[(int) (i >>> 6)] |= 1L << i;
    }
}
