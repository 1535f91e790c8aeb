package org.lockstep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** Twitter v1.1 JSON lines with hostile handles and text: handles and post text reach every output safely. */
class DetectTwitterTest {
    static final DateTimeFormatter V1 = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ROOT).withZone(ZoneOffset.UTC);
    static final String TEXT = "=cmd|' /C calc'!A0 <img src=x onerror=\"document.title='PWNED'\"> \"]]> \u202Eevil\u2028next";
    static final String[] HANDLES = {"<script>alert(1)</script>", "@admin", "plain_bot"};

    static ObjectNode tweet(String id, String userId, String handle, long ms, String text) {
        ObjectNode t = DetectCommandTest.JSON.createObjectNode();
        t.put("id_str", id);
        t.put("created_at", V1.format(Instant.ofEpochMilli(ms)));
        t.put("text", text);
        ObjectNode u = t.putObject("user");
        u.put("id_str", userId);
        u.put("screen_name", handle);
        u.put("created_at", V1.format(Instant.parse("2020-01-01T00:00:00Z")));
        u.put("followers_count", 3);
        return t;
    }

    @Test
    void handlesAndTextSafeEverywhere(@TempDir Path dir) throws Exception {
        StringBuilder lines = new StringBuilder();
        long t0 = Instant.parse("2024-05-01T12:00:00Z").toEpochMilli();
        for (int o = 0; o < 4; o++) {
            long t = t0 + o * 7_200_000L;
            ObjectNode orig = tweet("orig" + o, "999", "source", t, "original " + o);
            lines.append(orig).append('\n');
            for (int a = 0; a < 3; a++) {
                ObjectNode rt = tweet("rt" + o + "_" + a, "u" + a, HANDLES[a], t + 2000 + a * 3000, TEXT);
                rt.set("retweeted_status", orig);
                lines.append(rt).append('\n');
            }
        }
        Path in = dir.resolve("tweets.jsonl");
        Files.writeString(in, lines.toString());
        Path out = dir.resolve("out");
        DetectCommandTest.Run r = DetectCommandTest.run("detect", in.toString(), "--out", out.toString(), "--signals", "co-repost",
                "--selection", "all", "--min-repetitions", "3", "--window", "30");
        assertEquals(0, r.code, r.err);
        JsonNode s = DetectCommandTest.JSON.readTree(Files.readString(out.resolve("summary.json")));
        assertEquals(3, s.get("accounts").asInt());
        assertEquals(3, s.get("edges").asInt());
        assertEquals(30_000, s.at("/parameters/windows_ms/co-repost").asLong());

        Map<String, String> handleOf = new HashMap<>();
        for (Map<String, String> a : DetectCommandTest.readCsv(out.resolve("accounts.csv"))) {
            handleOf.put(a.get("account_id"), a.get("handle"));
            assertEquals("co-repost", a.get("signals"));
            assertEquals("2020-01-01T00:00:00Z", a.get("created_at"));
            assertEquals("3", a.get("followers"));
        }
        assertEquals(Map.of("u0", HANDLES[0], "u1", "'" + HANDLES[1], "u2", HANDLES[2]), handleOf, "a handle starting with @ is neutralised");

        List<Map<String, String>> ev = DetectCommandTest.readCsv(out.resolve("evidence.csv"));
        assertEquals(3 * 4, ev.size());
        for (Map<String, String> e : ev) {
            assertEquals("'" + TEXT, e.get("text_a"), "text kept whole, formula neutralised");
            assertTrue(e.get("object").startsWith("orig"));
            assertTrue(Math.abs(Double.parseDouble(e.get("gap_s"))) <= 6);
        }

        Document report = DetectCommandTest.xml(out.resolve("report.html"));
        assertEquals(0, report.getElementsByTagName("img").getLength());
        assertEquals(0, report.getElementsByTagName("script").getLength());
        String text = report.getDocumentElement().getTextContent();
        assertTrue(text.contains(HANDLES[0]), "handle shown as text");
        assertTrue(text.contains("<img src=x onerror=\"document.title='PWNED'\">"), "post text shown as text");
        assertTrue(text.contains("[U+202E]evil"), "bidi override made visible");
        browserCheck(dir, out.resolve("report.html"));
    }

    /** Opens the report in headless Chromium when installed: it renders and nothing from the data runs. */
    static void browserCheck(Path dir, Path html) throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        if (!Files.isExecutable(chromium)) {
            System.err.println("DetectTwitterTest: browser check skipped: no /usr/bin/chromium (apt-get install chromium)");
            return;
        }
        Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + dir.resolve("chromium-profile"), "--virtual-time-budget=3000", "--dump-dom", html.toUri().toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String dom = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS));
        assertTrue(dom.contains("<svg") && dom.contains("Top groups"), "report rendered");
        assertTrue(!dom.contains("<title>PWNED"), "no handler from the data ran");
        assertTrue(!dom.contains("<img") && !dom.contains("<script"), "no element made from data");
    }
}
