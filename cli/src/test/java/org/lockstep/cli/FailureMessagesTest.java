package org.lockstep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, "messages that say what happened": every failure names the file, the cause in plain words,
 * what was committed and what to do next, with the README's exit codes; no "null" reaches a user.
 */
class FailureMessagesTest {
    @TempDir Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut, oldErr;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    int run(String... args) {
        out.reset();
        err.reset();
        int rc = Main.run(args);
        assertFalse(err().contains("null"), "a message says null: " + err());
        return rc;
    }

    String out() { return out.toString(StandardCharsets.UTF_8); }
    String err() { return err.toString(StandardCharsets.UTF_8); }

    Path coortweet() throws Exception {
        Path f = dir.resolve("shares.csv");
        Files.writeString(f, "object_id,account_id,content_id,timestamp_share\no1,a1,c1,1610870193\no1,a2,c2,1610870200\n");
        return f;
    }

    @Test
    void aMissingInputIsAUsageErrorBeforeAnyWorkAndLeavesNoCase() throws Exception {
        Path db = dir.resolve("case.duckdb");
        assertEquals(Main.USAGE, run("ingest", "--db", db.toString(), coortweet().toString(), dir.resolve("typo.csv").toString()));
        assertEquals("lockstep ingest: " + dir.resolve("typo.csv") + ": no such file or directory; nothing was read. Check the path.\n",
                err());
        assertFalse(Files.exists(db));
        assertEquals(Main.USAGE, run("campaigns", dir.resolve("typo.csv").toString(), "--out", dir.resolve("c").toString()));
        assertTrue(err().contains("typo.csv: no such file or directory"), err());
        assertEquals(Main.USAGE, run("accounts", dir.resolve("typo.csv").toString(), "--out", dir.resolve("a").toString()));
        assertTrue(err().contains("typo.csv: no such file or directory"), err());
    }

    @Test
    void emptyOrBinaryInputLeavesNoEmptyCaseBehind() throws Exception {
        Path empty = dir.resolve("empty.csv");
        Files.write(empty, new byte[0]);
        Path binary = dir.resolve("blob.bin");
        byte[] b = new byte[4096];
        new java.util.Random(1).nextBytes(b);
        Files.write(binary, b);
        for (Path in : new Path[] {empty, binary}) {
            Path db = dir.resolve("case.duckdb");
            assertEquals(Main.NOTHING_READ, run("ingest", "--db", db.toString(), in.toString()));
            assertFalse(Files.exists(db), "an empty case is not left behind: " + err());
            assertTrue(err().contains("no post was stored, so " + db + " was not kept"), err());
        }
        // an existing case is never removed, even when this run adds nothing
        Path db = dir.resolve("kept.duckdb");
        assertEquals(Main.OK, run("ingest", "--db", db.toString(), coortweet().toString()));
        assertEquals(Main.NOTHING_READ, run("ingest", "--db", db.toString(), empty.toString()));
        assertTrue(Files.exists(db));
    }

    @Test
    void aFileThatIsNotADatabaseIsNamedAndNothingIsSaidToBeCommitted() throws Exception {
        Path db = dir.resolve("notes.duckdb");
        Files.writeString(db, "my notes, not a database\n");
        assertEquals(Main.FAILED, run("ingest", "--db", db.toString(), coortweet().toString()));
        assertEquals("lockstep ingest: " + db + " is not a DuckDB database (the file exists and holds something else). Nothing was"
                + " read or written; give another --db path; this file is not a case database.\n", err());
        assertEquals("my notes, not a database\n", Files.readString(db));
        assertEquals(Main.FAILED, run("info", "--db", db.toString()));
        assertTrue(err().contains("is not a DuckDB database"), err());
    }

    @Test
    void anUnwritablePlaceForTheCaseIsRefusedBeforeReading() throws Exception {
        assertEquals(Main.FAILED, run("ingest", "--db", "/proc/lockstep/case.duckdb", coortweet().toString()));
        assertTrue(err().startsWith("lockstep ingest: cannot write to /proc/lockstep: "), err());
        assertTrue(err().contains("Nothing was read or written"), err());
    }

    @Test
    void unreadableMapFileAndUnwritableQuarantineAreUsageErrorsWithTheirCause() throws Exception {
        Path db = dir.resolve("case.duckdb");
        assertEquals(Main.USAGE, run("ingest", "--db", db.toString(), "--map-file", dir.resolve("nosuch.map").toString(),
                coortweet().toString()));
        assertEquals("lockstep ingest: --map-file " + dir.resolve("nosuch.map") + ": no such file or directory\n", err());
        assertEquals(Main.USAGE, run("ingest", "--db", db.toString(), "--quarantine", "/proc/lockstep/q.jsonl", coortweet().toString()));
        assertTrue(err().startsWith("lockstep ingest: --quarantine: cannot write to /proc/lockstep"), err());
    }

    @Test
    void diskFullDuringIngestSaysSoAndWhatWasCommittedAndResumes() throws Exception {
        Path mnt = dir.resolve("tiny");
        Files.createDirectories(mnt);
        Process m = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mnt.toString()).redirectErrorStream(true).start();
        boolean mounted = m.waitFor(10, TimeUnit.SECONDS) && m.exitValue() == 0;
        Assumptions.assumeTrue(mounted, "disk-full test skipped: cannot mount a 2 MB tmpfs here (needs root and mount): "
                + new String(m.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
        try {
            StringBuilder sb = new StringBuilder("message_id,user_id,username,repost_id,reply_id,message,timestamp,urls\n");
            java.util.Random r = new java.util.Random(7);
            for (int i = 0; i < 20_000; i++) {
                sb.append(i).append(",u").append(i % 500).append(",n").append(i % 500).append(",,,text ").append(i).append(" #t")
                        .append(i % 50).append(' ').append(r.nextLong()).append(',').append(1_600_000_000 + i)
                        .append(",https://ex").append(i % 300).append(".com/p").append(i).append('\n');
            }
            Path in = dir.resolve("big.csv");
            Files.writeString(in, sb);
            Path db = mnt.resolve("case.duckdb");
            assertEquals(Main.FAILED, run("ingest", "--db", db.toString(), "--batch-size", "4000", in.toString()));
            String e = err();
            assertTrue(e.contains("lockstep ingest: writing " + db + " failed: disk full (no space left on the device)"), e);
            assertTrue(e.matches("(?s).*Committed before the failure and kept in " + java.util.regex.Pattern.quote(db.toString())
                    + ": [0-9,]+ new posts in \\d+ batch(es)? of this run; free disk space.*run the same command again.*"), e);
            assertFalse(e.contains("no transaction is active"), e);
            assertFalse(e.contains("FATAL"), e);
            new ProcessBuilder("mount", "-o", "remount,size=64m", mnt.toString()).start().waitFor(10, TimeUnit.SECONDS);
            assertEquals(Main.OK, run("ingest", "--db", db.toString(), "--batch-size", "4000", "--json", in.toString()), err());
            com.fasterxml.jackson.databind.JsonNode j = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out());
            assertTrue(j.get("resumed").asLong() > 0, out());
            assertEquals(20_000, j.get("db_posts").asLong());
        } finally {
            new ProcessBuilder("umount", mnt.toString()).start().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void conflictingDuplicatesAreALineOfTheSummary() throws Exception {
        Path f = dir.resolve("c.csv");
        Files.writeString(f, "object_id,account_id,content_id,timestamp_share\no1,a1,c1,1610870193\no1,a2,c1,1610870200\n"
                + "o1,a1,c1,1610870193\n");
        assertEquals(Main.OK, run("ingest", "--db", dir.resolve("case.duckdb").toString(), f.toString()));
        assertTrue(out().contains("  duplicates  1 "), out());
        assertTrue(out().contains("  conflicts   1  (same id as a stored post but other content; the first is kept; --quarantine FILE keeps them)"), out());
        assertTrue(err().contains("c.csv:3: warning: conflicting duplicate: generic post c1 is in the case with another account, time"), err());
    }

    @Test
    void infoNeutralisesEscapeSequencesFromTheData() throws Exception {
        Path f = dir.resolve("evil.jsonl");
        String handle = "\\u001b]0;pwned\\u0007\\u001b[31mred";
        Files.writeString(f, "{\"created_at\":\"Sat Jan 16 08:00:01 +0000 2021\",\"id_str\":\"1\",\"text\":\"x\",\"user\":{\"id_str\":\"9\","
                + "\"screen_name\":\"" + handle + "\"},\"entities\":{\"hashtags\":[{\"text\":\"tag\\u001b[2J\"}],\"urls\":[],"
                + "\"user_mentions\":[]}}\n");
        Path db = dir.resolve("case.duckdb");
        assertEquals(Main.OK, run("ingest", "--db", db.toString(), f.toString()), err());
        assertEquals(Main.OK, run("info", "--db", db.toString()), err());
        assertFalse(out().contains("\u001b"), "ESC reached the terminal: " + out());
        assertFalse(out().contains("\u0007"), out());
        assertTrue(out().contains("\\u001b]0;pwned\\u0007\\u001b[31mred"), out());
        assertTrue(out().contains("#tag\\u001b[2j"), out());
    }

    @Test
    void unexpectedFailuresNeverSayNull() {
        assertEquals("internal error (NullPointerException); run with LOCKSTEP_DEBUG=1 for details and report it",
                Main.message(new NullPointerException()));
        assertEquals("/x/y: no such file or directory", Main.message(new java.nio.file.NoSuchFileException("/x/y")));
        assertEquals("/x/y: permission denied", Main.message(new java.io.UncheckedIOException(new java.nio.file.AccessDeniedException("/x/y"))));
    }

    @Test
    void notEnoughDiskForTheEstimateIsSaidBeforeWork() {
        String m = Preflight.space(dir, Long.MAX_VALUE / 2);
        assertTrue(m != null && m.startsWith("not enough disk space on " + dir.toAbsolutePath() + ": about "), m);
        assertTrue(m.contains(" MB needed, ") && m.endsWith(" MB free"), m);
        assertEquals(null, Preflight.space(dir, 1));
        assertEquals("free disk space (df -h shows where) or write elsewhere", Preflight.nextStep(m));
    }

    @Test
    void exportToAPlaceThatCannotBeWrittenSaysSoBeforeOpeningTheCase() throws Exception {
        Path db = dir.resolve("case.duckdb");
        assertEquals(Main.OK, run("ingest", "--db", db.toString(), coortweet().toString()));
        assertEquals(Main.FAILED, run("export", "--db", db.toString(), "--parquet", "/proc/lockstep-parquet"));
        assertTrue(err().startsWith("lockstep export: cannot write to /proc/lockstep-parquet: "), err());
        assertTrue(err().contains("Nothing was exported"), err());
    }
}
