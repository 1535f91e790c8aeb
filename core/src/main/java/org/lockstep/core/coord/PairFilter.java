package org.lockstep.core.coord;

/**
 * Memory bound for the candidate pairs: Bloom filters (Bloom 1970) over packed account-pair keys. A
 * co-action falls in a cell (object, time / episode gap); pass one marks every new cell of a pair
 * ("cells"), every pair seen in one cell ("once") and every pair seen in a second cell ("twice"). Two
 * episodes need two cells, so pass two stores in the exact counter only pairs marked "twice", from their
 * first co-action: every pair that can reach two episodes is counted exactly, while the many pairs with a
 * single co-action or a single burst cost a few bits instead of a hash-map entry. False positives of
 * "once"/"twice" only let some other pairs into the exact counter (counted exactly as well); a false
 * positive of "cells" can hide a pair's second cell, losing that pair (a loss of power, at the cell
 * filter's false-positive rate, never a false discovery).
 *
 * <p>It also counts the distinct pairs (the hypotheses of the false discovery rate control) and each
 * account's distinct partners, corrected upwards for the filter's false-positive rate so that the
 * multiple-testing corrections stay on the conservative side.
 */
final class PairFilter implements PairKernel.Sink {
    private final long[] once, twice, cells;
    private final int[] object;
    private final long[] time;
    private final byte[] signal;
    private final long[] cellWidth;
    private final long mask;
    private final int[] account;
    final int[] partners;
    long distinct;

    PairFilter(long expectedPairs, int[] account, int accounts, int[] object, long[] time, byte[] signal,
            long[] episodeGap) {
        this.object = object;
        this.time = time;
        this.signal = signal;
        cellWidth = new long[episodeGap.length];
        for (int s = 0; s < episodeGap.length; s++) cellWidth[s] = Math.max(1, Math.min(episodeGap[s], Long.MAX_VALUE / 4));
        long bits = Long.highestOneBit(Math.max(1L << 16, expectedPairs * 8)) << 1;
        bits = Math.min(bits, 1L << 35);
        once = new long[(int) (bits >>> 6)];
        twice = new long[(int) (bits >>> 6)];
        cells = new long[(int) (bits >>> 6)];
        mask = bits - 1;
        this.account = account;
        partners = new int[accounts];
    }

    @Override
    public void pair(int i, int j) {
        long k = PairKernel.key(account[i], account[j]);
        long cell = org.lockstep.core.text.MinHashLsh.mix(k ^ ((long) object[i] << 20)
                ^ org.lockstep.core.text.MinHashLsh.mix(time[i] / cellWidth[signal[i]]));
        long c1 = cell & mask, c2 = (cell >>> 29 | cell << 35) & mask;
        if (get(cells, c1) && get(cells, c2)) return; // this pair's cell was seen: same episode, nothing new
        set(cells, c1);
        set(cells, c2);
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
