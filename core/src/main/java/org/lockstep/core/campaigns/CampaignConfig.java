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
 */
public record CampaignConfig(long[] scalesMs, int[] minCount, double zMin, double minExpected, long minHistoryMs,
                             int minAccounts, double newAccountDays, double inauthenticScore,
                             ManipulationWeights weights, double flagThreshold, int firstSpreaders, long episodeGapMs,
                             int maxCampaigns, int maxCascadeEdges, int botSlayerCampaigns, int minEntityCount) {

    public static final long MINUTE = 60_000L, HOUR = 3_600_000L;

    public CampaignConfig {
        if (scalesMs.length != minCount.length) throw new IllegalArgumentException("one minimum count per scale");
        if (scalesMs.length == 0) throw new IllegalArgumentException("at least one scale");
        for (int i = 1; i < scalesMs.length; i++) {
            if (scalesMs[i] <= scalesMs[i - 1]) throw new IllegalArgumentException("scales must increase");
        }
        scalesMs = scalesMs.clone();
        minCount = minCount.clone();
    }

    public static CampaignConfig defaults() {
        return new CampaignConfig(new long[] {5 * MINUTE, HOUR, 4 * HOUR}, new int[] {10, 30, 60}, 5.0, 1.0, HOUR,
                5, 30, 0.5, ManipulationWeights.defaults(), 0.25, 20, 6 * HOUR, 500, 500, 100, 10);
    }

    public CampaignConfig withFlagThreshold(double t) {
        return new CampaignConfig(scalesMs, minCount, zMin, minExpected, minHistoryMs, minAccounts, newAccountDays,
                inauthenticScore, weights, t, firstSpreaders, episodeGapMs, maxCampaigns, maxCascadeEdges,
                botSlayerCampaigns, minEntityCount);
    }

    public CampaignConfig withMinCount(int... counts) {
        return new CampaignConfig(scalesMs, counts, zMin, minExpected, minHistoryMs, minAccounts, newAccountDays,
                inauthenticScore, weights, flagThreshold, firstSpreaders, episodeGapMs, maxCampaigns, maxCascadeEdges,
                botSlayerCampaigns, Math.max(1, java.util.Arrays.stream(counts).min().orElse(1)));
    }

    @Override
    public long[] scalesMs() { return scalesMs.clone(); }

    @Override
    public int[] minCount() { return minCount.clone(); }
}
