package org.lockstep.io.ct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The v3 log list on a real list (certificate-transparency-go's test data) and on a tiled entry. */
class CtLogListTest {
    @Test
    void readsTheLogsTheirKeysAndStates() throws Exception {
        byte[] json;
        try (var in = CtLogListTest.class.getResourceAsStream("loglist3-ctgo.json")) {
            json = in.readAllBytes();
        }
        List<CtLogList.Log> logs = CtLogList.parse(json);
        assertEquals(6, logs.size());
        CtLogList.Log aviator = logs.get(0);
        assertEquals("Google 'Aviator' log", aviator.description());
        assertEquals("readonly", aviator.state());
        assertFalse(aviator.usable());
        assertEquals("https://ct.googleapis.com/icarus/", logs.get(1).url());
        assertTrue(logs.get(1).usable());
        assertEquals("unknown", logs.get(2).state()); // Racketeer has no state in the list
        assertTrue(logs.get(4).usable()); // Argon2020 is qualified
        assertEquals("retired", logs.get(5).state());
        assertEquals(3, logs.stream().filter(CtLogList.Log::usable).count());
        // the keys are real: Icarus' parses as an EC key
        SignedTreeHead.publicKey(logs.get(1).key());
    }

    @Test
    void tiledLogsAreReadWithTheirMonitoringUrl() throws Exception {
        String json = "{\"operators\":[{\"name\":\"Let's Encrypt\",\"logs\":[],\"tiled_logs\":[{\"description\":\"t\","
                + "\"log_id\":\"x\",\"key\":\"k\",\"submission_url\":\"https://s.example/\",\"monitoring_url\":\"https://m.example/\","
                + "\"state\":{\"usable\":{\"timestamp\":\"2025-01-01T00:00:00Z\"}}}]}]}";
        CtLogList.Log t = CtLogList.parse(json.getBytes(StandardCharsets.UTF_8)).get(0);
        assertTrue(t.tiled());
        assertTrue(t.usable());
        assertEquals("https://m.example/", t.url());
        assertThrows(IOException.class, () -> CtLogList.parse("{\"logs\":[]}".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IOException.class, () -> CtLogList.parse("not json".getBytes(StandardCharsets.UTF_8)));
    }
}
