package org.lockstep.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Operator delays and activity straddle the detector's windows, follow the {@link Timing}
 * parameters, and are recorded per account in the labels.
 */
class TimingTest {

    /** Drawn delay per account id over all operations (null entries left out). */
    private static Map<String, Long> delays(SimRun run) {
        Map<String, Long> d = new HashMap<>();
        for (JsonNode op : run.labels().get("operations")) {
            JsonNode acc = op.get("accounts"), del = op.get("account_delay_ms");
            assertEquals(acc.size(), del.size(), "one delay per account");
            for (int i = 0; i < acc.size(); i++) if (!del.get(i).isNull()) d.put(acc.get(i).asText(), del.get(i).asLong());
        }
        return d;
    }

    private static boolean hasHashtag(JsonNode t, String tag) {
        JsonNode in = t.has("retweeted_status") ? t.get("retweeted_status") : t;
        for (JsonNode h : in.get("entities").get("hashtags")) if (h.get("text").asText().equals(tag)) return true;
        return false;
    }

    @Test
    void labelsGiveEveryAccountItsPostsAndEveryTimedAccountItsDelay() {
        SimRun run = SimRun.election();
        Map<String, Integer> posts = new HashMap<>();
        for (JsonNode t : run.tweets()) posts.merge(SimRun.author(t), 1, Integer::sum);
        JsonNode timing = run.labels().get("timing");
        assertEquals(Timing.DEFAULTS.delayMedianMs(), timing.get("delay_median_ms").asLong());
        for (JsonNode op : run.labels().get("operations")) {
            JsonNode acc = op.get("accounts"), del = op.get("account_delay_ms"), n = op.get("account_posts");
            assertEquals(acc.size(), n.size());
            String type = op.get("type").asText();
            java.util.Set<String> seeds = new java.util.HashSet<>();
            for (JsonNode s : op.path("seed_accounts")) seeds.add(s.asText());
            for (int i = 0; i < acc.size(); i++) {
                String id = acc.get(i).asText();
                assertEquals(posts.getOrDefault(id, 0), n.get(i).asInt(), "posts of " + id);
                boolean untimed = type.equals("lookalike_domains") || seeds.contains(id);
                assertEquals(untimed, del.get(i).isNull(), type + " " + id);
                if (!untimed) assertTrue(del.get(i).asLong() >= 1_000);
            }
            assertEquals(!type.equals("lookalike_domains"), op.has("delay_median_ms"));
        }
    }

    @Test
    void defaultDelaysAndActivityStraddleTheDetectorsWindows() {
        List<Long> d = new ArrayList<>();
        List<Integer> n = new ArrayList<>();
        for (long seed : new long[] {11, 12}) {
            SimRun run = (seed == 11 ? SimRun.election() : SimRun.of(SimConfig.scenario("election", 8_000, seed)));
            d.addAll(delays(run).values());
            for (JsonNode op : run.labels().get("operations")) {
                if (op.get("type").asText().equals("lookalike_domains")) continue;
                for (JsonNode x : op.get("account_posts")) n.add(x.asInt());
            }
        }
        Collections.sort(d);
        long under10s = d.stream().filter(x -> x <= 10_000).count(), over60s = d.stream().filter(x -> x > 60_000).count();
        assertTrue(under10s >= 0.1 * d.size(), "fast operators: " + under10s + " of " + d.size());
        assertTrue(over60s >= 0.15 * d.size(), "operators slower than the 60 s window: " + over60s + " of " + d.size());
        assertTrue(d.get(d.size() - 1) > 10 * 60_000, "some slower than the 10-minute episode gap: " + d.get(d.size() - 1));
        long sparse = n.stream().filter(x -> x <= 5).count(), active = n.stream().filter(x -> x >= 10).count();
        assertTrue(sparse >= 0.15 * n.size() && active >= 0.15 * n.size(), "sparse " + sparse + ", active " + active + " of " + n.size());
    }

    @Test
    void eachActionFollowsItsTriggerByAboutItsAccountsDelay() {
        SimRun run = SimRun.of(SimConfig.scenario("sockpuppets", 8_000, 5).withTiming(Timing.DEFAULTS.withRelaunchShare(0)));
        JsonNode op = run.operation("sockpuppet_network");
        Map<String, Long> delay = delays(run);
        JsonNode bursts = op.get("bursts");
        List<Double> logRatio = new ArrayList<>();
        for (JsonNode t : run.tweets()) {
            Long d = delay.get(SimRun.author(t));
            if (d == null || !hasHashtag(t, "MacronGate")) continue;
            long ms = SimRun.timeOf(t);
            for (JsonNode b : bursts) {
                long s = b.get("start_ms").asLong();
                if (b.has("relaunch_ms")) continue; // two triggers: which one an action answers is not in the posts
                if (ms > s && ms <= b.get("end_ms").asLong()) logRatio.add(Math.log((ms - s) / (double) d));
            }
        }
        Collections.sort(logRatio);
        assertTrue(logRatio.size() > 30, "reactions " + logRatio.size());
        double median = logRatio.get(logRatio.size() / 2);
        assertTrue(Math.abs(median) < 0.25, "an action takes its account's delay times exp(0.5 Z): median log ratio " + median);
    }

    @Test
    void slowOperatorsMakeBurstsLongerThanTheEpisodeGap() {
        SimConfig slow = SimConfig.scenario("sockpuppets", 8_000, 5).withTiming(new Timing(20 * 60_000, 0.3, 0, 0));
        JsonNode bursts = SimRun.of(slow).operation("sockpuppet_network").get("bursts");
        for (JsonNode b : bursts) {
            assertTrue(b.get("end_ms").asLong() - b.get("start_ms").asLong() > 10 * 60_000, "burst " + b);
        }
        SimConfig fast = slow.withTiming(new Timing(2_000, 0, 0, 0));
        for (JsonNode b : SimRun.of(fast).operation("sockpuppet_network").get("bursts")) {
            assertTrue(b.get("end_ms").asLong() - b.get("start_ms").asLong() < 60_000, "burst " + b);
            assertFalse(b.has("relaunch_ms"));
        }
    }

    @Test
    void relaunchedBurstsAndRoundsHaveAGapLongerThanTheEpisodeGap() {
        SimConfig c = SimConfig.scenario("election", 8_000, 5).withTiming(new Timing(2_000, 0, 0, 1.0));
        SimRun run = SimRun.of(c);
        for (String type : new String[] {"sockpuppet_network", "copypasta"}) {
            JsonNode op = run.operation(type);
            java.util.Set<String> members = new java.util.HashSet<>();
            for (JsonNode a : op.get("accounts")) members.add(a.asText());
            List<Long> times = new ArrayList<>();
            for (JsonNode t : run.tweets()) if (members.contains(SimRun.author(t))) times.add(SimRun.timeOf(t));
            for (JsonNode w : op.get(type.equals("copypasta") ? "rounds" : "bursts")) {
                long s = w.get("start_ms").asLong(), e = w.get("end_ms").asLong(), re = w.get("relaunch_ms").asLong();
                assertTrue(re - s >= 12 * 60_000 && re - s <= 48 * 60_000, type + " " + w);
                List<Long> in = new ArrayList<>();
                for (long t : times) if (t >= s && t <= e) in.add(t);
                Collections.sort(in);
                long gap = 0;
                for (int i = 1; i < in.size(); i++) gap = Math.max(gap, in.get(i) - in.get(i - 1));
                assertTrue(gap > 10 * 60_000, type + ": largest gap inside " + w + " is " + gap + " ms");
                assertTrue(e > re, "members answer the second push");
            }
        }
    }

    @Test
    void sparseShareOneLeavesEveryTimedAccountWithOneToFivePosts() {
        SimConfig c = SimConfig.scenario("election", 8_000, 3).withTiming(new Timing(30_000, 1.5, 1.0, 0.3));
        for (JsonNode op : SimRun.of(c).labels().get("operations")) {
            // with every member sparse the burst leaders still post in every burst
            if (op.get("type").asText().equals("lookalike_domains") || op.get("type").asText().equals("sockpuppet_network")) continue;
            java.util.Set<String> relays = new java.util.HashSet<>();
            for (JsonNode x : op.path("relay_accounts")) relays.add(x.asText());
            JsonNode acc = op.get("accounts"), del = op.get("account_delay_ms"), n = op.get("account_posts");
            for (int i = 0; i < acc.size(); i++) {
                // leak relays also author the relay originals when no relay is active
                if (del.get(i).isNull() || relays.contains(acc.get(i).asText())) continue;
                int k = n.get(i).asInt();
                assertTrue(k >= 1 && k <= 5, op.get("id") + ": " + k);
            }
        }
    }

    @Test
    void parametersAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new Timing(500, 1, 0.3, 0.3));
        assertThrows(IllegalArgumentException.class, () -> new Timing(30_000, -1, 0.3, 0.3));
        assertThrows(IllegalArgumentException.class, () -> new Timing(30_000, 1, 1.5, 0.3));
        assertThrows(IllegalArgumentException.class, () -> new Timing(30_000, 1, 0.3, -0.1));
    }
}
