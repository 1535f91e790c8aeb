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
}
