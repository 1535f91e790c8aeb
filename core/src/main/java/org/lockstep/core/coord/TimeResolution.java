package org.lockstep.core.coord;

/**
 * The resolution of a source's timestamps, and what it does to a co-action window.
 *
 * <p>Many real sources give minutes (the IRA release) or seconds. A time of resolution r stands for an
 * interval [t, t + r): two actions whose stamps are g apart were really between g − r and g + r apart, so
 * a co-action within window w is possible exactly when |g| &lt; w + r. Windows are widened to
 * {@code w + r − 1} ms for the count and for the null model alike, so a ring posting within seconds is
 * found the same whether its times were kept to the millisecond or truncated to the minute.
 */
final class TimeResolution {
    private TimeResolution() {}

    /** The candidate resolutions, coarsest first. */
    private static final long[] CANDIDATES = {3_600_000L, 60_000L, 1_000L};

    /** Fewer times than this say nothing reliable about their resolution: 1 ms is assumed. */
    static final int MIN_TIMES = 20;

    /**
     * The coarsest of one hour, one minute and one second that divides every time, or 1 ms. With fewer
     * than {@link #MIN_TIMES} distinct stamps, 1 ms.
     */
    static long of(long[] times, int n) {
        if (n < MIN_TIMES) return 1;
        for (long r : CANDIDATES) {
            boolean all = true;
            for (int i = 0; i < n && all; i++) all = Math.floorMod(times[i], r) == 0;
            if (all) return r;
        }
        return 1;
    }

    /** The window {@code w} for stamps of resolution {@code r}: {@code w + r − 1} (unchanged for r ≤ 1). */
    static long widen(long w, long r) {
        if (r <= 1 || w < 0) return w;
        return w > Long.MAX_VALUE - r ? Long.MAX_VALUE : w + r - 1;
    }
}
