package org.lockstep.flink;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The job jar's entry point, as {@code flink run} calls it (here in a local environment: no cluster is
 * started): options parsed, inputs read, job run, alerts written.
 */
class JobMainTest {
    @Test
    void entryPointRunsTheJob() throws Exception {
        Path dir = StreamTestData.dir("jobmain");
        Path input = StreamTestData.election(dir, 3_000, 0.25, 13);
        Path out = dir.resolve("alerts");
        JobMain.main(new String[] {"--out", out.toString(), "--tick-min", "15", "--horizon-days", "7", "--out-of-order-s", "30",
                "--checkpoint-ms", "1000", input.toString()});
        Set<String> types = new HashSet<>();
        for (String l : Files.readAllLines(out.resolve("alerts.jsonl"))) types.add(AlertJson.MAPPER.readTree(l).path("type").asText());
        assertTrue(types.contains("campaign") && types.contains("coordination"), "alert types " + types);
    }
}
