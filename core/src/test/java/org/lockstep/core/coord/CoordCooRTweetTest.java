package org.lockstep.core.coord;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The CooRTweet preset against CooRTweet 2.1.3's own output on its russian_coord_tweets sample: its
 * edge list for (60 s, 2, 0.5), and its published counts for the other two parameter sets.
 */
class CoordCooRTweetTest {

    private static String pair(String x, String y) {
        return x.compareTo(y) < 0 ? x + "," + y : y + "," + x;
    }

    /** The edges of {@code r} are those of CooRTweet's output file, with its weights and mean gaps. */
    private static void assertSameEdgesAsCooRTweet(CoordinationResult r, Path expectedFile) throws IOException {
        List<String> lines = Files.readAllLines(expectedFile);
        assertEquals("from,to,weight,avg_time_delta,n_content_id,n_content_id_y,edge_symmetry_score,weight_threshold",
                lines.get(0));
        Map<String, Integer> expected = new TreeMap<>();
        Map<String, Double> expectedGap = new TreeMap<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",");
            expected.put(pair(f[0], f[1]), Integer.parseInt(f[2]));
            expectedGap.put(pair(f[0], f[1]), Double.parseDouble(f[3]));
        }
        Map<String, Integer> actual = new TreeMap<>();
        Edges e = r.edges();
        for (int i = 0; i < e.size; i++) {
            String k = pair(r.accountName(e.a[i]), r.accountName(e.b[i]));
            actual.put(k, e.coActions[i]);
            // R prints 15 significant digits
            if (expectedGap.containsKey(k)) assertEquals(expectedGap.get(k), e.meanGapMs[i] / 1000.0, 1e-12, k);
        }
        assertEquals(expected, actual);
    }

    @Test
    void window60_minParticipation2_edgeWeight05_matchesCooRTweetEdgeForEdge() throws IOException {
        Actions x = CoordTestData.russian();
        CoordinationResult r = Coordination.detect(x, CoordinationConfig.coortweet(60, 2, 0.5));
        assertSameEdgesAsCooRTweet(r, CoordTestData.shared("data/coortweet/coortweet_russian_tw60_mp2_ew05_edges.csv"));
        Edges e = r.edges();
        assertEquals(60, e.size);
        assertEquals(94, r.accountCount());
        assertEquals(34, r.components());
    }

    /**
     * CooRTweet's vignette on {@code german_elections}: URLs and images detected separately (window 30 s, min
     * participation 2, each mode on its own), the results bound, then one network with edge weight 0.5. Its own
     * output (771 edges, in ../shared) must come out edge for edge, weights and mean gaps included.
     */
    @Test
    void germanElectionsUrlsAndImagesPerSignal_matchesCooRTweetMultiModalEdgeForEdge() throws IOException {
        Path in = CoordTestData.shared("data/coortweet/german_elections.csv.gz");
        Actions.GenericBuilder b = Actions.generic();
        java.util.Set<String> seen = new java.util.HashSet<>();
        try (java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(
                new java.util.zip.GZIPInputStream(Files.newInputStream(in)), java.nio.charset.StandardCharsets.UTF_8))) {
            String line = r.readLine();
            assertEquals("account_id,post_id,url_id,hashtag_id,domain_id,phash_id,timestamp", line);
            while ((line = r.readLine()) != null) {
                String[] f = line.split(",", -1);
                long t = Long.parseLong(f[6]) * 1000;
                // as the vignette's prep: one row per (object, account, content, time) and mode, none without object
                if (!f[2].isEmpty() && seen.add("u" + f[2] + "," + f[0] + "," + f[1] + "," + f[6])) {
                    b.add(Signal.CO_LINK, "url_" + f[2], f[0], f[1], t);
                }
                if (!f[5].isEmpty() && seen.add("h" + f[5] + "," + f[0] + "," + f[1] + "," + f[6])) {
                    b.add(Signal.CO_IMAGE, "hash_" + f[5], f[0], f[1], t);
                }
            }
        }
        CoordinationConfig c = CoordinationConfig.coortweet(30, 2, 0.5).toBuilder()
                .signals(Signal.CO_LINK, Signal.CO_IMAGE).window(30_000).build();
        CoordinationResult r = Coordination.detect(b.build(), c);
        assertSameEdgesAsCooRTweet(r, CoordTestData.shared("data/coortweet/coortweet_german_urls_images_tw30_mp2_ew05_edges.csv"));
        Edges e = r.edges();
        assertEquals(771, e.size);
        assertEquals(298, r.accountCount());
    }

    /**
     * Min participation counts within a signal (by hand): an account with one link share and one image share
     * has 2 rows in all but 1 in each signal, so it takes part in no signal at min participation 2.
     */
    @Test
    void minParticipationCountsEachSignalOnItsOwn() {
        Actions.GenericBuilder b = Actions.generic();
        // a and b: two links together (2 link rows each); c: one link with them and one image with d
        b.add(Signal.CO_LINK, "L1", "a", "a1", 0).add(Signal.CO_LINK, "L1", "b", "b1", 1000).add(Signal.CO_LINK, "L1", "c", "c1", 2000);
        b.add(Signal.CO_LINK, "L2", "a", "a2", 100_000).add(Signal.CO_LINK, "L2", "b", "b2", 101_000);
        b.add(Signal.CO_IMAGE, "H1", "c", "c2", 200_000).add(Signal.CO_IMAGE, "H1", "d", "d1", 201_000);
        b.add(Signal.CO_IMAGE, "H2", "d", "d2", 300_000);
        // e, f, g: a triangle of single link meetings (weight 1 each: below the cut, which keeps weights above
        // the 0-quantile of all weights, i.e. above the smallest)
        b.add(Signal.CO_LINK, "L3", "e", "e1", 400_000).add(Signal.CO_LINK, "L3", "f", "f1", 401_000);
        b.add(Signal.CO_LINK, "L4", "e", "e2", 500_000).add(Signal.CO_LINK, "L4", "g", "g1", 501_000);
        b.add(Signal.CO_LINK, "L5", "f", "f2", 600_000).add(Signal.CO_LINK, "L5", "g", "g2", 601_000);
        CoordinationConfig c = CoordinationConfig.coortweet(10, 2, 0).toBuilder()
                .signals(Signal.CO_LINK, Signal.CO_IMAGE).window(10_000).build();
        CoordinationResult r = Coordination.detect(b.build(), c);
        // per signal: links a, b (2 rows each; c has 1) → pair a–b, weight 2, and e–f, e–g, f–g, weight 1; images:
        // d (2 rows; c has 1) → its only partner c is dropped, so no image pair. Weights {2, 1, 1, 1}: the cut
        // keeps a–b.
        // Pooled, c (3 rows) would add a–c, b–c (weight 1 each) and c–d.
        assertEquals(1, r.edges().size);
        assertEquals(pair("a", "b"), pair(r.accountName(r.edges().a[0]), r.accountName(r.edges().b[0])));
        assertEquals(2, r.edges().coActions[0]);
        // c's link row and image row are the rows dropped (pooled, c's 2 rows would pass and nothing be dropped)
        assertEquals(2, r.counts().ignoredActions());
    }

    @Test
    void window10_minParticipation5_givesTwoAccountsOneEdge() throws IOException {
        CoordinationResult r = Coordination.detect(CoordTestData.russian(), CoordinationConfig.coortweet(10, 5, 0.5));
        assertEquals(1, r.edges().size);
        assertEquals(2, r.accountCount());
        assertEquals(1, r.components());
    }

    @Test
    void window60_minParticipation2_edgeWeight099_gives14Accounts9Edges5Components() throws IOException {
        CoordinationResult r = Coordination.detect(CoordTestData.russian(), CoordinationConfig.coortweet(60, 2, 0.99));
        assertEquals(9, r.edges().size);
        assertEquals(14, r.accountCount());
        assertEquals(5, r.components());
    }

    @Test
    void sameNetworkThroughAPostTableBuiltLikeTheCooRTweetReader() throws IOException {
        // the io reader stores each row as a repost of its object; a content id seen again with another
        // object becomes "content~object" (PostTable keeps one row per post id)
        java.nio.file.Path p = CoordTestData.shared("data/coortweet/russian_coord_tweets.csv.gz");
        org.lockstep.core.model.PostTable.Builder b = org.lockstep.core.model.PostTable.builder(false);
        java.util.Map<String, String> firstObject = new java.util.HashMap<>();
        try (java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(
                new java.util.zip.GZIPInputStream(Files.newInputStream(p)), java.nio.charset.StandardCharsets.UTF_8))) {
            in.readLine();
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.split(",", -1);
                String prev = firstObject.putIfAbsent(f[2], f[0]);
                String id = prev == null || prev.equals(f[0]) ? f[2] : f[2] + "~" + f[0];
                b.add(org.lockstep.core.model.Post.builder(org.lockstep.core.model.Platform.GENERIC).id(id)
                        .accountId(f[1]).timeMs(Long.parseLong(f[3]) * 1000)
                        .kind(org.lockstep.core.model.PostKind.REPOST)
                        .repostOf(new org.lockstep.core.model.PostRef(f[0], null, null)).build());
            }
        }
        CoordinationResult r = Coordination.detect(b.build(), CoordinationConfig.coortweet(60, 2, 0.5));
        assertEquals(60, r.edges().size);
        assertEquals(94, r.accountCount());
        assertEquals(34, r.components());
    }
}
