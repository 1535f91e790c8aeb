package org.lockstep.core.analysis;

import org.lockstep.core.campaigns.CampaignAnalysis;
import org.lockstep.core.coord.Coordination;
import org.lockstep.core.coord.CoordinationResult;
import org.lockstep.core.model.PostTable;

/**
 * The whole analysis of a case in one call:
 *
 * <pre>{@code
 * PostTable table = ...;                                   // io.read.Readers or a case database
 * AnalysisResult r = Analysis.run(table, AnalysisConfig.defaults());
 * r.coordination().edges();                                 // the network, every edge with its posts
 * r.campaigns().campaigns();                                // pushed hashtags, links, narratives
 * }</pre>
 *
 * Campaigns and account signals take the coordination groups from the result in memory: no second
 * detection, no accounts.csv read back.
 */
public final class Analysis {
    private Analysis() {}

    public static AnalysisResult run(PostTable table, AnalysisConfig config) {
        CoordinationResult coord = config.coordination() == null ? null : Coordination.detect(table, config.coordination());
        CampaignAnalysis.Result camp = null;
        if (config.campaigns() != null) {
            int[] groups = coord == null ? null : coord.accounts().group.clone();
            camp = new CampaignAnalysis(config.campaigns()).run(table, groups);
        }
        return new AnalysisResult(coord, camp);
    }
}
