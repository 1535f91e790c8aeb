package org.lockstep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lockstep ingest / info / export} through {@link Main#run}, on small fixtures written here. */
class IngestCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();

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
        return Main.run(args);
    }

    String out() { return out.toString(StandardCharsets.UTF_8); }
    String err() { return err.toString(StandardCharsets.UTF_8); }

    static String tweet(String id, String user, String screen, int sec, String tag, String url) {
        return "{\"created_at\":\"Sat Jan 16 08:00:" + String.format("%02d", sec) + " +0000 2021\",\"id_str\":\"" + id
                + "\",\"text\":\"t " + id + "\",\"lang\":\"en\",\"user\":{\"id_str\":\"" + user + "\",\"screen_name\":\"" + screen
                + "\"},\"entities\":{\"hashtags\":[{\"text\":\"" + tag + "\"}],\"urls\":[{\"url\":\"https://t.co/a\",\"expanded_url\":\""
                + url + "\"}],\"user_mentions\":[]}}";
    }

    /** Four v1.1 tweets by two accounts; #Elex three times, example.com twice. */
    Path tweets() throws Exception {
        Path f = dir.resolve("tweets.jsonl");
        Files.writeString(f, String.join("\n",
                tweet("1", "10", "ann", 1, "Elex", "https://example.com/a"),
                tweet("2", "10", "ann", 2, "elex", "https://www.example.com/b?utm_source=x"),
                tweet("3", "11", "ben", 3, "Elex", "https://news.example.org/c"),
                tweet("4", "11", "ben", 4, "other", "https://news.example.org/d")) + "\n");
        return f;
    }

    /** Three CooRTweet shares (Unix seconds): two accounts share object o1, one shares o2. */
    Path coortweet() throws Exception {
        Path f = dir.resolve("shares.csv");
        Files.writeString(f, "object_id,account_id,content_id,timestamp_share\n"
                + "o1,a1,c1,1610870193\no1,a2,c2,1610870200\no2,a1,c3,1610870300\n");
        return f;
    }

    @Test
    void ingestPrintsOneJsonObjectAndReingestAddsNothing() throws Exception {
        Path db = dir.resolve("case.duckdb");
        String t = tweets().toString(), c = coortweet().toString();
        assertEquals(Main.OK, run("ingest", "--db", db.toString(), "--json", t, c), err());
        JsonNode j = JSON.readTree(out());
        assertEquals(7, j.get("records").asLong());
        assertEquals(7, j.get("stored").asLong());
        assertEquals(0, j.get("duplicates").asLong());
        assertEquals(0, j.get("rejected").asLong());
        assertEquals(0, j.get("warnings").asLong());
        assertEquals(2, j.get("files").asLong());
        assertEquals(4, j.get("by_format").get("twitter-v1").asLong());
        assertEquals(3, j.get("by_format").get("coortweet-csv").asLong());
        assertTrue(j.get("seconds").isNumber());
        assertEquals(7, j.get("db_posts").asLong());

        assertEquals(Main.OK, run("ingest", "--db", db.toString(), "--json", t, c), err());
        JsonNode again = JSON.readTree(out());
        assertEquals(0, again.get("stored").asLong());
        assertEquals(7, again.get("duplicates").asLong());
        assertEquals(7, again.get("db_posts").asLong());
        assertEquals(2, again.get("notes").size());

        assertEquals(Main.OK, run("info", "--db", db.toString(), "--json", "--top", "2"), err());
        JsonNode info = JSON.readTree(out());
        assertEquals(7, info.get("posts").asLong());
        assertEquals(4, info.get("by_platform").get("twitter").asLong());
        assertEquals(3, info.get("by_platform").get("generic").asLong());
        assertEquals(3, info.get("by_kind").get("repost").asLong());
        assertEquals(4, info.get("by_kind").get("post").asLong());
        assertEquals("2021-01-16T08:00:01Z", info.get("first").asText());
        assertEquals("2021-01-17T07:58:20Z", info.get("last").asText()); // 1610870300
        assertEquals(4, info.get("accounts").asLong());
        assertEquals("elex", info.get("top_hashtags").get(0).get("hashtag").asText());
        assertEquals(3, info.get("top_hashtags").get(0).get("posts").asLong());
        assertEquals("example.com", info.get("top_domains").get(0).get("domain").asText());
        assertEquals(2, info.get("top_domains").get(0).get("posts").asLong());
        assertEquals(2, info.get("top_hashtags").size());
        assertEquals(14, info.get("ingest").get("records").asLong());
        assertEquals(7, info.get("ingest").get("duplicates").asLong());
    }

    @Test
    void humanSummaryAndProblemsWithFileAndLine() throws Exception {
        Path f = dir.resolve("mixed.jsonl");
        Files.writeString(f, tweet("1", "10", "ann", 1, "x", "https://a.example/") + "\n{oops\n{\"hello\":1}\n{oops\n"
                + tweet("2", "10", "ann", 2, "x", "https://a.example/") + "\n");
        Path db = dir.resolve("case.duckdb");
        assertEquals(Main.OK, run("ingest", "--db", db.toString(), "--show-problems", "1", f.toString()), err());
        assertTrue(out().contains("  stored      2"), out());
        assertTrue(out().contains("  rejected    3"), out());
        assertTrue(out().contains("twitter-v1 2"), out());
        assertTrue(err().contains(f + ":2: rejected: invalid JSON"), err());
        assertTrue(err().contains("... and 2 more problems"), err());
        assertTrue(!err().contains(f + ":4:"), "only the first problem is printed: " + err());
    }

    @Test
    void nothingReadableExitsThree() throws Exception {
        Path f = dir.resolve("junk.jsonl");
        Files.writeString(f, "{oops\n{\"not\":\"a post\"}\n");
        assertEquals(Main.NOTHING_READ, run("ingest", "--db", dir.resolve("case.duckdb").toString(), f.toString()));
        assertTrue(err().contains("nothing could be read"), err());
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "");
        assertEquals(Main.NOTHING_READ, run("ingest", "--db", dir.resolve("case.duckdb").toString(), "--json", empty.toString()));
        assertEquals(0, JSON.readTree(out()).get("stored").asLong());
    }

    @Test
    void tooManyErrorsExitsFourAndKeepsCommittedPosts() throws Exception {
        Path f = dir.resolve("bad.jsonl");
        Files.writeString(f, tweet("1", "10", "ann", 1, "x", "https://a.example/") + "\n{oops\n"
                + tweet("2", "10", "ann", 2, "x", "https://a.example/") + "\n{oops\n{oops\n"
                + tweet("3", "10", "ann", 3, "x", "https://a.example/") + "\n");
        Path db = dir.resolve("case.duckdb");
        Path q = dir.resolve("rejected.jsonl");
        assertEquals(Main.TOO_MANY_ERRORS, run("ingest", "--db", db.toString(), "--max-errors", "1", "--batch-size", "1",
                "--quarantine", q.toString(), "--json", f.toString()));
        JsonNode j = JSON.readTree(out());
        assertEquals(2, j.get("stored").asLong());
        assertTrue(j.get("stopped").asText().contains("more than 1 records rejected"), j.toString());
        assertTrue(err().contains("run the same command again"), err());
        assertEquals(2, Files.readAllLines(q).size());
        // with a higher limit the same command resumes after the two committed posts
        assertEquals(Main.OK, run("ingest", "--db", db.toString(), "--json", f.toString()), err());
        JsonNode r = JSON.readTree(out());
        assertEquals(2, r.get("resumed").asLong());
        assertEquals(1, r.get("stored").asLong());
        assertEquals(3, r.get("db_posts").asLong());
    }

    @Test
    void mappingSpecParses() {
        org.lockstep.io.read.CsvMapping m = InputOptions.parseMapping(
                java.util.List.of("id=tweet_id", " account = user_id", "time: created", "separator=tab", "# comment", ""), "--map");
        assertEquals(java.util.Map.of("id", "tweet_id", "account", "user_id", "time", "created"), m.columns());
        assertEquals('\t', m.separator());
        assertEquals(';', InputOptions.parseMapping(java.util.List.of("id=a", "sep=;"), "x").separator());
    }

    @Test
    void filterOptionsBecomeAPostFilter() {
        InputOptions.Filter f = new InputOptions.Filter();
        f.from = "2017-05-05T18:00:00Z";
        f.platforms = java.util.List.of("twitter", "Mastodon");
        org.lockstep.io.store.PostFilter pf = f.toPostFilter();
        assertEquals(1494007200000L, pf.fromMs()); // date -u -d 2017-05-05T18:00:00Z +%s
        assertEquals(null, pf.toMs());
        assertEquals(java.util.Set.of(org.lockstep.core.model.Platform.TWITTER, org.lockstep.core.model.Platform.MASTODON), pf.platforms());
        f.platforms = java.util.List.of("myspace");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, f::toPostFilter);
    }

    @Test
    void readsStandardInput() throws Exception {
        Path db = dir.resolve("case.duckdb");
        java.io.InputStream old = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(Files.readAllBytes(coortweet())));
            assertEquals(Main.OK, run("ingest", "--db", db.toString(), "--json", "-"), err());
        } finally {
            System.setIn(old);
        }
        JsonNode j = JSON.readTree(out());
        assertEquals(3, j.get("stored").asLong());
        assertEquals(3, j.get("by_format").get("coortweet-csv").asLong());
        assertEquals(Main.OK, run("info", "--db", db.toString(), "--json"), err());
        assertEquals(2, JSON.readTree(out()).get("accounts").asLong());
    }

    @Test
    void usageErrorsExitTwo() throws Exception {
        Path f = tweets();
        assertEquals(Main.USAGE, run("ingest", f.toString()));
        assertTrue(err().contains("--db FILE is required"), err());
        assertEquals(Main.USAGE, run("ingest", "--db", dir.resolve("x.duckdb").toString()));
        assertEquals(Main.USAGE, run("ingest", "--db", dir.resolve("x.duckdb").toString(), "--map", "idx=col", f.toString()));
        assertTrue(err().contains("unknown post field 'idx'"), err());
        assertEquals(Main.USAGE, run("ingest", "--db", dir.resolve("x.duckdb").toString(), "--no-such-option", f.toString()));
        assertEquals(Main.USAGE, run("info"));
    }

    @Test
    void infoAndExportNeedAnExistingCase() throws Exception {
        Path none = dir.resolve("none.duckdb");
        assertEquals(Main.FAILED, run("info", "--db", none.toString()));
        assertTrue(err().contains("no case database at"), err());
        assertTrue(!Files.exists(none), "info must not create a database");
        assertEquals(Main.FAILED, run("export", "--db", none.toString(), "--parquet", dir.resolve("p").toString()));
    }

    @Test
    void exportWritesParquetPerTable() throws Exception {
        Path db = dir.resolve("case.duckdb");
        assertEquals(Main.OK, run("ingest", "--db", db.toString(), tweets().toString()), err());
        Path p = dir.resolve("parquet");
        assertEquals(Main.OK, run("export", "--db", db.toString(), "--parquet", p.toString()), err());
        for (String t : new String[] {"posts", "post_urls", "post_hashtags", "post_mentions", "post_media", "accounts",
                "ingest_files", "ingest_batches", "schema_version"}) {
            assertTrue(Files.size(p.resolve(t + ".parquet")) > 0, t);
        }
        assertTrue(out().contains("4 rows  " + p.resolve("posts.parquet")), out());
        assertEquals(Main.OK, run("info", "--db", db.toString()), err());
        assertTrue(out().contains("  posts       4  (twitter 4)"), out());
        assertTrue(out().contains("#elex"), out());
    }

    @Test
    void realCooRTweetSample() throws Exception {
        String shared = System.getProperty("lockstep.shared");
        Path f = shared == null ? null : Path.of(shared, "data/coortweet/russian_coord_tweets.csv.gz");
        Assumptions.assumeTrue(f != null && Files.isRegularFile(f),
                "skipped: ../shared/data/coortweet/russian_coord_tweets.csv.gz not found (set -Dlockstep.shared)");
        Path db = dir.resolve("ru.duckdb");
        assertEquals(Main.OK, run("ingest", "--db", db.toString(), "--json", f.toString()), err());
        JsonNode j = JSON.readTree(out());
        // 35,125 rows; one row appears twice verbatim (same content and object), so it is stored once.
        // Contents shared with several objects get distinct ids: 35,124 distinct (content_id, object_id) pairs.
        assertEquals(35_125, j.get("records").asLong());
        assertEquals(35_125, j.get("posts_read").asLong());
        assertEquals(35_124, j.get("stored").asLong());
        assertEquals(1, j.get("duplicates").asLong());
        assertEquals(0, j.get("rejected").asLong());
        assertEquals(35_125, j.get("by_format").get("coortweet-csv").asLong());
        assertEquals(Main.OK, run("info", "--db", db.toString(), "--json"), err());
        JsonNode info = JSON.readTree(out());
        assertEquals(9_509, info.get("accounts").asLong()); // distinct account_id values
        assertEquals("2021-01-17T07:56:33Z", info.get("first").asText()); // min timestamp_share 1610870193
        assertEquals("2021-08-30T10:21:00Z", info.get("last").asText()); // max 1630318860
        assertEquals(Main.OK, run("ingest", "--db", db.toString(), "--json", f.toString()), err());
        JsonNode again = JSON.readTree(out());
        assertEquals(0, again.get("stored").asLong());
        assertEquals(35_125, again.get("duplicates").asLong());
    }
}
