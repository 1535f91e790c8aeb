package org.lockstep.core.coord;

/**
 * Stage 4: which tested pairs become edges of the network, and with what weight. One interface, one
 * implementation per rule, in the manner of CWTS networkanalysis's {@code ClusteringAlgorithm}:
 * {@link Significance} (the default: Benjamini–Hochberg over both tests, and an account-level screen),
 * {@link Percentile} (CooRTweet's edge-weight quantile), {@link MinWeight} (the coordination network
 * toolkit's minimum co-action count) and {@link All}.
 */
interface EdgeSelection {
    /** Indexes into {@code tests} of the kept pairs, ascending (so in key order). */
    int[] select(EdgeTests tests);

    /** The weight of kept pair {@code e} for communities and drawing. */
    double weight(EdgeTests tests, int e);

    /** The selection a config asks for. */
    static EdgeSelection of(CoordinationConfig c) {
        return switch (c.selection()) {
            case SIGNIFICANCE -> new Significance(c.alpha(), c.accountLevel());
            case PERCENTILE -> new Percentile(c.edgeWeightPercentile(), c.minRepetitions());
            case MIN_WEIGHT -> new MinWeight(c.minEdgeWeight());
            case ALL -> new All();
        };
    }

    /** Keeps the pairs {@code keep} accepts. */
    private static int[] filter(EdgeTests t, java.util.function.IntPredicate keep) {
        int[] out = new int[t.size()];
        int n = 0;
        for (int e = 0; e < t.size(); e++) if (keep.test(e)) out[n++] = e;
        return java.util.Arrays.copyOf(out, n);
    }

    /**
     * q ≤ alpha on either test; with {@code accountLevel}, both accounts must also pass the
     * {@link AccountScreen}. Weight −log10(p).
     */
    final class Significance implements EdgeSelection {
        private final double alpha;
        private final boolean accountLevel;

        Significance(double alpha, boolean accountLevel) {
            if (!(alpha > 0 && alpha <= 1)) throw new IllegalArgumentException("alpha must be in (0, 1]");
            this.alpha = alpha;
            this.accountLevel = accountLevel;
        }

        @Override
        public int[] select(EdgeTests t) {
            boolean[] ok = accountLevel ? AccountScreen.select(t, alpha) : null;
            return filter(t, e -> t.q[e] <= alpha && (ok == null
                    || ok[PairKernel.keyA(t.keys[e])] && ok[PairKernel.keyB(t.keys[e])]));
        }

        @Override
        public double weight(EdgeTests t, int e) {
            return -Math.log10(Math.max(t.p[e], 1e-300));
        }
    }

    /** CooRTweet: co-actions above the type-7 quantile of all pairs' co-actions. Weight: co-actions. */
    final class Percentile implements EdgeSelection {
        private final double quantile;
        private final int minRepetitions;

        Percentile(double quantile, int minRepetitions) {
            if (!(quantile >= 0 && quantile <= 1)) throw new IllegalArgumentException("quantile must be in [0, 1]");
            this.quantile = quantile;
            this.minRepetitions = minRepetitions;
        }

        @Override
        public int[] select(EdgeTests t) {
            double threshold = t.coActionQuantile(quantile);
            return filter(t, e -> t.coActions[e] > threshold && t.episodes[e] >= minRepetitions);
        }

        @Override
        public double weight(EdgeTests t, int e) {
            return t.coActions[e];
        }
    }

    /** The toolkit: at least {@code min} co-actions. Weight: co-actions. */
    final class MinWeight implements EdgeSelection {
        private final int min;

        MinWeight(int min) {
            this.min = min;
        }

        @Override
        public int[] select(EdgeTests t) {
            return filter(t, e -> t.coActions[e] >= min && t.episodes[e] > 0);
        }

        @Override
        public double weight(EdgeTests t, int e) {
            return t.coActions[e];
        }
    }

    /** Every counted pair with enough repetitions, with its statistics (for inspection). Weight: co-actions. */
    final class All implements EdgeSelection {
        @Override
        public int[] select(EdgeTests t) {
            return filter(t, e -> true);
        }

        @Override
        public double weight(EdgeTests t, int e) {
            return Math.max(t.coActions[e], t.shared[e]);
        }
    }
}
