package org.lockstep.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.lockstep.core.coord.Coordination;
import org.lockstep.core.coord.CoordinationConfig;
import org.lockstep.core.coord.CoordinationResult;
import org.lockstep.core.model.PostTable;
import org.lockstep.io.read.ReadOptions;
import org.lockstep.io.store.CaseDb;
import org.lockstep.io.store.CaseResults;

/**
 * A small real case for the workbench's tests, with answers known by construction: a news account
 * ({@code 100}) posts 6 tweets two hours apart; three trolls ({@code 201..203}, handles written by an
 * attacker) retweet every one of them within 70 s; five organic accounts ({@code 301..305}) retweet two
 * each, hours later, and post one tweet each (301..303 about the ballot). 39 posts, 9 accounts. Texts,
 * handles and links carry script tags, event handlers and {@code javascript:} URLs that must stay text.
 * Detection (co-repost, at least 3 objects) keeps exactly the 3 troll pairs: one group of 3.
 */
final class Fixture {
    static final String XSS_HANDLE_1 = "<img src=x onerror=\"window.__xss=1\">";
    static final String XSS_HANDLE_2 = "javascript:window.__xss=2";
    static final String XSS_HANDLE_3 = "troll\"><svg onload=window.__xss=3>";
    static final String XSS_TEXT = "Breaking <script>window.__xss=4</script> <a href=\"javascript:window.__xss=5\">read</a> #vote";
    static final List<String> TROLLS = List.of("201", "202", "203");
    static final int POSTS = 39, ACCOUNTS = 9, BALLOT_POSTS = 3;
    static final long T0 = 1_700_000_000_000L;
    private static final DateTimeFormatter TW = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Fixture() {}

    /** Writes the posts, ingests them into {@code dir/case.duckdb}, runs detection and records it as a run. */
    static Path build(Path dir) throws Exception {
        StringBuilder b = new StringBuilder();
        String[] handles = {XSS_HANDLE_1, XSS_HANDLE_2, XSS_HANDLE_3};
        for (int k = 0; k < 6; k++) {
            long t = T0 + k * 7_200_000L;
            String src = tweet("10" + k, t, XSS_TEXT + " item " + k, "100", "newsdesk", null);
            b.append(src).append('\n');
            for (int j = 0; j < 3; j++) {
                b.append(tweet("2" + j + "0" + k, t + 60_000 + j * 5_000, "RT @newsdesk: " + XSS_TEXT + " item " + k, TROLLS.get(j), handles[j], src)).append('\n');
            }
        }
        int[][] organicRetweets = {{0, 3}, {1, 4}, {2, 5}, {3, 0}, {4, 1}};
        for (int x = 0; x < 5; x++) {
            String id = "30" + (x + 1);
            for (int k : organicRetweets[x]) {
                long t = T0 + k * 7_200_000L + (x + 1) * 2_400_000L;
                String src = tweet("10" + k, T0 + k * 7_200_000L, XSS_TEXT + " item " + k, "100", "newsdesk", null);
                b.append(tweet("3" + x + "0" + k, t, "RT @newsdesk: item " + k, id, "citizen" + (x + 1), src)).append('\n');
            }
            String text = x < 3 ? "The ballot boxes in district " + x + " are ready" : "Nice weather today";
            b.append(tweet("39" + x, T0 + 50_000_000L + x * 60_000L, text, id, "citizen" + (x + 1), null)).append('\n');
        }
        Path posts = dir.resolve("posts.jsonl");
        Files.writeString(posts, b.toString(), StandardCharsets.UTF_8);
        Path db = dir.resolve("case.duckdb");
        try (CaseDb c = CaseDb.open(db)) {
            c.ingest(List.of(posts.toString()), ReadOptions.defaults(), 1000, null, null);
            PostTable t = c.load(true);
            CoordinationResult r = Coordination.detect(t, config());
            CaseResults results = new CaseResults(c);
            long run = results.beginRun("detect", org.lockstep.io.out.ConfigJson.tree(r.config()).toString(), "test");
            results.writeCoordination(run, r);
            results.finishRun(run, "done", "{}");
        }
        return db;
    }

    static CoordinationConfig config() {
        return CoordinationConfig.builder().selection(CoordinationConfig.Selection.ALL).minRepetitions(3).cooccurrence(false).build();
    }

    private static String tweet(String id, long ms, String text, String userId, String handle, String retweeted) {
        return "{\"created_at\":" + Json.str(TW.format(Instant.ofEpochMilli(ms))) + ",\"id_str\":\"" + id + "\",\"text\":" + Json.str(text)
                + ",\"lang\":\"en\",\"entities\":{\"hashtags\":" + (text.contains("#vote") ? "[{\"text\":\"vote\"}]" : "[]")
                + ",\"urls\":[],\"user_mentions\":[]},\"user\":{\"id_str\":\"" + userId + "\",\"screen_name\":" + Json.str(handle)
                + ",\"name\":" + Json.str(handle) + "}" + (retweeted != null ? ",\"retweeted_status\":" + retweeted : "")
                + ",\"timestamp_ms\":\"" + ms + "\"}";
    }
}
