package org.lockstep.core.plans;

/**
 * Did use of an item jump after a call, beyond its own rate before the call? Posts carrying the item
 * are taken as a Poisson process; under the null hypothesis its rate is the same in the baseline
 * window before the call (length {@code w0}, {@code n0} posts) and in the execution window after it
 * ({@code w1}, {@code n1}). Given {@code n = n0 + n1}, {@code n1} is then Binomial(n, w1 / (w0 + w1))
 * whatever the unknown rate, so the exact conditional test of two Poisson rates (Przyborowski and
 * Wilenski 1940; Lehmann and Romano, Testing Statistical Hypotheses, 4.6) gives the one-sided p-value
 * {@code P(X >= n1)}. The lift is the ratio of the two rates, with half a post in the baseline when it
 * had none (so an item never seen before gets a finite lift of {@code 2 n1 w0 / w1}).
 */
final class AdoptionTest {
    private AdoptionTest() {}

    /** The result: rate ratio and one-sided p-value. */
    record Outcome(double lift, double pValue) {}

    static Outcome test(long n0, double w0, long n1, double w1) {
        if (w0 <= 0 || w1 <= 0) throw new IllegalArgumentException("windows must be positive");
        double lift = (n1 / w1) / (Math.max(n0, 0.5) / w0);
        return new Outcome(lift, binomialUpper(n0 + n1, n1, w1 / (w0 + w1)));
    }

    /** {@code P(X >= k)} for X ~ Binomial(n, p), exact by summing the probability mass in log space. */
    static double binomialUpper(long n, long k, double p) {
        if (k <= 0) return 1.0;
        if (k > n) return 0.0;
        if (p <= 0) return 0.0;
        if (p >= 1) return 1.0;
        double mean = n * p;
        double q = 1 - p;
        if (k > mean) {
            double term = Math.exp(logPmf(n, k, p));
            double sum = 0;
            for (long i = k; i <= n && term > 0; i++) {
                sum += term;
                if (term < sum * 1e-17) break;
                term *= (double) (n - i) / (i + 1) * p / q;
            }
            return Math.min(1.0, sum);
        }
        // k at or below the mean: 1 - P(X <= k - 1), summed downwards from k - 1
        double term = Math.exp(logPmf(n, k - 1, p));
        double sum = 0;
        for (long i = k - 1; i >= 0 && term > 0; i--) {
            sum += term;
            if (term < sum * 1e-17) break;
            term *= (double) i / (n - i + 1) * q / p;
        }
        return Math.max(0.0, Math.min(1.0, 1 - sum));
    }

    static double logPmf(long n, long k, double p) {
        return logGamma(n + 1.0) - logGamma(k + 1.0) - logGamma(n - k + 1.0) + k * Math.log(p) + (n - k) * Math.log1p(-p);
    }

    private static final double[] LANCZOS = {0.99999999999980993, 676.5203681218851, -1259.1392167224028,
        771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
        9.9843695780195716e-6, 1.5056327351493116e-7};

    /** log Γ(x) for x > 0 (Lanczos, g = 7, n = 9: relative error below 1e-13). */
    static double logGamma(double x) {
        if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        x -= 1;
        double a = LANCZOS[0];
        double t = x + 7.5;
        for (int i = 1; i < 9; i++) a += LANCZOS[i] / (x + i);
        return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
    }

    /** Benjamini–Hochberg q-values of {@code p} (NaN stays NaN and does not count). */
    static double[] qValues(double[] p) {
        int m = 0;
        for (double v : p) if (!Double.isNaN(v)) m++;
        Integer[] idx = new Integer[p.length];
        for (int i = 0; i < p.length; i++) idx[i] = i;
        java.util.Arrays.sort(idx, (a, b) -> Double.compare(Double.isNaN(p[a]) ? 2 : p[a], Double.isNaN(p[b]) ? 2 : p[b]));
        double[] q = new double[p.length];
        java.util.Arrays.fill(q, Double.NaN);
        double min = 1.0;
        for (int r = m; r >= 1; r--) {
            int i = idx[r - 1];
            min = Math.min(min, p[i] * m / r);
            q[i] = min;
        }
        return q;
    }
}
