package org.lockstep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lockstep.core.accounts.AccountSignals;
import org.lockstep.core.accounts.AccountSignalsConfig;
import org.lockstep.core.accounts.AccountSignalsResult;
import org.lockstep.core.accounts.CreationBatch;
import org.lockstep.core.model.PostTable;
import org.lockstep.io.read.ReadOptions;
import org.lockstep.io.read.Readers;
import org.lockstep.sim.SimConfig;
import org.lockstep.sim.Simulator;

/**
 * Campaign and account quality on the simulator's election scenario (50,000 posts, seed 3): the
 * hack-and-leak storm, the sock-puppet creation batches and the organic viral posts of the ground truth.
 */
class CampaignsQualityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    static Path posts;
    static JsonNode labels, campaigns;

    @BeforeAll
    static void simulateAndDetect() throws Exception {
        posts = dir.resolve("election.jsonl");
        try (OutputStream p = Files.newOutputStream(posts); OutputStream l = Files.newOutputStream(dir.resolve("labels.json"))) {
            Simulator.run(SimConfig.scenario("election", 50_000, 3), p, l);
        }
        labels = JSON.readTree(dir.resolve("labels.json").toFile());
        Path out = dir.resolve("campaigns");
        assertEquals(Main.OK, Main.run("campaigns", posts.toString(), "--out", out.toString()));
        campaigns = JSON.readTree(out.resolve("campaigns.json").toFile());
    }

    private static JsonNode op(String type) {
        for (JsonNode o : labels.path("operations")) if (o.path("type").asText().equals(type)) return o;
        throw new AssertionError("no " + type + " in the labels");
    }

    private static JsonNode campaign(String entity) {
        for (JsonNode c : campaigns) if (c.path("entity").asText().equals(entity)) return c;
        return null;
    }

    @Test
    void leakStormIsFlaggedWithinItsFirstThirtyMinutes() {
        JsonNode leak = op("hack_and_leak");
        JsonNode c = campaign("#" + leak.path("hashtag").asText().toLowerCase());
        assertNotNull(c, "the leak hashtag is a campaign");
        assertTrue(c.path("flagged").asBoolean());
        long lag = c.path("first_flagged_at_ms").asLong() - leak.path("first_post_ms").asLong();
        assertTrue(lag >= 0 && lag <= 30 * 60_000L, "flagged " + lag / 1000 + " s after the first leak post");
        // the link itself too
        JsonNode url = campaign(leak.path("url").asText().replace("http://", "https://"));
        assertNotNull(url);
        assertTrue(url.path("flagged").asBoolean());
    }

    @Test
    void seedAccountsAreTheFirstSpreadersAndSources() {
        JsonNode leak = op("hack_and_leak");
        JsonNode c = campaign("#" + leak.path("hashtag").asText().toLowerCase());
        Set<String> seeds = new HashSet<>();
        for (JsonNode s : leak.path("seed_accounts")) seeds.add(s.asText());
        JsonNode origin = c.path("origin");
        assertEquals(leak.path("first_poster").asText(), origin.path("patient_zero").path("account_id").asText());
        assertEquals(origin.path("patient_zero").path("handle").asText(), c.path("first_spreaders").get(0).asText());
        // every seed account is among the first amplified sources, in the first |seeds| + 3 places
        JsonNode src = origin.path("amplified_sources");
        Set<String> found = new HashSet<>();
        for (int i = 0; i < Math.min(src.size(), seeds.size() + 3); i++) found.add(src.get(i).path("account_id").asText());
        assertTrue(found.containsAll(seeds), "seeds " + seeds + " sources " + src);
    }

    @Test
    void languageShiftFromSeedToRelayLanguageIsShown() {
        JsonNode leak = op("hack_and_leak");
        JsonNode ls = campaign("#" + leak.path("hashtag").asText().toLowerCase()).path("language_shift");
        assertTrue(ls.path("shifted").asBoolean(), ls.toString());
        assertEquals(leak.path("seed_lang").asText(), ls.path("from").asText());
        assertEquals(leak.path("relay_lang").asText(), ls.path("to").asText());
        assertTrue(ls.path("at").asText().compareTo(java.time.Instant.ofEpochMilli(leak.path("first_post_ms").asLong()).toString()) > 0);
    }

    @Test
    void organicViralPostsAreNotFlagged() {
        JsonNode viral = labels.path("organic").path("viral_posts");
        assertTrue(viral.size() > 0);
        int bursting = 0;
        for (JsonNode v : viral) {
            JsonNode c = campaign("post:" + v.asText());
            if (c == null) continue;
            bursting++;
            assertFalse(c.path("flagged").asBoolean(), "viral post flagged: " + c.path("entity"));
            assertTrue(c.path("score").asDouble() < 0.15, "score " + c.path("score"));
        }
        assertEquals(viral.size(), bursting, "viral posts do burst (they are found, then not flagged)");
    }

    @Test
    void sockPuppetBatchesAreFoundAsCreationBatchesThatActTogether() throws Exception {
        JsonNode sp = op("sockpuppet_network");
        Set<String> puppets = new HashSet<>();
        for (JsonNode a : sp.path("accounts")) puppets.add(a.asText());
        PostTable t = Readers.table(List.of(posts.toString()), ReadOptions.defaults(), false, p -> {}).table();
        AccountSignalsResult r = new AccountSignals(AccountSignalsConfig.defaults()).compute(t, null);
        int acting = 0, inActing = 0, puppetsInActing = 0;
        for (CreationBatch b : r.batches()) {
            if (!b.actsTogether()) continue;
            acting++;
            for (int m : b.members()) {
                inActing++;
                if (puppets.contains(t.accounts().get(m))) puppetsInActing++;
            }
        }
        assertEquals(sp.path("creation_batches").size(), acting, "one acting batch per planted creation batch");
        double precision = puppetsInActing / (double) inActing, recall = puppetsInActing / (double) puppets.size();
        assertTrue(precision >= 0.95, "precision " + precision);
        assertTrue(recall >= 0.9, "recall " + recall);
    }
}
