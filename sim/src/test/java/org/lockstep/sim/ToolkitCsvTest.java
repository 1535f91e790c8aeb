package org.lockstep.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** toolkit-csv is valid RFC 4180 CSV with the coordination network toolkit's eight columns. */
class ToolkitCsvTest {
    /** A strict RFC 4180 reader (quoted fields may hold commas, quotes and newlines). */
    static List<List<String>> parse(String s) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        int i = 0, n = s.length();
        boolean fieldStart = true;
        while (i < n) {
            char c = s.charAt(i);
            if (fieldStart && c == '"') {
                i++;
                while (true) {
                    if (i >= n) throw new IllegalArgumentException("unterminated quote");
                    char d = s.charAt(i++);
                    if (d == '"') {
                        if (i < n && s.charAt(i) == '"') { f.append('"'); i++; } else break;
                    } else f.append(d);
                }
                fieldStart = false;
                continue;
            }
            if (c == '"') throw new IllegalArgumentException("quote inside an unquoted field at " + i);
            i++;
            if (c == ',') { row.add(f.toString()); f.setLength(0); fieldStart = true; }
            else if (c == '\n') { row.add(f.toString()); f.setLength(0); rows.add(row); row = new ArrayList<>(); fieldStart = true; }
            else { f.append(c); fieldStart = false; }
        }
        if (!row.isEmpty() || f.length() > 0) { row.add(f.toString()); rows.add(row); }
        return rows;
    }

    @Test
    void eightColumnsAndConsistentReferences() {
        SimRun run = SimRun.of(SimConfig.scenario("election", 20_000, 3).withFormat(SimConfig.Format.TOOLKIT_CSV));
        List<List<String>> rows = parse(new String(run.posts, StandardCharsets.UTF_8));
        assertEquals(List.of("message_id", "user_id", "username", "repost_id", "reply_id", "message", "timestamp", "urls"),
                rows.get(0));
        assertEquals(20_001, rows.size());
        Set<String> ids = new HashSet<>();
        long prevTs = Long.MIN_VALUE;
        long start = SimConfig.DEFAULT_START_MS / 1000, end = start + 3 * 86_400;
        int reposts = 0, replies = 0, quotedOrCommaText = 0, withUrls = 0;
        for (List<String> r : rows.subList(1, rows.size())) {
            assertEquals(8, r.size(), r.toString());
            assertTrue(ids.add(r.get(0)), "unique message ids");
            assertTrue(r.get(1).matches("[0-9]+"));
            long ts = Long.parseLong(r.get(6));
            assertTrue(ts >= prevTs && ts >= start && ts < end);
            prevTs = ts;
            if (!r.get(3).isEmpty()) {
                reposts++;
                assertTrue(ids.contains(r.get(3)), "a repost refers to an earlier message");
                assertTrue(r.get(5).startsWith("RT @"));
            }
            if (!r.get(4).isEmpty()) {
                replies++;
                assertTrue(ids.contains(r.get(4)));
            }
            if (r.get(5).contains(",") || r.get(5).contains("\"")) quotedOrCommaText++;
            if (!r.get(7).isEmpty()) {
                withUrls++;
                for (String u : r.get(7).split(" ")) assertTrue(u.startsWith("http"), u);
            }
        }
        assertTrue(reposts > 5_000 && replies > 1_000 && withUrls > 2_000);
        assertTrue(quotedOrCommaText > 0, "quoting is exercised");
    }

    @Test
    void csvHasTheSamePostsAsJson() {
        SimRun csv = SimRun.of(SimConfig.scenario("election", 20_000, 3).withFormat(SimConfig.Format.TOOLKIT_CSV));
        SimRun json = SimRun.of(SimConfig.scenario("election", 20_000, 3));
        List<List<String>> rows = parse(new String(csv.posts, StandardCharsets.UTF_8));
        var tweets = json.tweets();
        for (int i = 0; i < tweets.size(); i += 97) {
            assertEquals(tweets.get(i).get("id_str").asText(), rows.get(i + 1).get(0));
            assertEquals(tweets.get(i).get("full_text").asText(), rows.get(i + 1).get(5));
        }
    }
}
