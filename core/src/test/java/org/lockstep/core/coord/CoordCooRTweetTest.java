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

    @Test
    void window60_minParticipation2_edgeWeight05_matchesCooRTweetEdgeForEdge() throws IOException {
        Actions x = CoordTestData.russian();
        CoordinationResult r = Coordination.detect(x, CoordinationConfig.coortweet(60, 2, 0.5));
        Path expectedFile = CoordTestData.shared("data/coortweet/coortweet_russian_tw60_mp2_ew05_edges.csv");
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
            assertEquals(expectedGap.get(k), e.meanGapMs[i] / 1000.0, 1e-12, k);
        }
        assertEquals(expected, actual);
        assertEquals(60, e.size);
        assertEquals(94, r.accountCount());
        assertEquals(34, r.components());
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
