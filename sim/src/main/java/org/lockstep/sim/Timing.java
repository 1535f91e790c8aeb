package org.lockstep.sim;

import java.util.SplittableRandom;

/**
 * How fast and how active the planted operators are. The detector has fixed windows (60 s for
 * co-actions, 15 min for near-identical text, 10 min between episodes); a simulator whose operators
 * all act inside those windows can only confirm them. So every timed operation draws its own median
 * delay, every account its own delay around it, and every action its own delay around the account's,
 * from log-normal distributions wide enough to straddle the windows: by default about a quarter of
 * the accounts react within 10 s, a third are slower than 60 s, a few slower than 15 min.
 *
 * <p>An account's delay is {@code delayMedianMs · exp(σ_op·Z_op + σ_acc·Z_acc)} with
 * {@code σ_op = delaySpread / 2} (shared by the operation) and {@code σ_acc = delaySpread · √3 / 2}
 * (the account's own), so the log-delays of all accounts have standard deviation {@code delaySpread}
 * around {@code ln delayMedianMs}. Each action then takes {@code accountDelay · exp(0.5·Z)}, at
 * least one second, after its trigger (the burst's first post, the round's start, the wave's order
 * or the original it reposts).
 *
 * <p>Activity: a share {@code sparseShare} of each timed operation's accounts are sparse (one to
 * five posts in all); the others are active as the operation defines.
 *
 * <p>Relaunches: a share {@code relaunchShare} of the sock-puppet bursts and copy-pasta rounds get
 * a second push after a pause of 12 to 48 minutes (log-uniform), and about half of the members act
 * after it instead of after the first, so the burst has an internal gap longer than the detector's
 * 10-minute episode gap.
 *
 * @param delayMedianMs median operator delay over all operations and accounts (ms, 1 s to 1 day)
 * @param delaySpread standard deviation of the natural log of the account delays (0 to 3)
 * @param sparseShare share of a timed operation's accounts with one to five posts (0 to 1)
 * @param relaunchShare share of bursts and rounds with a second push after a pause (0 to 1)
 */
public record Timing(long delayMedianMs, double delaySpread, double sparseShare, double relaunchShare) {
    /**
     * Defaults: median 30 s, spread 1.5 (10 % of accounts under 4.4 s, 10 % over 3.4 min), 30 %
     * sparse, 30 % of bursts relaunched.
     */
    public static final Timing DEFAULTS = new Timing(30_000, 1.5, 0.3, 0.3);

    /** Log-normal spread of one action's delay around its account's delay. */
    static final double ACTION_SPREAD = 0.5;

    public Timing {
        if (delayMedianMs < 1_000 || delayMedianMs > 86_400_000L) {
            throw new IllegalArgumentException("operator delay median must be between 1 s and 1 day");
        }
        if (!(delaySpread >= 0 && delaySpread <= 3)) throw new IllegalArgumentException("delay spread must be between 0 and 3");
        if (!(sparseShare >= 0 && sparseShare <= 1)) throw new IllegalArgumentException("sparse share must be between 0 and 1");
        if (!(relaunchShare >= 0 && relaunchShare <= 1)) {
            throw new IllegalArgumentException("relaunch share must be between 0 and 1");
        }
    }

    public Timing withDelayMedianMs(long ms) {
        return new Timing(ms, delaySpread, sparseShare, relaunchShare);
    }

    public Timing withDelaySpread(double sigma) {
        return new Timing(delayMedianMs, sigma, sparseShare, relaunchShare);
    }

    public Timing withSparseShare(double share) {
        return new Timing(delayMedianMs, delaySpread, share, relaunchShare);
    }

    public Timing withRelaunchShare(double share) {
        return new Timing(delayMedianMs, delaySpread, sparseShare, share);
    }

    /** One operation's median delay (ms). */
    double operationMedian(SplittableRandom r) {
        return delayMedianMs * Math.exp(delaySpread / 2 * r.nextGaussian());
    }

    /** One account's delay (ms) in an operation whose median is {@code opMedian}. */
    long accountDelay(SplittableRandom r, double opMedian) {
        return Math.max(1_000L, Math.round(opMedian * Math.exp(delaySpread * Math.sqrt(3) / 2 * r.nextGaussian())));
    }

    /** One action's delay (ms) after its trigger, for an account whose delay is {@code accountDelay}. */
    static long actionDelay(SplittableRandom r, long accountDelay) {
        return Math.max(1_000L, Math.round(accountDelay * Math.exp(ACTION_SPREAD * r.nextGaussian())));
    }

    /** The time of a second push after {@code start}, or -1 when this burst or round gets none. */
    long relaunch(SplittableRandom r, long start) {
        return r.nextDouble() < relaunchShare ? start + Math.round(720_000 * Math.pow(4, r.nextDouble())) : -1;
    }

    /** Whether the next account is sparse. */
    boolean sparse(SplittableRandom r) {
        return r.nextDouble() < sparseShare;
    }
}
