package org.lockstep.io.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lockstep.io.read.ReadOptions;

/** A real crash: a child JVM halts mid-ingest without closing the database; the next run resumes. */
class CaseDbCrashTest {
    @TempDir Path dir;

    @Test
    void haltedProcessKeepsCommittedBatchesAndTheNextIngestResumes() throws Exception {
        CaseDbTest fixtures = new CaseDbTest();
        fixtures.dir = dir;
        Path input = fixtures.numbered("twenty.jsonl", 20);
        Path db = dir.resolve("case.duckdb");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", System.getProperty("java.class.path"), CrashingIngest.class.getName(),
                db.toString(), input.toString(), "4", "3")
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child did not finish");
        assertEquals(9, p.exitValue(), "the child halts after its third batch");
        try (CaseDb c = CaseDb.open(db)) {
            // three batches of 4 were committed before the halt; the fourth was never staged
            assertEquals(12, CaseDbTest.count(c, "SELECT count(*) FROM posts"));
            assertEquals("running", CaseDbTest.string(c, "SELECT status FROM ingest_files"));
            assertEquals(12, CaseDbTest.count(c, "SELECT posts_committed FROM ingest_files"));
            IngestReport r = c.ingest(List.of(input.toString()), ReadOptions.defaults(), 4, null, null);
            assertEquals(12, r.resumed());
            assertEquals(8, r.stored());
            assertEquals(0, r.duplicates());
            assertEquals(20, CaseDbTest.count(c, "SELECT count(*) FROM posts"));
            assertEquals(20, CaseDbTest.count(c, "SELECT count(DISTINCT post_id) FROM posts"));
            assertEquals(20, CaseDbTest.count(c, "SELECT count(*) FROM post_hashtags"));
        }
    }
}
