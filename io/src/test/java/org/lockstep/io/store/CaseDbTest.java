package org.lockstep.io.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lockstep.core.model.Platform;
import org.lockstep.core.model.PostTable;
import org.lockstep.io.read.ReadOptions;
import org.lockstep.io.read.Readers;

class CaseDbTest {
    @TempDir Path dir;

    /** A Twitter v1.1 tweet; {@code sec} is seconds after 2017-05-05T18:00:00Z. */
    static String tweet(String id, String user, String screen, int sec, String text, List<String> tags, List<String> urls,
            int followers, String retweetOf) {
        String time = String.format("Fri May 05 18:%02d:%02d +0000 2017", sec / 60, sec % 60);
        StringBuilder ents = new StringBuilder("{\"hashtags\":[");
        for (int i = 0; i < tags.size(); i++) ents.append(i > 0 ? "," : "").append("{\"text\":\"").append(tags.get(i)).append("\"}");
        ents.append("],\"urls\":[");
        for (int i = 0; i < urls.size(); i++) {
            ents.append(i > 0 ? "," : "").append("{\"url\":\"https://t.co/").append(i).append("\",\"expanded_url\":\"")
                    .append(urls.get(i)).append("\"}");
        }
        ents.append("],\"user_mentions\":[]}");
        String rt = retweetOf == null ? "" : ",\"retweeted_status\":{\"created_at\":\"Fri May 05 17:00:00 +0000 2017\",\"id_str\":\""
                + retweetOf + "\",\"text\":\"orig\",\"user\":{\"id_str\":\"7\",\"screen_name\":\"seed\"},\"entities\":" + ents + "}";
        return "{\"created_at\":\"" + time + "\",\"id_str\":\"" + id + "\",\"text\":\"" + text + "\",\"lang\":\"en\","
                + "\"user\":{\"id_str\":\"" + user + "\",\"screen_name\":\"" + screen + "\",\"followers_count\":" + followers
                + ",\"created_at\":\"Thu May 04 10:00:00 +0000 2017\"},\"entities\":" + ents + rt + "}";
    }

    /** Three posts by two accounts: a post with a tracked link, a retweet of an outside post, a later post. */
    Path smallFile() throws IOException {
        Path f = dir.resolve("small.jsonl");
        Files.writeString(f, String.join("\n",
                tweet("100", "1", "alice", 0, "hello #Vote", List.of("Vote", "vote", "Election"),
                        List.of("https://www.News.example.co.uk/a?utm_source=x"), 10, null),
                tweet("101", "2", "bob", 30, "RT", List.of("Vote"), List.of("http://leaks.example.org/x"), 5, "90"),
                tweet("102", "1", "alice", 90, "later", List.of(), List.of(), 12, null)) + "\n");
        return f;
    }

    /** {@code n} distinct posts by account {@code n % 3}, one second apart. */
    Path numbered(String name, int n) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(tweet(String.valueOf(1000 + i), String.valueOf(i % 3), "u" + (i % 3), i, "t" + i, List.of("h" + (i % 2)),
                    List.of(), i, null)).append('\n');
        }
        Path f = dir.resolve(name);
        Files.writeString(f, sb);
        return f;
    }

    static long count(CaseDb db, String sql) throws SQLException {
        try (Statement st = db.connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String string(CaseDb db, String sql) throws SQLException {
        try (Statement st = db.connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    IngestReport ingest(CaseDb db, int batch, IngestListener l, Path... files) throws IOException {
        List<String> in = new ArrayList<>();
        for (Path f : files) in.add(f.toString());
        return db.ingest(in, ReadOptions.defaults(), batch, p -> {}, l);
    }

    @Test
    void storesPostsWithChildRowsAndAccounts() throws Exception {
        Path f = smallFile();
        try (CaseDb db = CaseDb.open(dir.resolve("case.duckdb"))) {
            IngestReport r = ingest(db, 1000, null, f);
            assertEquals(3, r.records());
            assertEquals(3, r.stored());
            assertEquals(0, r.duplicates());
            assertEquals(1, r.batches());
            assertEquals(Map.of("twitter-v1", 3L), r.byFormat());
            assertEquals(3, count(db, "SELECT count(*) FROM posts"));
            assertEquals("repost", string(db, "SELECT kind FROM posts WHERE post_id = '101'"));
            assertEquals("90", string(db, "SELECT repost_of FROM posts WHERE post_id = '101'"));
            assertEquals("7", string(db, "SELECT repost_of_account FROM posts WHERE post_id = '101'"));
            assertEquals("2017-05-05 18:01:30", string(db, "SELECT strftime(time, '%Y-%m-%d %H:%M:%S') FROM posts WHERE post_id = '102'"));
            assertEquals(f.toAbsolutePath().toString(), string(db, "SELECT DISTINCT source_file FROM posts"));
            // "Vote" and "vote" are one hashtag of post 100, kept lower-case, in first-seen order
            assertEquals("vote,election", string(db, "SELECT string_agg(hashtag, ',' ORDER BY ord) FROM post_hashtags WHERE post_id = '100'"));
            assertEquals(2, count(db, "SELECT count(*) FROM post_hashtags WHERE hashtag = 'vote'"));
            assertEquals("https://news.example.co.uk/a", string(db, "SELECT url_normalized FROM post_urls WHERE post_id = '100'"));
            assertEquals("example.co.uk", string(db, "SELECT domain FROM post_urls WHERE post_id = '100'"));
            assertEquals("leaks.example.org", string(db, "SELECT host FROM post_urls WHERE post_id = '101'"));
            // alice's latest snapshot (post 102, 12 followers) wins
            assertEquals(2, count(db, "SELECT count(*) FROM accounts"));
            assertEquals(12, count(db, "SELECT followers FROM accounts WHERE account_id = '1'"));
            assertEquals("alice", string(db, "SELECT handle FROM accounts WHERE account_id = '1'"));
            assertEquals("2017-05-04 10:00:00", string(db, "SELECT strftime(created_at, '%Y-%m-%d %H:%M:%S') FROM accounts WHERE account_id = '1'"));
            assertEquals("complete", string(db, "SELECT status FROM ingest_files"));
            assertEquals(3, count(db, "SELECT stored FROM ingest_files"));
            assertEquals(4, count(db, "SELECT version FROM schema_version"), "version 4: the conflicts columns");
        }
    }

    @Test
    void reingestAddsNothingAndCountsDuplicates() throws Exception {
        Path f = smallFile();
        Path dbFile = dir.resolve("case.duckdb");
        try (CaseDb db = CaseDb.open(dbFile)) {
            ingest(db, 2, null, f);
        }
        try (CaseDb db = CaseDb.open(dbFile)) {
            IngestReport r = ingest(db, 2, null, f);
            assertEquals(3, r.records());
            assertEquals(0, r.stored());
            assertEquals(3, r.duplicates());
            assertEquals(0, r.resumed());
            assertTrue(r.notes().get(0).contains("ingested completely before"), r.notes().toString());
            assertEquals(3, count(db, "SELECT count(*) FROM posts"));
            assertEquals(3, count(db, "SELECT count(*) FROM post_hashtags"));
            assertEquals(2, count(db, "SELECT count(*) FROM post_urls"));
            assertEquals(2, count(db, "SELECT count(*) FROM accounts"));
            assertEquals(12, count(db, "SELECT followers FROM accounts WHERE account_id = '1'"));
            // two batches each run (2 + 1 posts); ids keep counting across runs
            assertEquals(4, count(db, "SELECT count(*) FROM ingest_batches"));
            assertEquals(2, count(db, "SELECT max(batch) FROM posts"), "the second run stored nothing, so the posts stay in batches 1-2");
        }
    }

    @Test
    void batchesMixingNewAndStoredPostsWriteChildRowsOnlyForTheNewOnes() throws Exception {
        StringBuilder first = new StringBuilder();
        StringBuilder second = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            String t = tweet(String.valueOf(500 + i), String.valueOf(i % 2), "u" + (i % 2), i, "t" + i, List.of("h" + i, "x"),
                    List.of("https://s" + i + ".example.com/"), 100 + i, null);
            if (i < 6) first.append(t).append('\n');
            if (i >= 3) second.append(t).append('\n');
        }
        Path a = dir.resolve("first.jsonl");
        Path b = dir.resolve("second.jsonl");
        Files.writeString(a, first);
        Files.writeString(b, second);
        try (CaseDb db = CaseDb.open(dir.resolve("case.duckdb"))) {
            ingest(db, 4, null, a);
            // second file: 3 stored posts then 4 new ones, in batches of 4 (3 old + 1 new, then 3 new)
            IngestReport r = ingest(db, 4, null, b);
            assertEquals(4, r.stored());
            assertEquals(3, r.duplicates());
            assertEquals(10, count(db, "SELECT count(*) FROM posts"));
            assertEquals(20, count(db, "SELECT count(*) FROM post_hashtags"));
            assertEquals(10, count(db, "SELECT count(DISTINCT post_id) FROM post_urls"));
            assertEquals(10, count(db, "SELECT count(*) FROM post_urls"));
            assertEquals(0, count(db, "SELECT count(*) FROM post_hashtags h ANTI JOIN posts p USING (platform, post_id)"));
            assertEquals(2, count(db, "SELECT count(*) FROM accounts"));
            assertEquals(109, count(db, "SELECT followers FROM accounts WHERE account_id = '1'"));
            assertEquals(108, count(db, "SELECT followers FROM accounts WHERE account_id = '0'"));
            assertEquals(1, count(db, "SELECT count(*) FROM accounts WHERE account_id = '0' AND first_seen = TIMESTAMP '2017-05-05 18:00:00'"
                    + " AND last_seen = TIMESTAMP '2017-05-05 18:00:08' AND created_at = TIMESTAMP '2017-05-04 10:00:00'"));
        }
    }

    @Test
    void repeatedPostsWithinInputAreStoredOnce() throws Exception {
        String a = tweet("5", "1", "a", 0, "x", List.of("t"), List.of("https://a.example.com/"), 1, null);
        String b = tweet("6", "1", "a", 1, "y", List.of(), List.of(), 1, null);
        Path f = dir.resolve("dups.jsonl");
        // the repeat of 5 falls in the same batch (posts 1-2) and in a later one (post 4)
        Files.writeString(f, a + "\n" + a + "\n" + b + "\n" + a + "\n");
        try (CaseDb db = CaseDb.open(dir.resolve("case.duckdb"))) {
            IngestReport r = ingest(db, 2, null, f);
            assertEquals(4, r.postsRead());
            assertEquals(2, r.stored());
            assertEquals(2, r.duplicates());
            assertEquals(2, count(db, "SELECT count(*) FROM posts"));
            assertEquals(1, count(db, "SELECT count(*) FROM post_hashtags"));
            assertEquals(1, count(db, "SELECT count(*) FROM post_urls"));
        }
    }

    @Test
    void interruptedIngestKeepsCommittedBatchesAndResumes() throws Exception {
        Path f = numbered("ten.jsonl", 10);
        Path dbFile = dir.resolve("case.duckdb");
        try (CaseDb db = CaseDb.open(dbFile)) {
            IngestListener crash = new IngestListener() {
                int batches;

                @Override
                public void batchCommitted(String file, long batch, long posts, long stored, long duplicates) {
                    if (++batches == 2) throw new IllegalStateException("simulated crash");
                }
            };
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> ingest(db, 3, crash, f));
            assertEquals("simulated crash", e.getMessage());
            assertEquals(6, count(db, "SELECT count(*) FROM posts"));
            assertEquals("interrupted", string(db, "SELECT status FROM ingest_files"));
            assertEquals(6, count(db, "SELECT posts_committed FROM ingest_files"));
        }
        try (CaseDb db = CaseDb.open(dbFile)) {
            IngestReport r = ingest(db, 3, null, f);
            assertEquals(6, r.resumed());
            assertEquals(4, r.stored());
            assertEquals(0, r.duplicates());
            assertTrue(r.notes().get(0).startsWith("resuming "), r.notes().toString());
            assertEquals(10, count(db, "SELECT count(*) FROM posts"));
            assertEquals(10, count(db, "SELECT count(DISTINCT post_id) FROM posts"));
            assertEquals(10, count(db, "SELECT count(*) FROM post_hashtags"));
            assertEquals(10, count(db, "SELECT posts_committed FROM ingest_files WHERE file_id = 2"));
            assertEquals("complete", string(db, "SELECT status FROM ingest_files WHERE file_id = 2"));
            // a third run finds the file complete: everything is a duplicate
            IngestReport again = ingest(db, 3, null, f);
            assertEquals(0, again.resumed());
            assertEquals(10, again.duplicates());
            assertEquals(10, count(db, "SELECT count(*) FROM posts"));
            CaseInfo info = db.info(5);
            assertEquals(0, info.history().unfinished());
        }
    }

    @Test
    void errorLimitStopsButKeepsWhatWasRead() throws Exception {
        Path f = dir.resolve("bad.jsonl");
        Files.writeString(f, tweet("1", "1", "a", 0, "x", List.of(), List.of(), 1, null) + "\n{broken\n"
                + tweet("2", "1", "a", 1, "x", List.of(), List.of(), 1, null) + "\n{broken\n{broken\n"
                + tweet("3", "1", "a", 2, "x", List.of(), List.of(), 1, null) + "\n");
        Path q = dir.resolve("q/rejected.jsonl");
        try (CaseDb db = CaseDb.open(dir.resolve("case.duckdb"))) {
            IngestReport r = db.ingest(List.of(f.toString()), ReadOptions.defaults().withMaxErrors(1).withQuarantine(q),
                    100, p -> {}, null);
            assertNotNull(r.stopped());
            assertEquals(2, r.rejected());
            assertEquals(2, r.stored());
            assertEquals(2, count(db, "SELECT count(*) FROM posts"));
            assertEquals("stopped", string(db, "SELECT status FROM ingest_files"));
            assertEquals(1, db.info(3).history().unfinished());
            List<String> lines = Files.readAllLines(q);
            assertEquals(2, lines.size());
            assertTrue(lines.get(0).contains("\"line\":2"), lines.get(0));
            assertTrue(lines.get(1).contains("\"line\":4"), lines.get(1));
        }
    }

    @Test
    void directoryFilesAreEachRecorded() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("in"));
        Files.writeString(sub.resolve("a.jsonl"), tweet("1", "1", "a", 0, "x", List.of(), List.of(), 1, null) + "\n");
        Files.writeString(sub.resolve("b.jsonl"), tweet("2", "2", "b", 0, "x", List.of(), List.of(), 1, null) + "\n");
        Files.writeString(sub.resolve("c.txt"), "");
        try (CaseDb db = CaseDb.open(dir.resolve("case.duckdb"))) {
            IngestReport r = ingest(db, 10, null, sub);
            assertEquals(3, r.files());
            assertEquals(2, r.stored());
            assertEquals(1, r.warnings(), "the empty file is a warning");
            assertEquals(3, count(db, "SELECT count(*) FROM ingest_files"));
            assertEquals(sub.resolve("b.jsonl").toAbsolutePath().toString(), string(db, "SELECT source_file FROM posts WHERE post_id = '2'"));
        }
    }

    @Test
    void accountSnapshotIsNotOverwrittenByAnOlderPostIngestedLater() throws Exception {
        Path newer = dir.resolve("newer.jsonl");
        Path older = dir.resolve("older.jsonl");
        Files.writeString(newer, tweet("2", "1", "new_name", 60, "x", List.of(), List.of(), 50, null) + "\n");
        Files.writeString(older, tweet("1", "1", "old_name", 0, "x", List.of(), List.of(), 20, null) + "\n");
        try (CaseDb db = CaseDb.open(dir.resolve("case.duckdb"))) {
            ingest(db, 10, null, newer);
            ingest(db, 10, null, older);
            assertEquals(50, count(db, "SELECT followers FROM accounts"));
            assertEquals("new_name", string(db, "SELECT handle FROM accounts"));
            assertEquals("2017-05-05 18:00:00", string(db, "SELECT strftime(first_seen, '%Y-%m-%d %H:%M:%S') FROM accounts"));
        }
    }

    @Test
    void loadGivesTheSameTableAsReadingTheFile() throws Exception {
        Path f = smallFile();
        PostTable direct = Readers.table(List.of(f.toString()), ReadOptions.defaults(), true, p -> {}).table();
        try (CaseDb db = CaseDb.open(dir.resolve("case.duckdb"))) {
            ingest(db, 10, null, f);
            PostTable t = db.load(true);
            assertEquals(3, t.size());
            assertEquals(direct.size(), t.size());
            for (int r = 0; r < t.size(); r++) {
                assertEquals(direct.postId(r), t.postId(r));
                assertEquals(direct.accountId(r), t.accountId(r));
                assertEquals(direct.time(r), t.time(r));
                assertEquals(direct.kindOf(r), t.kindOf(r));
                assertEquals(direct.text(r), t.text(r));
                assertEquals(direct.hashtags().end(r) - direct.hashtags().start(r), t.hashtags().end(r) - t.hashtags().start(r));
                assertEquals(direct.domains().end(r) - direct.domains().start(r), t.domains().end(r) - t.domains().start(r));
            }
            assertEquals(direct.tags().size(), t.tags().size());
            assertEquals(direct.domainIds().size(), t.domainIds().size());
            int alice = t.accounts().find("1");
            assertEquals(12, t.accountInfo().followers[alice]);
            assertEquals("alice", t.accountInfo().handle[alice]);
            // time filter [18:00:30, 18:01:30) keeps only post 101
            long from = 1494007230000L; // 2017-05-05T18:00:30Z
            PostTable part = db.load(false, new PostFilter(from, from + 60_000, Set.of()));
            assertEquals(1, part.size());
            assertEquals("101", part.postId(0));
            org.junit.jupiter.api.Assertions.assertFalse(part.hasText());
            assertEquals(0, db.load(false, new PostFilter(null, null, Set.of(Platform.MASTODON))).size());
        }
    }

    @Test
    void infoSummarisesTheCase() throws Exception {
        try (CaseDb db = CaseDb.open(dir.resolve("case.duckdb"))) {
            ingest(db, 10, null, smallFile());
            ingest(db, 10, null, smallFile());
            CaseInfo i = db.info(2);
            assertEquals(3, i.posts());
            assertEquals(Map.of("twitter", 3L), i.byPlatform());
            assertEquals(Map.of("post", 2L, "repost", 1L), i.byKind());
            assertEquals(1494007200000L, i.firstMs()); // 2017-05-05T18:00:00Z
            assertEquals(1494007290000L, i.lastMs());
            assertEquals(2, i.accounts());
            assertEquals(List.of(new CaseInfo.Count("vote", "vote", 2), new CaseInfo.Count("election", "election", 1)), i.topHashtags());
            assertEquals(List.of(new CaseInfo.Count("example.co.uk", "example.co.uk", 1),
                    new CaseInfo.Count("example.org", "example.org", 1)), i.topDomains());
            assertEquals(new CaseInfo.Count("twitter:1", "alice", 2), i.topAccounts().get(0));
            assertEquals(2, i.history().fileReads());
            assertEquals(6, i.history().records());
            assertEquals(3, i.history().stored());
            assertEquals(3, i.history().duplicates());
        }
    }

    @Test
    void exportsEveryTableAsParquet() throws Exception {
        Path out = dir.resolve("parquet");
        try (CaseDb db = CaseDb.open(dir.resolve("case.duckdb"))) {
            ingest(db, 10, null, smallFile());
            Map<Path, Long> files = db.exportParquet(out);
            assertEquals(19, files.size(), "9 tables of posts and ingests, 10 of results");
            assertEquals(0L, files.get(out.resolve("labels.parquet")));
            assertFalse(files.containsKey(out.resolve("users.parquet")) || files.containsKey(out.resolve("api_tokens.parquet")),
                    "password and token hashes are never exported");
            assertEquals(3L, files.get(out.resolve("posts.parquet")));
            assertEquals(3, count(db, "SELECT count(*) FROM read_parquet('" + out.resolve("posts.parquet") + "')"));
            assertEquals(3, count(db, "SELECT count(*) FROM read_parquet('" + out.resolve("post_hashtags.parquet") + "')"));
            assertEquals("100", string(db, "SELECT post_id FROM read_parquet('" + out.resolve("posts.parquet") + "') LIMIT 1"));
        }
    }

    @Test
    void refusesFilesThatAreNotCaseDatabases() throws Exception {
        Path text = dir.resolve("notes.duckdb");
        Files.writeString(text, "not a database at all");
        StoreException e = assertThrows(StoreException.class, () -> CaseDb.open(text));
        assertTrue(e.getMessage().endsWith("notes.duckdb is not a DuckDB database (the file exists and holds something else)"), e.getMessage());
        StoreException missing = assertThrows(StoreException.class, () -> CaseDb.openReadOnly(dir.resolve("none.duckdb")));
        assertTrue(missing.getMessage().startsWith("no case database at"), missing.getMessage());
    }

    @Test
    void casesLoadsFromFilesOrDatabaseButNotBoth() throws Exception {
        Path f = smallFile();
        Path dbFile = dir.resolve("case.duckdb");
        try (CaseDb db = CaseDb.open(dbFile)) {
            ingest(db, 10, null, f);
        }
        assertEquals(3, Cases.load(dbFile, List.of(), ReadOptions.defaults(), false, p -> {}).table().size());
        Readers.Loaded direct = Cases.load(null, List.of(f.toString()), ReadOptions.defaults(), false, p -> {});
        assertEquals(3, direct.table().size());
        assertEquals(3, direct.report().posts());
        assertThrows(IllegalArgumentException.class, () -> Cases.load(dbFile, List.of(f.toString()), ReadOptions.defaults(), false, p -> {}));
        assertThrows(IllegalArgumentException.class, () -> Cases.load(null, List.of(), ReadOptions.defaults(), false, p -> {}));
    }
}
