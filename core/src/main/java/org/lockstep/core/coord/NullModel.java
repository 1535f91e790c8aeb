package org.lockstep.core.coord;

/**
 * The null model behind the p-values: the jitter method (Date, Bienenstock &amp; Geman 1998; Amarasingham,
 * Harrison, Hatsopoulos &amp; Geman 2012), applied to co-actions. Every action is moved independently by a
 * uniform offset in [−D, D]; accounts keep their objects, volume and their timing at scales coarser than D
 * (daily rhythm, reacting to a post within minutes, following bursts), and lose only the fine alignment.
 * Two actions with gap g then end within the window w with probability
 * P(|g + Z| ≤ w), Z = J₁ − J₂ triangular on [−2D, 2D] ({@link #jitterWithin}). An object contributes
 * q = 1 − Π (1 − P(g)) over the cross pairs of the two accounts in one burst (gaps up to w + 2D), and an
 * edge's count of bursts (episodes) is approximated by Poisson(λ = Σ q) (Le Cam 1960); the Poisson upper
 * tail bounds the Poisson-binomial one from above (Hoeffding 1956), so p-values err on the conservative side.
 * The math of both tests lives here (Poisson tails, Benjamini–Hochberg, χ² tails for Fisher's combination);
 * the expectations are computed by {@link TimingNull} and {@link CooccurrenceNull}.
 *
 * <p>So a pair that is always within seconds (a spike in its gap distribution) is significant, while two
 * busy accounts whose gaps are spread smoothly over minutes are not, however many objects they share.
 */
final class NullModel {
    private NullModel() {}

    /**
     * P(|g + Z| ≤ w) for Z the difference of two independent uniform offsets on [−d, d] (triangular on [−2d, 2d]).
     * With d = 0 it is 1 when |g| ≤ w, else 0.
     */
    static double jitterWithin(long gap, long w, long d) {
        if (d <= 0) return Math.abs(gap) <= w ? 1 : 0;
        double g = gap;
        return triangularCdf(w - g, d) - triangularCdf(-w - g, d);
    }

    private static double triangularCdf(double z, double d) {
        double two = 2 * d;
        if (z <= -two) return 0;
        if (z >= two) return 1;
        double den = 8 * d * d;
        if (z <= 0) return (z + two) * (z + two) / den;
        return 1 - (two - z) * (two - z) / den;
    }

    /** P(X ≥ k) for X ~ Poisson(λ), accurate far into the upper tail. */
    static double poissonUpperTail(int k, double lambda) {
        if (k <= 0) return 1;
        if (lambda <= 0) return 0;
        double logLambda = Math.log(lambda);
        if (k > lambda) {
            double lt = -lambda + k * logLambda - logFactorial(k);
            double term = 1, sum = 0;
            for (int i = k; i < k + 100_000; i++) {
                sum += term;
                term *= lambda / (i + 1);
                if (term < sum * 1e-17) break;
            }
            return Math.min(1.0, Math.exp(lt + Math.log(sum)));
        }
        double lower = 0;
        for (int i = 0; i < k; i++) lower += Math.exp(-lambda + i * logLambda - logFactorial(i));
        return Math.max(0.0, Math.min(1.0, 1 - lower));
    }

    /** P(χ² > x) for even degrees of freedom 2k: P(Poisson(x/2) ≤ k − 1), summed without cancellation. */
    static double chiSquareUpperTailEvenDf(double x, int df) {
        int k = df / 2;
        if (x <= 0) return 1;
        double lambda = x / 2;
        if (lambda < k) return Math.max(0, 1 - poissonUpperTail(k, lambda)) ;
        double logLambda = Math.log(lambda);
        double sum = 0;
        for (int i = k - 1; i >= 0; i--) {
            double term = Math.exp(-lambda + i * logLambda - logFactorial(i));
            sum += term;
            if (term < sum * 1e-17) break;
        }
        return Math.min(1, sum);
    }

    private static final double[] LOG_FACT = new double[257];

    static {
        for (int i = 1; i < LOG_FACT.length; i++) LOG_FACT[i] = LOG_FACT[i - 1] + Math.log(i);
    }

    static double logFactorial(int n) {
        if (n < LOG_FACT.length) return LOG_FACT[n];
        double x = n;
        return x * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI * x) + 1 / (12 * x) - 1 / (360 * x * x * x);
    }

    /**
     * Benjamini–Hochberg (1995) q-values: {@code p} holds the p-values of the tested hypotheses, {@code m ≥ p.length}
     * the total number of hypotheses (the untested ones count as p = 1, which keeps the FDR control).
     */
    static double[] benjaminiHochberg(double[] p, long m) {
        int n = p.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        it.unimi.dsi.fastutil.ints.IntArrays.quickSort(order, (x, y) -> Double.compare(p[x], p[y]));
        double[] q = new double[n];
        double min = 1;
        for (int r = n - 1; r >= 0; r--) {
            int i = order[r];
            double v = p[i] * m / (r + 1);
            if (v < min) min = v;
            q[i] = min;
        }
        return q;
    }

    /** R's default (type 7) quantile of {@code values}. */
    static double quantile7(int[] values, int n, double prob) {
        if (n == 0) return Double.NaN;
        int[] v = java.util.Arrays.copyOf(values, n);
        java.util.Arrays.sort(v);
        double h = (n - 1) * prob;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, n - 1);
        return v[lo] + (h - lo) * (v[hi] - v[lo]);
    }
}
