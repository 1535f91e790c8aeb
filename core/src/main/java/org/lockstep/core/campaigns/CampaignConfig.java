package org.lockstep.core.campaigns;

/**
 * Parameters of {@link CampaignDetector}. {@link #defaults()} documents the defaults.
 *
 * @param scalesMs burst windows, tested at once (default 5 min, 1 h, 4 h)
 * @param minCount smallest window count that can be a burst, per scale (default 10, 30, 60)
 * @param zMin Poisson z-score {@code (count − λ)/√λ} at or above which a window is a burst (default 5)
 * @param minExpected floor of λ per window, the prior for an entity without history (default 1)
 * @param minHistoryMs shortest history used to estimate an entity's own rate (default 1 h)
 * @param minAccounts distinct accounts in the window before anything is flagged (default 5)
 * @param newAccountDays an account younger than this when posting counts as new (default 30)
 * @param inauthenticScore account score at or above which an account counts as inauthentic (default 0.5)
 * @param weights weights of the manipulation score's indicators
 * @param flagThreshold manipulation score at or above which a bursting entity is flagged (default 0.25)
 * @param firstSpreaders how many first posters to report (default 20)
 * @param episodeGapMs occurrences closer than this belong to one episode around the burst (default 6 h)
 * @param maxCampaigns most campaigns reported, highest score first (default 500)
 * @param maxCascadeEdges most cascade edges reported per campaign, earliest first (default 500)
 * @param botSlayerCampaigns for how many top campaigns the BotSlayer-CE baseline is computed (default 100)
 * @param minEntityCount entities with fewer occurrences in the data are not tested (default 10)
 * @param threads how many jobs the scan is split into (0 = one per available processor, at most 8, the default);
 *        results do not depend on it
 * @param executor where those jobs run (null = threads of their own, the default)
 */
public record CampaignConfig(long[] scalesMs, int[] minCount, double zMin, double minExpected, long minHistoryMs,
                             int minAccounts, double newAccountDays, double inauthenticScore,
                             ManipulationWeights weights, double flagThreshold, int firstSpreaders, long episodeGapMs,
                             int maxCampaigns, int maxCascadeEdges, int botSlayerCampaigns, int minEntityCount,
                             int threads, java.util.concurrent.Executor executor) {

    public static final long MINUTE = 60_000L, HOUR = 3_600_000L;

    public CampaignConfig {
        if (scalesMs == null || minCount == null) throw new IllegalArgumentException("scalesMs and minCount are required");
        if (scalesMs.length != minCount.length) throw new IllegalArgumentException("one minimum count per scale");
        if (scalesMs.length == 0) throw new IllegalArgumentException("at least one scale");
        if (scalesMs[0] <= 0) throw new IllegalArgumentException("scales must be positive");
        for (int i = 1; i < scalesMs.length; i++) {
            if (scalesMs[i] <= scalesMs[i - 1]) throw new IllegalArgumentException("scales must increase");
        }
        for (int c : minCount) if (c < 1) throw new IllegalArgumentException("minimum counts must be at least 1: " + c);
        positive("zMin", zMin);
        positive("minExpected", minExpected);
        if (minHistoryMs < 0) throw new IllegalArgumentException("minHistoryMs must be ≥ 0: " + minHistoryMs);
        if (minAccounts < 1) throw new IllegalArgumentException("minAccounts must be ≥ 1: " + minAccounts);
        if (!(newAccountDays >= 0)) throw new IllegalArgumentException("newAccountDays must be ≥ 0: " + newAccountDays);
        if (!(inauthenticScore >= 0 && inauthenticScore <= 1)) throw new IllegalArgumentException("inauthenticScore must be in [0, 1]: " + inauthenticScore);
        if (weights == null) throw new IllegalArgumentException("weights are required");
        if (!(flagThreshold >= 0 && flagThreshold <= 1)) throw new IllegalArgumentException("flagThreshold must be in [0, 1]: " + flagThreshold);
        if (firstSpreaders < 0) throw new IllegalArgumentException("firstSpreaders must be ≥ 0: " + firstSpreaders);
        if (episodeGapMs <= 0) throw new IllegalArgumentException("episodeGapMs must be positive: " + episodeGapMs);
        if (maxCampaigns < 0 || maxCascadeEdges < 0 || botSlayerCampaigns < 0) throw new IllegalArgumentException("limits must be ≥ 0");
        if (minEntityCount < 1) throw new IllegalArgumentException("minEntityCount must be ≥ 1: " + minEntityCount);
        if (threads < 0) throw new IllegalArgumentException("threads must be ≥ 0: " + threads);
        scalesMs = scalesMs.clone();
        minCount = minCount.clone();
    }

    private static void positive(String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) throw new IllegalArgumentException(name + " must be positive and finite: " + v);
    }

    /** The defaults, documented on the record's components. */
    public static CampaignConfig defaults() {
        return builder().build();
    }

    /** A builder holding the defaults; set what differs, then {@link Builder#build()} validates. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this config's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.scalesMs = scalesMs.clone();
        b.minCount = minCount.clone();
        b.zMin = zMin;
        b.minExpected = minExpected;
        b.minHistoryMs = minHistoryMs;
        b.minAccounts = minAccounts;
        b.newAccountDays = newAccountDays;
        b.inauthenticScore = inauthenticScore;
        b.weights = weights;
        b.flagThreshold = flagThreshold;
        b.firstSpreaders = firstSpreaders;
        b.episodeGapMs = episodeGapMs;
        b.maxCampaigns = maxCampaigns;
        b.maxCascadeEdges = maxCascadeEdges;
        b.botSlayerCampaigns = botSlayerCampaigns;
        b.minEntityCount = minEntityCount;
        b.threads = threads;
        b.executor = executor;
        return b;
    }

    /** Builds a {@link CampaignConfig}; the defaults live here and only here. Not thread-safe. */
    public static final class Builder {
        private long[] scalesMs = {5 * MINUTE, HOUR, 4 * HOUR};
        private int[] minCount = {10, 30, 60};
        private double zMin = 5.0, minExpected = 1.0, newAccountDays = 30, inauthenticScore = 0.5, flagThreshold = 0.25;
        private long minHistoryMs = HOUR, episodeGapMs = 6 * HOUR;
        private int minAccounts = 5, firstSpreaders = 20, maxCampaigns = 500, maxCascadeEdges = 500,
                botSlayerCampaigns = 100, minEntityCount = 10, threads = 0;
        private java.util.concurrent.Executor executor;
        private ManipulationWeights weights = ManipulationWeights.defaults();

        private Builder() {}

        /** Burst scales and the smallest count that can be a burst at each (same length, scales increasing). */
        public Builder scales(long[] scalesMs, int[] minCount) {
            this.scalesMs = scalesMs.clone();
            this.minCount = minCount.clone();
            return this;
        }
        public Builder zMin(double v) { zMin = v; return this; }
        public Builder minExpected(double v) { minExpected = v; return this; }
        public Builder minHistoryMs(long v) { minHistoryMs = v; return this; }
        public Builder minAccounts(int v) { minAccounts = v; return this; }
        public Builder newAccountDays(double v) { newAccountDays = v; return this; }
        public Builder inauthenticScore(double v) { inauthenticScore = v; return this; }
        public Builder weights(ManipulationWeights v) { weights = v; return this; }
        public Builder flagThreshold(double v) { flagThreshold = v; return this; }
        public Builder firstSpreaders(int v) { firstSpreaders = v; return this; }
        public Builder episodeGapMs(long v) { episodeGapMs = v; return this; }
        public Builder maxCampaigns(int v) { maxCampaigns = v; return this; }
        public Builder maxCascadeEdges(int v) { maxCascadeEdges = v; return this; }
        public Builder botSlayerCampaigns(int v) { botSlayerCampaigns = v; return this; }
        public Builder minEntityCount(int v) { minEntityCount = v; return this; }
        public Builder threads(int v) { threads = v; return this; }
        public Builder executor(java.util.concurrent.Executor v) { executor = v; return this; }

        /** The config; throws {@link IllegalArgumentException} naming the first invalid parameter. */
        public CampaignConfig build() {
            return new CampaignConfig(scalesMs, minCount, zMin, minExpected, minHistoryMs, minAccounts, newAccountDays,
                    inauthenticScore, weights, flagThreshold, firstSpreaders, episodeGapMs, maxCampaigns,
                    maxCascadeEdges, botSlayerCampaigns, minEntityCount, threads, executor);
        }
    }

    public CampaignConfig withFlagThreshold(double t) {
        return toBuilder().flagThreshold(t).build();
    }

    /** The same scales with other minimum counts; entities rarer than the smallest count are not tested. */
    public CampaignConfig withMinCount(int... counts) {
        return toBuilder().scales(scalesMs, counts).minEntityCount(Math.max(1, java.util.Arrays.stream(counts).min().orElse(1))).build();
    }

    /** The number of jobs to split the scan into. */
    public int effectiveThreads() {
        return threads > 0 ? threads : Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 8));
    }

    @Override
    public long[] scalesMs() { return scalesMs.clone(); }

    @Override
    public int[] minCount() { return minCount.clone(); }

    /** Equal when every parameter is equal, the arrays by content (a record compares arrays by identity). */
    @Override
    public boolean equals(Object o) {
        return o instanceof CampaignConfig c && java.util.Arrays.equals(scalesMs, c.scalesMs)
                && java.util.Arrays.equals(minCount, c.minCount) && toBuilderKey().equals(c.toBuilderKey());
    }

    @Override
    public int hashCode() {
        return 31 * (31 * java.util.Arrays.hashCode(scalesMs) + java.util.Arrays.hashCode(minCount)) + toBuilderKey().hashCode();
    }

    @Override
    public String toString() {
        return "CampaignConfig[scalesMs=" + java.util.Arrays.toString(scalesMs) + ", minCount=" + java.util.Arrays.toString(minCount)
                + ", " + toBuilderKey() + "]";
    }

    private java.util.List<Object> toBuilderKey() {
        return java.util.List.of(zMin, minExpected, minHistoryMs, minAccounts, newAccountDays, inauthenticScore, weights,
                flagThreshold, firstSpreaders, episodeGapMs, maxCampaigns, maxCascadeEdges, botSlayerCampaigns, minEntityCount,
                threads, executor == null ? "own threads" : executor);
    }
}
