package org.lockstep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lockstep.io.out.OutputDir;
import org.lockstep.sim.SimConfig;
import org.lockstep.sim.Simulator;

/**
 * Issue 11 on {@code lockstep campaigns}: an unusable {@code --out} is refused before any work, a re-run
 * into the same directory leaves no stale file of the earlier case, and a failing webhook is told once
 * per kind of failure with a summary and exit code 1 (not "webhook failed: null" per alert and 0).
 */
class CampaignsOutputTest {
    @TempDir static Path shared;
    static Path storm;
    static Path organic;
    @TempDir Path dir;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldErr;

    @BeforeAll
    static void data() throws Exception {
        storm = shared.resolve("leak.jsonl");
        try (OutputStream p = Files.newOutputStream(storm)) {
            Simulator.run(SimConfig.scenario("leak", 8_000, 5), p, new ByteArrayOutputStream());
        }
        organic = shared.resolve("organic.jsonl");
        try (OutputStream p = Files.newOutputStream(organic)) {
            Simulator.run(SimConfig.scenario("organic", 3_000, 5), p, new ByteArrayOutputStream());
        }
    }

    @BeforeEach
    void capture() {
        oldErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setErr(oldErr);
    }

    String err() { return err.toString(StandardCharsets.UTF_8); }

    int run(String... args) {
        err.reset();
        return Main.run(args);
    }

    @Test
    void anUnwritableOutIsRefusedAtOnceBeforeReading() {
        long t0 = System.nanoTime();
        assertEquals(Main.FAILED, run("campaigns", storm.toString(), "--out", "/proc/lockstep-out", "--no-coord"));
        double s = (System.nanoTime() - t0) / 1e9;
        assertTrue(err().startsWith("lockstep campaigns: cannot write to /proc/lockstep-out: "), err());
        assertTrue(err().contains("Nothing was done."), err());
        assertTrue(s < 3, "answered in " + s + " s, before reading");
    }

    @Test
    void aFileLockstepDidNotWriteIsKeptAndTheRunRefused() throws Exception {
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("report.html"), "my own report");
        assertEquals(Main.FAILED, run("campaigns", storm.toString(), "--out", out.toString(), "--no-coord"));
        assertTrue(err().contains("holds report.html, which Lockstep did not write"), err());
        assertEquals("my own report", Files.readString(out.resolve("report.html")));
    }

    @Test
    void aRerunIntoTheSameDirectoryLeavesNoStaleTimelines() throws Exception {
        Path out = dir.resolve("out");
        assertEquals(Main.OK, run("campaigns", storm.toString(), "--out", out.toString(), "--no-coord", "--no-narratives"), err());
        List<String> first = timelines(out);
        assertTrue(first.size() >= 2, "the storm draws timelines: " + first);
        assertEquals(Main.OK, run("campaigns", organic.toString(), "--out", out.toString(), "--no-coord", "--no-narratives",
                "--top", "1"), err());
        List<String> second = timelines(out);
        assertTrue(second.size() < first.size(), "stale timelines of the first case removed: " + first + " -> " + second);
        String manifest = Files.readString(out.resolve(OutputDir.MANIFEST));
        for (String t : second) assertTrue(manifest.contains("timelines/" + t), manifest);
        try (Stream<Path> s = Files.walk(out)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().startsWith(".lockstep-tmp-")), "no temporary file left");
        }
    }

    private static List<String> timelines(Path out) throws Exception {
        Path t = out.resolve("timelines");
        if (!Files.isDirectory(t)) return List.of();
        try (Stream<Path> s = Files.list(t)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFailingWebhookIsOneLinePerKindASummaryAndExitOne() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        Path alerts = dir.resolve("alerts.jsonl");
        assertEquals(Main.FAILED, run("campaigns", storm.toString(), "--out", dir.resolve("o").toString(), "--no-coord",
                "--no-narratives", "--alerts", alerts.toString(), "--webhook", "http://127.0.0.1:" + port + "/hook"));
        int sent = Files.readAllLines(alerts).size();
        assertTrue(sent > CampaignsAlerts.GIVE_UP, "enough alerts to see the give-up: " + sent);
        List<String> lines = err().lines().filter(l -> l.contains("webhook") || l.contains("delivered")).toList();
        assertEquals(List.of(
                "lockstep campaigns: webhook http://127.0.0.1:" + port + "/hook: " + CampaignsAlerts.GIVE_UP
                        + " alerts not delivered: connection refused or unreachable (is the receiver running at that address?)",
                "lockstep campaigns: webhook http://127.0.0.1:" + port + "/hook: " + (sent - CampaignsAlerts.GIVE_UP)
                        + " alert" + (sent - CampaignsAlerts.GIVE_UP == 1 ? "" : "s") + " not delivered: not tried after "
                        + CampaignsAlerts.GIVE_UP + " connection failures in a row",
                "lockstep campaigns: 0 of " + sent + " alerts delivered; all " + sent + " are in " + alerts), lines);
        assertFalse(err().contains("null"), err());
    }

    @Test
    void aWebhookThatIsNoUrlIsAUsageErrorBeforeWork() {
        assertEquals(Main.USAGE, run("campaigns", storm.toString(), "--out", dir.resolve("o").toString(),
                "--alerts", dir.resolve("a.jsonl").toString(), "--webhook", "ftp://example.org/x"));
        assertEquals("lockstep campaigns: --webhook must be an http:// or https:// URL, got 'ftp://example.org/x'\n", err());
        // a URL carrying a terminal escape is quoted with the escape neutralised
        assertEquals(Main.USAGE, run("campaigns", storm.toString(), "--out", dir.resolve("o").toString(),
                "--alerts", dir.resolve("a.jsonl").toString(), "--webhook", "ftp://ex\u001b[31mample.org/x"));
        assertEquals("lockstep campaigns: --webhook is not a URL: Illegal character in authority at index 6: ftp://ex\\u001b[31mample.org/x\n",
                err());
        assertEquals(Main.USAGE, run("campaigns", storm.toString(), "--out", dir.resolve("o").toString(),
                "--webhook", "http://127.0.0.1/"));
        assertTrue(err().contains("--webhook needs --alerts FILE"), err());
    }
}
