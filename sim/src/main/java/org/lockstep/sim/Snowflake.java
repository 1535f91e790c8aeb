package org.lockstep.sim;

/**
 * Twitter-style snowflake ids: milliseconds since the Twitter epoch in the high bits, a worker
 * number and a per-millisecond sequence in the low 22 bits, so ids increase strictly with time
 * when called in time order.
 */
final class Snowflake {
    static final long TWITTER_EPOCH_MS = 1288834974657L;
    private final long worker;
    private long lastMs = Long.MIN_VALUE;
    private long seq;

    Snowflake(int worker) {
        this.worker = worker & 0x3FF;
    }

    /** The id of a post at {@code timeMs}; calls must come in non-decreasing time order. */
    long next(long timeMs) {
        if (timeMs < lastMs) throw new IllegalStateException("time went backwards: " + timeMs + " < " + lastMs);
        if (timeMs == lastMs) {
            if (++seq > 0xFFF) throw new IllegalStateException("more than 4096 posts in one millisecond");
        } else {
            lastMs = timeMs;
            seq = 0;
        }
        return of(timeMs, worker, seq);
    }

    static long of(long timeMs, long worker, long seq) {
        return ((timeMs - TWITTER_EPOCH_MS) << 22) | (worker << 12) | seq;
    }

    /** The time encoded in a snowflake id. */
    static long timeOf(long id) {
        return (id >> 22) + TWITTER_EPOCH_MS;
    }
}
