package org.lockstep.core.campaigns;

import java.util.List;

/**
 * Campaigns found, flagged first then by score, and counts: entities indexed, entities tested (enough
 * occurrences), entities that burst, campaigns flagged.
 */
public record CampaignResult(List<Campaign> campaigns, int entities, int tested, int bursting, int flagged,
                             CampaignConfig config) {}
