package org.lockstep.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** Short spans, other start instants and operation subsets keep every post and label inside the span. */
class ShortScenarioTest {
    @Test
    void sixHoursFromAnAfternoonStart() {
        long start = Instant.parse("2022-04-10T15:30:00Z").toEpochMilli();
        SimRun run = SimRun.of(SimConfig.scenario("election", 6_000, 2).withStart(start).withDays(0.25));
        long end = start + 6 * 3_600_000L;
        assertEquals(end, run.labels().get("end_ms").asLong());
        for (JsonNode t : run.tweets()) {
            long ms = SimRun.timeOf(t);
            assertTrue(ms >= start && ms < end);
        }
        for (JsonNode op : run.labels().get("operations")) {
            assertTrue(op.get("start_ms").asLong() >= start && op.get("end_ms").asLong() < end, op.get("id").asText());
        }
        JsonNode leak = run.operation("hack_and_leak");
        assertTrue(leak.get("first_post_ms").asLong() + 3 * 3_600_000L <= end, "the whole storm fits");
    }

    @Test
    void operationSubsetsAndTooSmallInputs() {
        SimRun run = SimRun.of(SimConfig.scenario("election", 4_000, 8)
                .withOperations(EnumSet.of(OpType.COPYPASTA, OpType.LOOKALIKE_DOMAINS)));
        assertEquals(2, run.labels().get("operations").size());
        assertEquals("op1-copypasta", run.labels().get("operations").get(0).get("id").asText());
        assertEquals(EnumSet.of(OpType.SOCKPUPPET_NETWORK), SimConfig.operationsOf("sockpuppets"));
        assertThrows(IllegalArgumentException.class, () -> SimConfig.scenario("election", 500, 1));
        assertThrows(IllegalArgumentException.class, () -> SimConfig.scenario("nonsense", 5_000, 1));
        SimRun tiny = SimRun.of(SimConfig.scenario("organic", 300, 1));
        assertEquals(300, tiny.tweets().size());
    }
}
