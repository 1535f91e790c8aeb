package org.lockstep.io.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lockstep.io.read.Problem;
import org.lockstep.io.read.ReadOptions;

/**
 * Issue 11: a post whose platform and id are in the case with other content is a conflict, counted
 * apart from exact duplicates, reported with file and line, and quarantined; the first stays.
 */
class IngestConflictTest {
    @TempDir Path dir;

    static String t(String id, String user, int sec, String text) {
        return CaseDbTest.tweet(id, user, "u" + user, sec, text, List.of(), List.of(), 1, null);
    }

    @Test
    void conflictsWithinABatchAcrossBatchesAndAcrossIngestsAreReportedAndQuarantined() throws Exception {
        Path f = dir.resolve("a.jsonl");
        // 1 repeated exactly (same batch), 2 with other text (same batch), 1 with another account (next batch)
        Files.writeString(f, String.join("\n", t("1", "1", 0, "a"), t("1", "1", 0, "a"), t("2", "1", 1, "b"),
                t("2", "1", 1, "B!"), t("1", "9", 0, "a")) + "\n");
        Path g = dir.resolve("b.jsonl");
        Files.writeString(g, t("2", "1", 5, "b") + "\n" + t("3", "1", 6, "c") + "\n");
        Path q = dir.resolve("q.jsonl");
        List<Problem> seen = new ArrayList<>();
        try (CaseDb db = CaseDb.open(dir.resolve("case.duckdb"))) {
            IngestReport r = db.ingest(List.of(f.toString()), ReadOptions.defaults().withQuarantine(q), 4, seen::add, null);
            assertEquals(2, r.stored());
            assertEquals(1, r.duplicates());
            assertEquals(2, r.conflicts());
            IngestReport r2 = db.ingest(List.of(g.toString()), ReadOptions.defaults(), 4, seen::add, null);
            assertEquals(1, r2.stored());
            assertEquals(0, r2.duplicates());
            assertEquals(1, r2.conflicts());
            assertEquals("b", CaseDbTest.string(db, "SELECT text FROM posts WHERE post_id = '2'"), "the first is kept");
            // the ingest history counts them apart too: per file, and per batch (a.jsonl: 4 posts, then 1)
            assertEquals("1 2", CaseDbTest.string(db, "SELECT duplicates || ' ' || conflicts FROM ingest_files WHERE file_id = 1"));
            assertEquals("0 1", CaseDbTest.string(db, "SELECT duplicates || ' ' || conflicts FROM ingest_files WHERE file_id = 2"));
            assertEquals("1 1,0 1,0 1", CaseDbTest.string(db,
                    "SELECT string_agg(duplicates || ' ' || conflicts, ',' ORDER BY batch) FROM ingest_batches"));
            assertEquals("1", CaseDbTest.string(db, "SELECT account_id FROM posts WHERE post_id = '1'"));
            // and the case's summary (lockstep info) sums them apart: 1 exact duplicate, 3 conflicts
            assertEquals(1, db.info(1).history().duplicates());
            assertEquals(3, db.info(1).history().conflicts());
        }
        List<String> reasons = seen.stream().map(p -> p.line() + " " + p.reason()).toList();
        assertEquals(List.of(
                "4 conflicting duplicate: twitter post 2 is in the case with another text; the first is kept, this one is not stored",
                "5 conflicting duplicate: twitter post 1 is in the case with another account; the first is kept, this one is not stored",
                "1 conflicting duplicate: twitter post 2 is in the case with another time; the first is kept, this one is not stored"),
                reasons);
        List<String> lines = Files.readAllLines(q).stream().filter(s -> !s.isBlank()).toList();
        assertEquals(2, lines.size());
        JsonNode n = new ObjectMapper().readTree(lines.get(0));
        assertEquals(f.toAbsolutePath().toString(), n.get("file").asText());
        assertEquals(4, n.get("line").asInt());
        JsonNode raw = new ObjectMapper().readTree(n.get("raw").asText());
        assertEquals("B!", raw.get("text").asText());
        assertTrue(raw.get("time").asText().startsWith("2017-05-05T18:00:01"), raw.toString());
    }
}
