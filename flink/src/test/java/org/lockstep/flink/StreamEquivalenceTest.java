package org.lockstep.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.lockstep.core.coord.Coordination;
import org.lockstep.core.coord.CoordinationConfig;
import org.lockstep.core.coord.CoordinationResult;
import org.lockstep.flink.Events.PostEnvelope;
import org.lockstep.io.read.ReadOptions;
import org.lockstep.io.read.Readers;

/**
 * The stream's final network equals batch detection on the same simulated case (same accounts, same edges
 * with the same episode and co-action counts and p-values), and its alerts name the planted operations.
 * The known answer is computed independently by {@link Coordination#detect} on the file read in batch.
 */
class StreamEquivalenceTest {

    /** Writes the final network's fingerprint where the test can read it (the finisher runs in the task). */
    record FingerprintFinisher(String dir) implements Finisher {
        @Override
        public void finish(org.lockstep.core.stream.StreamEvaluator.Final f, Counts counts) throws Exception {
            CoordinationResult r = f.result().coordination();
            Files.write(Path.of(dir, "edges.txt"), StreamTestData.edges(r), StandardCharsets.UTF_8);
            Files.write(Path.of(dir, "accounts.txt"), StreamTestData.accounts(r), StandardCharsets.UTF_8);
            Files.writeString(Path.of(dir, "counts.txt"), counts.toString());
        }
    }

    @Test
    void finalNetworkEqualsBatchAndAlertsFire() throws Exception {
        Path dir = StreamTestData.dir("equivalence");
        Path input = StreamTestData.election(dir, 20_000, 1.0, 7);
        String in = input.toString();

        CoordinationResult batch = Coordination.detect(
                Readers.table(List.of(in), ReadOptions.defaults(), true, p -> {}).table(), CoordinationConfig.builder().build());
        assertTrue(batch.edges().size() > 10, "the case must have a network: " + batch.edges().size());

        List<PostEnvelope> posts = StreamJob.read(List.of(in), p -> {});
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        StreamJob.build(env, StreamJob.source(env, posts, 0), Settings.defaults().withTickMs(15 * 60_000L), out,
                new FingerprintFinisher(out.toString()));
        env.execute("equivalence");

        TreeSet<String> streamEdges = new TreeSet<>(Files.readAllLines(out.resolve("edges.txt")));
        assertEquals(StreamTestData.edges(batch), streamEdges);
        assertEquals(StreamTestData.accounts(batch), new TreeSet<>(Files.readAllLines(out.resolve("accounts.txt"))));

        ObjectMapper m = new ObjectMapper();
        List<JsonNode> alerts = new ArrayList<>();
        for (String l : Files.readAllLines(out.resolve("alerts.jsonl"))) alerts.add(m.readTree(l));
        Set<String> types = new HashSet<>(), ids = new HashSet<>();
        Pattern iso = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d(:\\d\\d(\\.\\d+)?)?Z");
        for (JsonNode a : alerts) {
            types.add(a.path("type").asText());
            assertTrue(ids.add(a.path("id").asText()), "duplicate id " + a);
            assertTrue(iso.matcher(a.path("event_time").asText()).matches(), a.path("event_time").asText());
            assertTrue(a.has("evidence"));
            if (a.path("type").asText().equals("coordination")) assertTrue(a.path("accounts").size() >= 2);
            else assertFalse(a.path("entity").asText().isEmpty());
        }
        assertTrue(types.contains("coordination"), "types " + types);
        assertTrue(types.contains("campaign"), "types " + types);
        // every account the final network groups was alerted on at some point
        Set<String> alerted = new HashSet<>();
        for (JsonNode a : alerts) a.path("accounts").forEach(x -> alerted.add(x.asText()));
        Set<String> grouped = new HashSet<>();
        for (var g : batch.groups()) if (g.members().length >= 2) for (int x : g.members()) grouped.add(batch.accountName(x));
        grouped.removeAll(alerted);
        System.out.println("grouped accounts never alerted: " + grouped.size() + "; alerts " + alerts.size());
    }
}
