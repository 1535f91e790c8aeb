package org.lockstep.io.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The results tables: migration of a version-2 case, runs, the latest label per account. */
class CaseResultsTest {

    @Test
    void versionThreeCaseGetsTheConflictsColumnsEmptyForItsEarlierIngests(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("v3.duckdb");
        Path in = dir.resolve("a.jsonl");
        java.nio.file.Files.writeString(in, IngestConflictTest.t("1", "1", 0, "a") + "\n" + IngestConflictTest.t("1", "1", 0, "b") + "\n");
        try (CaseDb db = CaseDb.open(f); Statement st = db.connection().createStatement()) {
            db.ingest(List.of(in.toString()), org.lockstep.io.read.ReadOptions.defaults(), 10, p -> { }, null);
            // as version 3 wrote it: one duplicates column that counted the conflict too
            st.execute("ALTER TABLE ingest_files DROP COLUMN conflicts");
            st.execute("ALTER TABLE ingest_batches DROP COLUMN conflicts");
            st.execute("UPDATE ingest_files SET duplicates = 1");
            st.execute("DELETE FROM schema_version");
            st.execute("INSERT INTO schema_version VALUES (3, now()::TIMESTAMP)");
        }
        try (CaseDb db = CaseDb.open(f)) {
            assertEquals(4, CaseDbTest.count(db, "SELECT max(version) FROM schema_version"));
            assertEquals("1 null", CaseDbTest.string(db, "SELECT duplicates || ' ' || coalesce(conflicts::VARCHAR, 'null') FROM ingest_files"));
            db.ingest(List.of(in.toString()), org.lockstep.io.read.ReadOptions.defaults(), 10, p -> { }, null);
            // the second ingest of the same two posts: the first is in the case as it is, the second conflicts with it
            assertEquals("1 1", CaseDbTest.string(db, "SELECT duplicates || ' ' || conflicts FROM ingest_files WHERE file_id = 2"));
        }
    }

    @Test
    void versionTwoCaseIsMigratedWhenOpenedForWriting(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("old.duckdb");
        try (CaseDb db = CaseDb.open(f); Statement st = db.connection().createStatement()) {
            // make it look like a case written by the previous Lockstep: no results tables, version 2
            for (String t : List.of("runs", "coord_accounts", "coord_edges", "coord_evidence", "coord_groups", "campaigns",
                    "account_scores", "domain_matches", "labels", "audit_log", "users", "api_tokens")) {
                st.execute("DROP TABLE " + t);
            }
            st.execute("ALTER TABLE ingest_files DROP COLUMN conflicts");
            st.execute("ALTER TABLE ingest_batches DROP COLUMN conflicts");
            st.execute("DELETE FROM schema_version");
            st.execute("INSERT INTO schema_version VALUES (2, now()::TIMESTAMP)");
        }
        try (CaseDb db = CaseDb.openReadOnly(f)) {
            assertTrue(new CaseResults(db).accountLabels().isEmpty(), "read as it is: no labels");
        }
        try (CaseDb db = CaseDb.open(f); Statement st = db.connection().createStatement()) {
            ResultSet rs = st.executeQuery("SELECT max(version), count(*) FROM schema_version");
            rs.next();
            assertEquals(4, rs.getInt(1));
            assertEquals(2, rs.getInt(2), "the migration is recorded beside the original version");
            rs = st.executeQuery("SELECT count(*) FROM ingest_files WHERE conflicts IS NOT NULL");
            rs.next();
            assertEquals(0, rs.getInt(1), "the conflicts column is there too");
            rs = st.executeQuery("SELECT count(*) FROM labels");
            rs.next();
            assertEquals(0, rs.getInt(1));
        }
        try (CaseDb db = CaseDb.open(f); Statement st = db.connection().createStatement()) {
            st.execute("INSERT INTO schema_version VALUES (5, now()::TIMESTAMP)");
        }
        StoreException e = assertThrows(StoreException.class, () -> CaseDb.open(f).close());
        assertTrue(e.getMessage().contains("newer Lockstep"), e.getMessage());
    }

    @Test
    void runsAndLatestLabelPerAccount(@TempDir Path dir) throws Exception {
        try (CaseDb db = CaseDb.open(dir.resolve("c.duckdb")); Statement st = db.connection().createStatement()) {
            CaseResults r = new CaseResults(db);
            long a = r.beginRun("detect", "{}", "ana");
            long b = r.beginRun("detect", "{}", "ana");
            assertEquals(1, a);
            assertEquals(2, b);
            r.finishRun(a, "done", "{\"edges\":0}");
            assertEquals(1, r.latestRun("detect"), "run 2 has not finished");
            assertEquals(-1, r.latestRun("campaigns"));
            st.execute("""
                INSERT INTO labels VALUES
                  (1, 'account', 'u1', 'coordinated', NULL, 'ana', now()::TIMESTAMP),
                  (2, 'account', 'u1', 'benign', 'second look', 'bob', now()::TIMESTAMP),
                  (3, 'account', 'u2', 'coordinated', NULL, 'ana', now()::TIMESTAMP),
                  (4, 'account', 'u3', 'unsure', NULL, 'ana', now()::TIMESTAMP),
                  (5, 'group', 'u4', 'coordinated', NULL, 'ana', now()::TIMESTAMP)""");
            assertEquals(Map.of("u1", false, "u2", true), r.accountLabels(), "latest label wins; unsure and groups left out");
        }
    }
}
