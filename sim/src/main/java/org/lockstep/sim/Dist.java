package org.lockstep.sim;

import java.util.SplittableRandom;

/** Small random-variate helpers over {@link SplittableRandom} (no boxing, no allocation). */
final class Dist {
    private Dist() {}

    /** Pareto with scale {@code xm} and shape {@code alpha}: heavy tail for activity and popularity. */
    static double pareto(SplittableRandom r, double xm, double alpha) {
        return xm / Math.pow(1.0 - r.nextDouble(), 1.0 / alpha);
    }

    static double exponential(SplittableRandom r, double mean) {
        return -mean * Math.log(1.0 - r.nextDouble());
    }

    /** Gamma with integer shape 2 (sum of two exponentials): a rise-then-decay shape for storms. */
    static double gamma2(SplittableRandom r, double theta) {
        return exponential(r, theta) + exponential(r, theta);
    }

    static double logNormal(SplittableRandom r, double mu, double sigma) {
        return Math.exp(mu + sigma * r.nextGaussian());
    }

    static long between(SplittableRandom r, long lo, long hiExclusive) {
        return lo + r.nextLong(hiExclusive - lo);
    }
}
