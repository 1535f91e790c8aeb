package org.lockstep.core.coord;

/**
 * The exact sliding-window pair kernel. Input columns are sorted by (object, time); for each object a
 * two-pointer sweep visits every pair of actions whose times differ by at most the object's window
 * (exact times, both directions, no bins), each unordered pair once, earlier action first.
 *
 * <p>Viral bound: an action is paired with at most {@code maxPartners} later actions of the same object
 * (the nearest in time); the pairs beyond are counted in {@link Stats#droppedPairs}, not visited. The
 * number of within-window pairs per object ({@code withinPairs}) is exact either way, since the
 * two-pointer knows how many partners each action has without visiting them.
 *
 * <p>A pure function over primitive arrays (no allocation per pair), so a streaming job can run it per window.
 */
public final class PairKernel {
    private PairKernel() {}

    /** Receives pairs {@code (i, j)}, {@code i < j} in sorted order, of actions by different accounts. */
    public interface Sink {
        void pair(int i, int j);
    }

    /** Totals of one run. */
    public static final class Stats {
        public long pairs, droppedPairs, cappedObjects;
    }

    /** Receives, per action {@code i}, its partners {@code i + 1 .. end - 1} (window and viral bound applied). */
    interface Ranges {
        void range(int i, int end);
    }

    /**
     * Runs the kernel.
     *
     * @param object object per action, ascending
     * @param account account per action
     * @param time time per action, ascending within an object
     * @param signal signal ordinal per action (selects the window)
     * @param windowBySignal window per signal ordinal
     * @param maxPartners the viral bound
     * @param withinPairs if not null, receives the number of within-window pairs per object id (same-account
     *        pairs and dropped pairs included)
     * @param sink receives each counted pair of different accounts
     */
    public static Stats run(int[] object, int[] account, long[] time, byte[] signal, long[] windowBySignal,
            int maxPartners, long[] withinPairs, Sink sink) {
        long[] pairs = new long[1];
        Stats st = sweep(object, time, signal, windowBySignal, maxPartners, withinPairs, (i, end) -> {
            int ai = account[i];
            for (int j = i + 1; j < end; j++) {
                if (account[j] != ai) {
                    sink.pair(i, j);
                    pairs[0]++;
                }
            }
        });
        st.pairs = pairs[0];
        return st;
    }

    /**
     * The sweep itself: per object a two-pointer over time finds each action's later partners within the
     * window, capped at {@code maxPartners}, and hands the range to {@code ranges} (one call per action, so
     * the caller's loop over the partners is compiled for that caller alone). Counts what the bound drops.
     */
    static Stats sweep(int[] object, long[] time, byte[] signal, long[] windowBySignal, int maxPartners,
            long[] withinPairs, Ranges ranges) {
        Stats st = new Stats();
        int n = object.length;
        int s = 0;
        while (s < n) {
            int o = object[s];
            int e = s + 1;
            while (e < n && object[e] == o) e++;
            long w = windowBySignal[signal[s]];
            int end = s + 1;
            long within = 0, dropped = 0;
            for (int i = s; i < e; i++) {
                if (end < i + 1) end = i + 1;
                long ti = time[i];
                while (end < e && time[end] - ti <= w) end++;
                int partners = end - i - 1;
                within += partners;
                int lim = end;
                if (partners > maxPartners) {
                    lim = i + 1 + maxPartners;
                    dropped += partners - maxPartners;
                }
                ranges.range(i, lim);
            }
            if (withinPairs != null) withinPairs[o] += within;
            if (dropped > 0) st.cappedObjects++;
            st.droppedPairs += dropped;
            s = e;
        }
        return st;
    }

    /**
     * What {@link #run} would visit, without visiting a pair: {@code [0]} an upper bound of the pairs
     * (same-account pairs included), {@code [1]} the pairs beyond the viral bound, {@code [2]} the objects
     * that hit it.
     */
    static long[] bound(int[] object, long[] time, byte[] signal, long[] windowBySignal, int maxPartners) {
        long[] visits = new long[1];
        Stats st = sweep(object, time, signal, windowBySignal, maxPartners, null, (i, end) -> visits[0] += end - i - 1);
        return new long[] {visits[0], st.droppedPairs, st.cappedObjects};
    }

    /** Packs an unordered account pair into a long key, smaller id in the high half. */
    public static long key(int x, int y) {
        return x < y ? ((long) x << 32) | (y & 0xffffffffL) : ((long) y << 32) | (x & 0xffffffffL);
    }

    public static int keyA(long key) { return (int) (key >>> 32); }
    public static int keyB(long key) { return (int) key; }
}
