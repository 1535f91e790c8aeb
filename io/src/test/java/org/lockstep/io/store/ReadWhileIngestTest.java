package org.lockstep.io.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, "readers open while ingesting", with two real processes: a child JVM ingests in batches
 * while this one opens the case read-only again and again. DuckDB lets one process write or several
 * read; the ingest pauses after a committed batch when a reader asks, so each open succeeds (after a
 * wait) and sees a consistent, growing case; the ingest ends complete.
 */
class ReadWhileIngestTest {
    @TempDir Path dir;

    @Test
    void aReaderGetsInBetweenBatchesOfARunningIngest() throws Exception {
        CaseDbTest fixtures = new CaseDbTest();
        fixtures.dir = dir;
        Path input = fixtures.numbered("posts.jsonl", 160);
        Path db = dir.resolve("case.duckdb");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", System.getProperty("java.class.path"), SlowIngest.class.getName(),
                db.toString(), input.toString(), "20", "100")
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            long until = System.nanoTime() + 60_000_000_000L;
            while (!Files.readString(dir.resolve("child.log")).contains("started") && System.nanoTime() < until) Thread.sleep(50);
            List<Long> seen = new ArrayList<>();
            List<String> waits = new ArrayList<>();
            while (p.isAlive() && seen.size() < 2 && System.nanoTime() < until) {
                try (CaseDb c = CaseDb.openReadOnly(db, Duration.ofSeconds(30), waits::add)) {
                    long n = c.postCount();
                    // a reader sees whole batches only
                    assertEquals(0, n % 20, "a batch is seen whole or not at all");
                    if (p.isAlive()) seen.add(n);
                }
                Thread.sleep(200);
            }
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the ingest did not finish");
            String log = Files.readString(dir.resolve("child.log"));
            assertEquals(0, p.exitValue(), log);
            assertTrue(seen.size() >= 2, "readers got in while the ingest ran: " + seen + "; " + log);
            assertTrue(seen.get(seen.size() - 1) < 160, "seen before the end: " + seen);
            assertTrue(waits.stream().allMatch(w -> w.contains("in use by another process (pid ")), waits.toString());
            assertTrue(log.contains("stored 160 pauses "), log);
            assertTrue(!log.contains("pauses 0"), "the ingest paused for the readers: " + log);
        } finally {
            p.destroyForcibly();
        }
        try (CaseDb c = CaseDb.openReadOnly(db, Duration.ZERO, m -> {})) {
            assertEquals(160, c.postCount());
            assertEquals(160, CaseDbTest.count(c, "SELECT count(DISTINCT post_id) FROM posts"));
            assertEquals("complete", CaseDbTest.string(c, "SELECT status FROM ingest_files"));
        }
        assertTrue(!Files.exists(CaseDb.readRequest(db)), "no read request left behind");
    }

    @Test
    void aReaderThatCannotWaitSaysWhoHoldsTheCase() throws Exception {
        CaseDbTest fixtures = new CaseDbTest();
        fixtures.dir = dir;
        Path input = fixtures.numbered("posts.jsonl", 200);
        Path db = dir.resolve("case.duckdb");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SlowIngest.class.getName(),
                db.toString(), input.toString(), "20", "300")
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            long until = System.nanoTime() + 60_000_000_000L;
            while (!Files.readString(dir.resolve("child.log")).contains("started") && System.nanoTime() < until) Thread.sleep(50);
            StoreException e = org.junit.jupiter.api.Assertions.assertThrows(StoreException.class,
                    () -> CaseDb.openReadOnly(db, Duration.ZERO, m -> {}).close());
            assertTrue(e.getMessage().matches(".*case\\.duckdb is in use by another process \\(pid \\d+\\).*"), e.getMessage());
        } finally {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
