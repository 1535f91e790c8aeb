package org.lockstep.core.analysis;

import java.util.Objects;
import org.lockstep.core.campaigns.CampaignAnalysis;
import org.lockstep.core.coord.CoordinationConfig;

/**
 * What {@link Analysis#run} does: coordination with {@code coordination} (null = skip), then, when
 * {@code campaigns} is not null, campaigns and account signals with the coordination groups as input.
 */
public record AnalysisConfig(CoordinationConfig coordination, CampaignAnalysis.Config campaigns) {
    public AnalysisConfig {
        if (coordination == null && campaigns == null) throw new IllegalArgumentException("nothing to run");
    }

    /** Every analysis with its defaults. */
    public static AnalysisConfig defaults() {
        return new AnalysisConfig(CoordinationConfig.builder().build(), CampaignAnalysis.Config.defaults());
    }

    /** Coordination only. */
    public static AnalysisConfig coordinationOnly(CoordinationConfig c) {
        return new AnalysisConfig(Objects.requireNonNull(c), null);
    }
}
