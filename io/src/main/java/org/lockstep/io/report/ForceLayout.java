package org.lockstep.io.report;

import java.util.SplittableRandom;

/**
 * Fruchterman–Reingold force-directed layout (1991) of one connected graph in the unit square:
 * all-pairs repulsion {@code k²/d}, attraction {@code d²/k} along edges (scaled by weight), a
 * linearly cooling temperature. Deterministic for a seed. O(n² · iterations), for drawings of up to a
 * few thousand nodes.
 */
final class ForceLayout {
    private ForceLayout() {}

    /**
     * Positions for nodes {@code 0..n-1} with edges {@code (src[e], dst[e])} of weight {@code w[e]};
     * returns {@code [x0, y0, x1, y1, ...]} scaled to fill [0, 1]² (aspect kept).
     */
    static double[] layout(int n, int[] src, int[] dst, double[] w, long seed) {
        double[] p = new double[2 * n];
        if (n == 0) return p;
        if (n == 1) {
            p[0] = p[1] = 0.5;
            return p;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < 2 * n; i++) p[i] = rnd.nextDouble();
        double maxW = 0;
        for (double x : w) maxW = Math.max(maxW, x);
        double[] strength = new double[w.length];
        for (int e = 0; e < w.length; e++) strength[e] = maxW > 0 ? 0.5 + 0.5 * Math.log1p(w[e]) / Math.log1p(maxW) : 1;
        double k = Math.sqrt(1.0 / n), k2 = k * k;
        long pairs = (long) n * n;
        int iterations = (int) Math.max(60, Math.min(300, 4e8 / Math.max(1, pairs)));
        double t0 = 0.1;
        double[] d = new double[2 * n];
        for (int it = 0; it < iterations; it++) {
            java.util.Arrays.fill(d, 0);
            for (int i = 0; i < n; i++) {
                double xi = p[2 * i], yi = p[2 * i + 1];
                double dxi = 0, dyi = 0;
                for (int j = i + 1; j < n; j++) {
                    double dx = xi - p[2 * j], dy = yi - p[2 * j + 1];
                    double dist2 = dx * dx + dy * dy;
                    if (dist2 < 1e-12) {
                        dx = 1e-6 * (1 + (i % 7));
                        dy = 1e-6 * (1 + (j % 5));
                        dist2 = dx * dx + dy * dy;
                    }
                    double f = k2 / dist2; // (k²/dist) / dist: unit vector times force
                    dxi += dx * f;
                    dyi += dy * f;
                    d[2 * j] -= dx * f;
                    d[2 * j + 1] -= dy * f;
                }
                d[2 * i] += dxi;
                d[2 * i + 1] += dyi;
            }
            for (int e = 0; e < src.length; e++) {
                int a = src[e], b = dst[e];
                if (a == b) continue;
                double dx = p[2 * a] - p[2 * b], dy = p[2 * a + 1] - p[2 * b + 1];
                double dist = Math.sqrt(dx * dx + dy * dy);
                double f = dist / k * strength[e]; // (dist²/k) / dist
                d[2 * a] -= dx * f;
                d[2 * a + 1] -= dy * f;
                d[2 * b] += dx * f;
                d[2 * b + 1] += dy * f;
            }
            double t = t0 * (1 - (double) it / iterations) + 1e-4;
            for (int i = 0; i < n; i++) {
                double dx = d[2 * i], dy = d[2 * i + 1];
                double len = Math.sqrt(dx * dx + dy * dy);
                if (len > 0) {
                    double s = Math.min(len, t) / len;
                    p[2 * i] += dx * s;
                    p[2 * i + 1] += dy * s;
                }
            }
        }
        normalise(p, n);
        return p;
    }

    /** Scales positions to fill [0, 1]² keeping the aspect ratio, centred. */
    static void normalise(double[] p, int n) {
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            minX = Math.min(minX, p[2 * i]);
            maxX = Math.max(maxX, p[2 * i]);
            minY = Math.min(minY, p[2 * i + 1]);
            maxY = Math.max(maxY, p[2 * i + 1]);
        }
        double span = Math.max(maxX - minX, maxY - minY);
        if (span <= 0) {
            for (int i = 0; i < 2 * n; i++) p[i] = 0.5;
            return;
        }
        double ox = (1 - (maxX - minX) / span) / 2, oy = (1 - (maxY - minY) / span) / 2;
        for (int i = 0; i < n; i++) {
            p[2 * i] = ox + (p[2 * i] - minX) / span;
            p[2 * i + 1] = oy + (p[2 * i + 1] - minY) / span;
        }
    }
}
