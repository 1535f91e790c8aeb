package org.lockstep.sim;

import java.util.SplittableRandom;

/**
 * Exactly {@code count} arrival times in increasing order over {@code [start, end)}, distributed
 * with an hour-of-day intensity, generated one at a time without storing them: sorted uniforms by
 * the sequential order-statistics recurrence, mapped through the piecewise-linear inverse CDF.
 */
final class Arrivals {
    private static final long HOUR = 3_600_000L;
    private final SplittableRandom r;
    private final long start, end;
    private final double[] cum;
    private long remaining;
    private double u;
    private int h;
    private long last;

    /**
     * @param hourWeight relative intensity by local hour 0..23
     * @param utcOffsetHours local time minus UTC
     */
    Arrivals(long start, long end, double[] hourWeight, int utcOffsetHours, long count, SplittableRandom r) {
        this.start = start;
        this.end = end;
        this.r = r;
        this.remaining = count;
        int hours = (int) ((end - start + HOUR - 1) / HOUR);
        cum = new double[hours];
        double s = 0;
        for (int i = 0; i < hours; i++) {
            long t = start + i * HOUR;
            int local = (int) Math.floorMod(Math.floorDiv(t, HOUR) + utcOffsetHours, 24L);
            double len = Math.min(HOUR, end - t) / (double) HOUR;
            s += hourWeight[local] * len;
            cum[i] = s;
        }
        for (int i = 0; i < hours; i++) cum[i] /= s;
        cum[hours - 1] = 1.0;
        last = start;
    }

    long remaining() {
        return remaining;
    }

    long next() {
        if (remaining <= 0) throw new IllegalStateException("no arrivals left");
        u = 1.0 - (1.0 - u) * Math.pow(r.nextDouble(), 1.0 / remaining);
        remaining--;
        while (h < cum.length - 1 && cum[h] < u) h++;
        double lo = h == 0 ? 0.0 : cum[h - 1];
        double span = cum[h] - lo;
        double frac = span > 0 ? (u - lo) / span : 0.0;
        long hs = start + h * HOUR;
        long t = hs + (long) (Math.min(1.0, Math.max(0.0, frac)) * Math.min(HOUR, end - hs));
        if (t >= end) t = end - 1;
        if (t < last) t = last;
        last = t;
        return t;
    }
}
