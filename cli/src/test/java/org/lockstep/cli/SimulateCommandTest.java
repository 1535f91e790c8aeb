package org.lockstep.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lockstep simulate} end to end through {@link Main#run}. */
class SimulateCommandTest {
    @TempDir
    Path dir;

    private static String gunzip(Path p) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void writesGzippedPostsLabelsAndAccountsNextToTheOutput() throws IOException {
        Path out = dir.resolve("scn.jsonl.gz");
        assertEquals(Main.OK, Main.run("simulate", "--posts", "3000", "--seed", "5", "--out", out.toString()));
        String posts = gunzip(out);
        assertEquals(3000, posts.lines().count());
        assertTrue(posts.startsWith("{\"created_at\":\"Fri May 05 "));
        String labels = Files.readString(dir.resolve("scn.labels.json"));
        assertTrue(labels.contains("\"posts\" : 3000"));
        assertTrue(labels.contains("\"type\" : \"hack_and_leak\""));
        assertTrue(labels.contains("\"scenario\" : \"election\""));
        assertTrue(Files.readString(dir.resolve("scn.accounts.csv")).startsWith("account_id,handle,role,operation\n"));
    }

    @Test
    void sameSeedSameFiles() throws IOException {
        Path a = dir.resolve("a.csv"), b = dir.resolve("b.csv");
        String[] common = {"simulate", "--scenario", "leak", "--posts", "4000", "--seed", "9", "--format", "toolkit-csv",
            "--start", "2020-01-01T12:00:00Z"};
        assertEquals(Main.OK, Main.run(concat(common, "--out", a.toString())));
        assertEquals(Main.OK, Main.run(concat(common, "--out", b.toString())));
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        String csv = Files.readString(a);
        assertTrue(csv.startsWith("message_id,user_id,username,repost_id,reply_id,message,timestamp,urls\n"));
        // the start option moves the whole scenario: first timestamp within the first hours of 2020-01-01T12:00Z
        String firstTs = csv.lines().skip(1).findFirst().orElseThrow().split(",")[0];
        long id = Long.parseLong(firstTs);
        long ms = (id >> 22) + 1288834974657L;
        assertTrue(ms >= 1577880000000L && ms < 1577880000000L + 3_600_000L, "first post at " + ms);
        String labels = Files.readString(dir.resolve("a.labels.json"));
        assertTrue(labels.contains("\"start\" : \"2020-01-01T12:00:00Z\""));
        assertFalse(labels.contains("sockpuppet_network"), "scenario leak plants only the leak");
    }

    @Test
    void opsSwitchesAndExplicitLabelPath() throws IOException {
        Path out = dir.resolve("x.jsonl"), labels = dir.resolve("truth.json");
        assertEquals(Main.OK, Main.run("simulate", "--posts", "5000", "--no-leak", "--no-lookalike", "--out",
                out.toString(), "--labels", labels.toString()));
        String l = Files.readString(labels);
        assertTrue(l.contains("sockpuppet_network") && l.contains("copypasta"));
        assertFalse(l.contains("hack_and_leak") || l.contains("lookalike_domains"));
        assertEquals(Main.OK, Main.run("simulate", "--posts", "5000", "--ops", "lookalike", "--out", out.toString(),
                "--labels", labels.toString()));
        l = Files.readString(labels);
        assertTrue(l.contains("lookalike_domains") && !l.contains("copypasta"));
    }

    @Test
    void operatorTimingOptionsReachTheLabels() throws IOException {
        Path out = dir.resolve("t.jsonl");
        assertEquals(Main.OK, Main.run("simulate", "--posts", "3000", "--scenario", "sockpuppets", "--op-delay-median",
                "300", "--op-delay-spread", "0", "--op-sparse", "1", "--op-relaunch", "0", "--out", out.toString()));
        String l = Files.readString(dir.resolve("t.labels.json"));
        assertTrue(l.contains("\"delay_median_ms\" : 300000"), l);
        assertTrue(l.contains("\"delay_spread\" : 0.0") && l.contains("\"sparse_share\" : 1.0"), l);
        assertTrue(l.contains("\"relaunch_share\" : 0.0") && !l.contains("relaunch_ms"), l);
        assertTrue(l.contains("\"account_delay_ms\" : [ 300000, 300000"), "spread 0: every account's delay is the median");
        assertEquals(Main.USAGE, Main.run("simulate", "--op-delay-median", "0.1", "--out", out.toString()));
        assertEquals(Main.USAGE, Main.run("simulate", "--op-sparse", "2", "--out", out.toString()));
        assertEquals(Main.USAGE, Main.run("simulate", "--op-relaunch", "-1", "--out", out.toString()));
    }

    @Test
    void badArgumentsAreUsageErrors() {
        Path out = dir.resolve("y.jsonl");
        assertEquals(Main.USAGE, Main.run("simulate", "--scenario", "nonsense", "--out", out.toString()));
        assertEquals(Main.USAGE, Main.run("simulate", "--format", "xml", "--out", out.toString()));
        assertEquals(Main.USAGE, Main.run("simulate", "--posts", "100", "--out", out.toString()));
        assertEquals(Main.USAGE, Main.run("simulate", "--start", "yesterday", "--out", out.toString()));
        assertEquals(Main.USAGE, Main.run("simulate", "--posts", "1000"), "--out is required");
    }

    private static String[] concat(String[] a, String... b) {
        String[] r = new String[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
