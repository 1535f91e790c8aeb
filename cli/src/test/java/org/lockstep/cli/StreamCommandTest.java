package org.lockstep.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code lockstep stream} end to end: a simulated case replayed through the embedded job writes alerts and,
 * at the end, the same edges.csv and accounts.csv as {@code lockstep detect} on the same file.
 */
class StreamCommandTest {
    @Test
    void replayWritesAlertsAndDetectsFiles() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "stream-command").toAbsolutePath());
        Path posts = dir.resolve("case.jsonl");
        assertEquals(Main.OK, Main.run("simulate", "--scenario", "election", "--posts", "4000", "--days", "0.5", "--seed", "3",
                "--out", posts.toString()));
        Path stream = dir.resolve("stream"), detect = dir.resolve("detect");
        assertEquals(Main.OK, Main.run("stream", posts.toString(), "--out", stream.toString(), "--tick", "15m", "--quiet"));
        assertEquals(Main.OK, Main.run("detect", posts.toString(), "--out", detect.toString()));
        assertTrue(Files.size(stream.resolve("alerts.jsonl")) > 0);
        assertTrue(Files.exists(stream.resolve("summary.json")) && Files.exists(stream.resolve("stream.json")));
        assertArrayEquals(Files.readAllBytes(detect.resolve("edges.csv")), Files.readAllBytes(stream.resolve("edges.csv")));
        assertArrayEquals(Files.readAllBytes(detect.resolve("accounts.csv")), Files.readAllBytes(stream.resolve("accounts.csv")));
    }

    @Test
    void usageErrors() {
        assertEquals(Main.USAGE, Main.run("stream", "--out", "target/x"));
        assertEquals(Main.USAGE, Main.run("stream", "x.jsonl", "--out", "target/x", "--replay", "-2"));
        assertEquals(Main.USAGE, Main.run("stream", "--kafka", "localhost:9092", "--out", "target/x"));
    }
}
