package org.lockstep.core.analysis;

import org.lockstep.core.campaigns.CampaignAnalysis;
import org.lockstep.core.coord.CoordinationResult;

/**
 * The results of one {@link Analysis#run}; a part that was not asked for is null.
 *
 * @param coordination the coordination network, its groups and evidence
 * @param campaigns campaigns and account signals ({@link #accounts()}), computed with the coordination groups
 */
public record AnalysisResult(CoordinationResult coordination, CampaignAnalysis.Result campaigns) {
    /** Account signals (sock-puppet signs with their contributions), or null when campaigns did not run. */
    public org.lockstep.core.accounts.AccountSignalsResult accounts() {
        return campaigns == null ? null : campaigns.accounts();
    }

    /** Coordination group per account id (-1 outside the network), or null when coordination did not run. */
    public int[] groups() {
        return coordination == null ? null : coordination.accounts().group.clone();
    }
}
