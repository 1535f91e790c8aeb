/**
 * Campaigns: hashtags, links, domains and narratives whose volume bursts and whose posts come from coordinated, new or hyperactive accounts; first spreaders and how they spread.
 */
package org.lockstep.core.campaigns;
