package org.lockstep.io.out;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import org.junit.jupiter.api.Test;
import org.lockstep.core.coord.CoordinationConfig;
import org.lockstep.core.coord.Signal;

/** summary.json's parameters are the config record itself: every component appears, none is hand-listed. */
class ConfigJsonTest {

    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    @Test
    void everyComponentOfTheCoordinationConfigIsWritten() {
        CoordinationConfig c = CoordinationConfig.builder().window(Signal.CO_DOMAIN, CoordinationConfig.ANY_TIME).alpha(0.01).build();
        ObjectNode n = ConfigJson.tree(c);
        RecordComponent[] comps = CoordinationConfig.class.getRecordComponents();
        for (RecordComponent rc : comps) assertTrue(n.has(snake(rc.getName())), rc.getName() + " missing from " + n);
        assertEquals(comps.length, n.size(), "no field that is not in the record: " + n);
        assertEquals(0.01, n.get("alpha").asDouble(), 0);
        assertEquals("significance", n.get("selection").asText());
        assertEquals("any", n.at("/windows_ms/co-domain").asText());
        assertEquals(60_000, n.at("/windows_ms/co-repost").asLong());
        assertEquals(3, n.at("/near_text/shingle").asInt());
    }

    @Test
    void everyComponentOfTheCampaignAnalysisConfigIsWrittenNestedRecordsIncluded() {
        org.lockstep.core.campaigns.CampaignConfig cc = org.lockstep.core.campaigns.CampaignConfig.builder()
                .scales(new long[] {60_000, 600_000}, new int[] {7, 9}).flagThreshold(0.4).build();
        org.lockstep.core.campaigns.CampaignAnalysis.Config ac = new org.lockstep.core.campaigns.CampaignAnalysis.Config(cc,
                org.lockstep.core.accounts.AccountSignalsConfig.builder().youngDays(10).build(), false);
        ObjectNode n = ConfigJson.tree(ac);
        everyComponent(org.lockstep.core.campaigns.CampaignAnalysis.Config.class, n);
        everyComponent(org.lockstep.core.campaigns.CampaignConfig.class, (ObjectNode) n.get("campaigns"));
        everyComponent(org.lockstep.core.accounts.AccountSignalsConfig.class, (ObjectNode) n.get("accounts"));
        assertEquals("[60000,600000]", n.at("/campaigns/scales_ms").toString());
        assertEquals("[7,9]", n.at("/campaigns/min_count").toString());
        assertEquals(0.4, n.at("/campaigns/flag_threshold").asDouble(), 0);
        assertEquals(10, n.at("/accounts/young_days").asDouble(), 0);
        assertEquals(false, n.get("narratives").asBoolean());
        // a caller's executor is a runtime resource: written as the fact that one was given, never as its innards
        ObjectNode withPool = ConfigJson.tree(CoordinationConfig.builder().executor(Runnable::run).build());
        assertEquals("caller's executor", withPool.get("executor").asText());
    }

    private static void everyComponent(Class<? extends Record> type, ObjectNode n) {
        RecordComponent[] comps = type.getRecordComponents();
        for (RecordComponent rc : comps) assertTrue(n.has(snake(rc.getName())), type.getSimpleName() + "." + rc.getName() + " missing from " + n);
        assertEquals(comps.length, n.size(), "no field that is not in " + type.getSimpleName() + ": " + n);
    }
}
