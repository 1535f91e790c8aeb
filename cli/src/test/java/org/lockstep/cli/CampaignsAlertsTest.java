package org.lockstep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lockstep.sim.SimConfig;
import org.lockstep.sim.Simulator;

/** Incremental alerting on a growing input, with a webhook on a local JDK HTTP server. */
class CampaignsAlertsTest {
    @TempDir
    Path dir;

    @Test
    void newThenEscalatingAlertsReachTheWebhook() throws Exception {
        Path all = dir.resolve("all.jsonl");
        java.io.ByteArrayOutputStream lab = new java.io.ByteArrayOutputStream();
        try (OutputStream p = Files.newOutputStream(all)) {
            // operators within seconds (this test is about alert mechanics, not recall over operator delays)
            Simulator.run(SimConfig.scenario("leak", 20_000, 5).withTiming(new org.lockstep.sim.Timing(5_000, 0.5, 0, 0)), p, lab);
        }
        String firstPost = new ObjectMapper().readTree(lab.toByteArray()).path("operations").get(0).path("first_post_id").asText();
        List<String> lines = Files.readAllLines(all, StandardCharsets.UTF_8);
        int at = -1;
        for (int i = 0; i < lines.size() && at < 0; i++) if (lines.get(i).contains("\"id_str\":\"" + firstPost + "\"")) at = i;
        assertTrue(at > 0, "first leak post in the stream");
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertTrue(first.has("created_at"));
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", ex -> {
            received.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        server.start();
        try {
            String hook = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
            Path alerts = dir.resolve("alerts.jsonl");
            // a growing case: first everything up to 300 lines after the first leak post (its first minutes)
            Path part = dir.resolve("part.jsonl");
            Files.write(part, lines.subList(0, at + 300), StandardCharsets.UTF_8);
            // a threshold below the default: this test is about the alert mechanics (new, then escalating, one POST
            // each), not about how much coordination the first minutes of a storm already show
            String[] common = {"--alerts", alerts.toString(), "--webhook", hook, "--no-narratives", "--threshold", "0.1"};
            assertEquals(Main.OK, run(part, dir.resolve("o1"), common));
            List<String> a1 = Files.readAllLines(alerts);
            assertTrue(!a1.isEmpty(), "the beginning of the storm raises alerts");
            ObjectMapper m = new ObjectMapper();
            Set<String> alerted = new HashSet<>();
            for (String l : a1) {
                JsonNode n = m.readTree(l);
                assertEquals("new", n.path("alert").asText());
                alerted.add(n.path("entity").asText());
            }
            assertTrue(alerted.contains("#macronleaks"), alerted.toString());
            // same data again: nothing new, nothing escalating
            assertEquals(Main.OK, run(part, dir.resolve("o2"), common));
            assertEquals(a1.size(), Files.readAllLines(alerts).size());
            // the whole storm: the leak hashtag escalates (many times more posts)
            assertEquals(Main.OK, run(all, dir.resolve("o3"), common));
            List<String> a3 = Files.readAllLines(alerts).subList(a1.size(), Files.readAllLines(alerts).size());
            boolean escalated = false;
            for (String l : a3) {
                JsonNode n = m.readTree(l);
                if (n.path("entity").asText().equals("#macronleaks")) {
                    assertEquals("escalating", n.path("alert").asText());
                    assertTrue(n.path("posts").asInt() >= 2 * n.path("previous_posts").asInt());
                    escalated = true;
                }
            }
            assertTrue(escalated, "no escalation in " + a3);
            assertEquals(Files.readAllLines(alerts).size(), received.size(), "one webhook POST per alert line");
            assertEquals(Files.readAllLines(alerts), received);
        } finally {
            server.stop(0);
        }
    }

    private static int run(Path in, Path out, String... extra) {
        List<String> a = new ArrayList<>(List.of("campaigns", in.toString(), "--out", out.toString()));
        a.addAll(List.of(extra));
        return Main.run(a.toArray(new String[0]));
    }
}
