package org.lockstep.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The labels describe exactly what was planted in the posts, as each operation is defined. */
class GroundTruthTest {
    private static final DateTimeFormatter CREATED =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ROOT).withZone(ZoneOffset.UTC);

    private static Set<String> ids(JsonNode arr) {
        Set<String> s = new HashSet<>();
        for (JsonNode x : arr) s.add(x.asText());
        return s;
    }

    private static List<JsonNode> postsBy(SimRun run, Set<String> accounts) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode t : run.tweets()) if (accounts.contains(SimRun.author(t))) out.add(t);
        return out;
    }

    private static boolean hasHashtag(JsonNode t, String tag) {
        for (JsonNode h : t.get("entities").get("hashtags")) if (h.get("text").asText().equals(tag)) return true;
        return false;
    }

    @Test
    void postCountsPerOperationMatchThePostsOfItsAccounts() {
        SimRun run = SimRun.election();
        JsonNode ops = run.labels().get("operations");
        assertEquals(4, ops.size());
        Set<String> types = new HashSet<>();
        long opPosts = 0;
        Set<String> all = new HashSet<>();
        for (JsonNode op : ops) {
            types.add(op.get("type").asText());
            Set<String> acc = ids(op.get("accounts"));
            for (String a : acc) assertTrue(all.add(a), "operations do not share accounts");
            List<JsonNode> mine = postsBy(run, acc);
            assertEquals(op.get("posts").asLong(), mine.size(), op.get("id").asText());
            assertEquals(op.get("start_ms").asLong(), SimRun.timeOf(mine.get(0)));
            assertEquals(op.get("end_ms").asLong(), SimRun.timeOf(mine.get(mine.size() - 1)));
            assertEquals(op.get("posts").asLong(), run.result.operationPosts().get(op.get("id").asText()));
            opPosts += mine.size();
        }
        assertEquals(Set.of("sockpuppet_network", "hack_and_leak", "copypasta", "lookalike_domains"), types);
        assertEquals(30_000 - opPosts, run.labels().get("organic").get("posts").asLong());
        assertEquals(run.result.organicPosts(), run.labels().get("organic").get("posts").asLong());
        // organic accounts never use the operations' hashtags
        for (JsonNode t : run.tweets()) {
            if (all.contains(SimRun.author(t))) continue;
            assertFalse(hasHashtag(t, "MacronGate") || hasHashtag(t, "MacronLeaks"));
        }
    }

    @Test
    void sockPuppetsAreMadeInBatchesAndPostTheHashtagOnlyInsideBursts() {
        SimRun run = SimRun.election();
        JsonNode op = run.operation("sockpuppet_network");
        Set<String> members = ids(op.get("accounts"));
        long start = run.labels().get("start_ms").asLong();
        JsonNode batches = op.get("creation_batches");
        assertTrue(batches.size() >= 3 && batches.size() <= 5);
        Map<String, Long> created = new HashMap<>();
        for (JsonNode t : postsBy(run, members)) {
            created.put(SimRun.author(t), Instant.from(CREATED.parse(t.get("user").get("created_at").asText())).toEpochMilli());
            assertTrue(t.get("user").get("screen_name").asText().matches("[A-Za-z]{1,7}[0-9]{8}"), "name + 8 digits");
        }
        int inBatches = 0;
        for (JsonNode b : batches) {
            long lo = Long.MAX_VALUE, hi = Long.MIN_VALUE;
            for (JsonNode a : b) {
                inBatches++;
                Long c = created.get(a.asText());
                if (c == null) continue;
                lo = Math.min(lo, c);
                hi = Math.max(hi, c);
            }
            assertTrue(hi - lo <= 3_600_000L, "a batch is created within an hour");
            assertTrue(hi < start - 6 * 86_400_000L, "batches are made days before the scenario");
        }
        assertEquals(members.size(), inBatches);
        JsonNode bursts = op.get("bursts");
        assertTrue(bursts.size() >= 6);
        int[] perBurst = new int[bursts.size()];
        int noise = 0;
        for (JsonNode t : postsBy(run, members)) {
            long ms = SimRun.timeOf(t);
            int in = -1;
            for (int b = 0; b < bursts.size(); b++) {
                if (ms >= bursts.get(b).get("start_ms").asLong() && ms <= bursts.get(b).get("end_ms").asLong()) in = b;
            }
            if (hasHashtag(t, "MacronGate")) {
                assertTrue(in >= 0, "hashtag posts fall inside a burst");
                perBurst[in]++;
            } else {
                noise++; // noise may fall anywhere, bursts included: no margin keeps it away
            }
        }
        for (int b = 0; b < bursts.size(); b++) {
            // sparse members join one to three bursts, active ones 85 % of them
            assertTrue(perBurst[b] >= members.size() / 3, "many members act in every burst");
        }
        assertTrue(noise > 0, "members also post a little unrelated noise");
    }

    @Test
    void theLeakStartsWithOneSeedAccountThenAmplifiersThenFrenchRelays() {
        SimRun run = SimRun.election();
        JsonNode op = run.operation("hack_and_leak");
        Set<String> seeds = ids(op.get("seed_accounts")), amps = ids(op.get("amplifier_accounts")),
                relays = ids(op.get("relay_accounts"));
        assertTrue(seeds.size() >= 5 && seeds.size() <= 10);
        assertTrue(amps.size() >= 20);
        String url = op.get("url").asText();
        long first = op.get("first_post_ms").asLong();
        JsonNode firstLeak = null;
        for (JsonNode t : run.tweets()) {
            boolean links = false;
            for (JsonNode u : t.get("entities").get("urls")) links |= u.get("expanded_url").asText().contains("example-leaks.org");
            if (links) {
                firstLeak = t;
                break;
            }
        }
        assertEquals(op.get("first_post_id").asText(), firstLeak.get("id_str").asText(), "the first leak-link post");
        assertTrue(seeds.contains(SimRun.author(firstLeak)), "is by a seed account");
        assertEquals(op.get("first_poster").asText(), SimRun.author(firstLeak));
        assertEquals(first, SimRun.timeOf(firstLeak));
        assertEquals(url, firstLeak.get("entities").get("urls").get(0).get("expanded_url").asText());
        assertEquals("en", firstLeak.get("lang").asText());
        List<JsonNode> storm = postsBy(run, ids(op.get("accounts")));
        assertEquals(3_000, storm.size(), "a tenth of the posts for a small input");
        long relayStart = op.get("relay_start_ms").asLong();
        long firstAmp = Long.MAX_VALUE;
        int relayFrench = 0, relayPosts = 0;
        int inThreeHours = 0;
        for (JsonNode t : storm) {
            long ms = SimRun.timeOf(t);
            assertTrue(ms >= first, "the storm starts with the first post");
            if (ms < first + 3 * 3_600_000L) inThreeHours++;
            String a = SimRun.author(t);
            if (seeds.contains(a)) assertEquals("en", t.get("lang").asText());
            if (amps.contains(a)) firstAmp = Math.min(firstAmp, ms);
            if (relays.contains(a)) {
                relayPosts++;
                assertTrue(ms >= relayStart, "relays start an hour in");
                if (t.get("lang").asText().equals("fr")) relayFrench++;
            }
        }
        // the slowest operators' delays may carry a few posts past three hours
        assertTrue(inThreeHours >= 0.9 * storm.size(), "the storm lasts about three hours: " + inThreeHours);
        assertTrue(firstAmp - first < 10 * 60_000, "amplifiers follow within minutes");
        assertTrue(relayFrench > relayPosts * 0.7, "relays post in French");
    }

    @Test
    void copypastaIsTheTemplateWithSmallEditsInRounds() {
        SimRun run = SimRun.election();
        JsonNode op = run.operation("copypasta");
        Set<String> template = words(op.get("template").asText());
        Set<String> texts = new HashSet<>();
        JsonNode rounds = op.get("rounds");
        for (JsonNode t : postsBy(run, ids(op.get("accounts")))) {
            String text = t.get("full_text").asText();
            texts.add(text);
            Set<String> w = words(text);
            Set<String> inter = new HashSet<>(w);
            inter.retainAll(template);
            Set<String> union = new HashSet<>(w);
            union.addAll(template);
            assertTrue(inter.size() >= 0.6 * union.size(), "near-duplicate of the template: " + text);
            long ms = SimRun.timeOf(t);
            boolean inRound = false;
            for (JsonNode r : rounds) inRound |= ms >= r.get("start_ms").asLong() && ms <= r.get("end_ms").asLong();
            assertTrue(inRound);
        }
        assertTrue(texts.size() > 5, "copies differ by small edits");
    }

    private static Set<String> words(String s) {
        Set<String> out = new HashSet<>();
        for (String w : s.toLowerCase(Locale.FRENCH).split("[^\\p{L}']+")) if (!w.isEmpty()) out.add(w);
        return out;
    }

    @Test
    void lookalikeSpreadersLinkOnlyToLookalikesOfTheProtectedDomain() {
        SimRun run = SimRun.election();
        JsonNode op = run.operation("lookalike_domains");
        assertEquals("en-marche.fr", op.get("protected").asText());
        Set<String> domains = ids(op.get("domains"));
        Set<String> used = new HashSet<>();
        for (JsonNode t : postsBy(run, ids(op.get("accounts")))) {
            JsonNode urls = t.get("entities").get("urls");
            assertEquals(1, urls.size());
            String host = URI.create(urls.get(0).get("expanded_url").asText()).getHost();
            if (host.startsWith("www.")) host = host.substring(4);
            assertTrue(domains.contains(host), host);
            assertFalse(host.equals("en-marche.fr"));
            used.add(host);
        }
        assertEquals(domains, used, "labels list exactly the domains used");
        boolean organicRealSite = false;
        for (JsonNode t : run.tweets()) {
            for (JsonNode u : t.get("entities").get("urls")) {
                organicRealSite |= URI.create(u.get("expanded_url").asText()).getHost().equals("en-marche.fr");
            }
        }
        assertTrue(organicRealSite, "the real site is shared organically too");
    }

    @Test
    void accountsFileGivesEveryAccountItsRole() {
        SimRun run = SimRun.election();
        String[] lines = new String(run.accounts, StandardCharsets.UTF_8).split("\n");
        assertEquals("account_id,handle,role,operation", lines[0]);
        Map<String, String> role = new HashMap<>(), opOf = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",", -1);
            assertEquals(4, f.length);
            role.put(f[0], f[2]);
            opOf.put(f[0], f[3]);
        }
        assertEquals(run.result.accounts(), role.size());
        for (JsonNode t : run.tweets()) assertTrue(role.containsKey(SimRun.author(t)));
        JsonNode leak = run.operation("hack_and_leak");
        for (JsonNode a : leak.get("seed_accounts")) assertEquals("leak_seed", role.get(a.asText()));
        for (JsonNode a : leak.get("amplifier_accounts")) assertEquals("leak_amplifier", role.get(a.asText()));
        for (JsonNode a : leak.get("relay_accounts")) assertEquals("leak_relay", role.get(a.asText()));
        for (JsonNode a : run.operation("sockpuppet_network").get("accounts")) assertEquals("sockpuppet", role.get(a.asText()));
        for (JsonNode a : run.operation("copypasta").get("accounts")) assertEquals("narrative", role.get(a.asText()));
        for (JsonNode a : run.operation("lookalike_domains").get("accounts")) {
            assertEquals("lookalike_spreader", role.get(a.asText()));
            assertEquals(run.operation("lookalike_domains").get("id").asText(), opOf.get(a.asText()));
        }
        Set<String> hyper = ids(run.labels().get("organic").get("hyperactive_accounts"));
        for (Map.Entry<String, String> e : role.entrySet()) {
            assertEquals(hyper.contains(e.getKey()), e.getValue().equals("organic_hyperactive"));
        }
    }

    @Test
    void hyperactiveAndViralLabelsMatchTheCounts() {
        SimRun run = SimRun.election();
        JsonNode organic = run.labels().get("organic");
        Set<String> hyper = ids(organic.get("hyperactive_accounts"));
        assertFalse(hyper.isEmpty());
        Set<String> opAccounts = new HashSet<>();
        for (JsonNode op : run.labels().get("operations")) opAccounts.addAll(ids(op.get("accounts")));
        Map<String, Integer> count = new HashMap<>();
        Map<String, Integer> reposts = new HashMap<>();
        Map<String, long[]> span = new HashMap<>();
        for (JsonNode t : run.tweets()) {
            String a = SimRun.author(t);
            if (opAccounts.contains(a)) continue;
            count.merge(a, 1, Integer::sum);
            if (t.has("retweeted_status")) {
                String o = t.get("retweeted_status").get("id_str").asText();
                reposts.merge(o, 1, Integer::sum);
                long ms = SimRun.timeOf(t);
                span.computeIfAbsent(o, k -> new long[] {ms, ms})[1] = ms;
            }
        }
        for (Map.Entry<String, Integer> e : count.entrySet()) {
            assertEquals(hyper.contains(e.getKey()), e.getValue() > 72 * 3, "hyperactive means > 72 posts/day");
        }
        int threshold = organic.get("viral_threshold").asInt();
        JsonNode viral = organic.get("viral_posts"), n = organic.get("viral_reposts");
        assertTrue(viral.size() >= 2);
        Set<String> listed = ids(viral);
        for (int i = 0; i < viral.size(); i++) {
            String id = viral.get(i).asText();
            assertEquals(n.get(i).asInt(), reposts.get(id));
            assertTrue(reposts.get(id) >= threshold);
        }
        for (Map.Entry<String, Integer> e : reposts.entrySet()) {
            assertEquals(e.getValue() >= threshold, listed.contains(e.getKey()), "every big cascade is labelled");
        }
        for (JsonNode v : organic.get("planted_viral_posts")) {
            long[] s = span.get(v.asText());
            assertTrue(s[1] - s[0] >= 2 * 3_600_000L, "viral cascades last hours");
        }
    }
}
