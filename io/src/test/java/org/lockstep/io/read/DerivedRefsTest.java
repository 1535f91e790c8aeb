package org.lockstep.io.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lockstep.core.model.Media;
import org.lockstep.core.model.Post;
import org.lockstep.core.model.PostKind;
import org.lockstep.core.model.PostRef;
import org.lockstep.core.model.PostTable;
import org.lockstep.core.url.UrlNormalizer;
import org.lockstep.io.store.CaseDb;

/**
 * Derived repost targets (IRA CSV, mapped CSV with a repost flag, any "RT @handle:" text), IRA ids that
 * keep distinct tweets apart, and mapped media and opaque link ids. Expected ids are worked out with
 * python3: {@code hashlib.sha256((handle.lower() + '\0' + ' '.join(unicodedata.normalize('NFKC', text)
 * .lower().split())).encode()).hexdigest()[:16]} for targets, {@code hashlib.sha256(b'\0'.join([author,
 * publish_date, content, updates, harvested_date])).hexdigest()[:16]} for IRA post ids.
 */
class DerivedRefsTest {
    /** Target of "vote early, vote often" by an unknown author. */
    static final String UNKNOWN = "rt:d89a43abfc3e0175";
    /** Target of "vote early, vote often" by @seed_1. */
    static final String SEED = "rt:ba5b2b9cf4cb42db";

    static final String IRA_HEADER = "external_author_id,author,content,region,language,publish_date,harvested_date,"
            + "following,followers,updates,post_type,account_type,retweet,account_category,new_june_2018\n";

    @TempDir Path dir;

    Path ira() throws IOException {
        Path f = dir.resolve("ira.csv");
        Files.writeString(f, IRA_HEADER
                // 2, 3: two accounts retweet the same text, spaced and cased differently
                + "1,AAA,\"Vote  early,   VOTE often\",United States,English,11/8/2016 14:05,11/8/2016 14:06,10,20,100,RETWEET,Right,1,RightTroll,0\n"
                + "2,BBB,\"vote early, vote often\",United States,English,11/8/2016 14:05,11/8/2016 14:05,10,20,200,RETWEET,Right,1,RightTroll,0\n"
                // 4, 5: the author is named, once without post_type, once in other case
                + "3,CCC,\"RT @Seed_1: Vote early, vote often\",United States,English,11/8/2016 14:06,11/8/2016 14:06,1,2,5,,left,0,LeftTroll,0\n"
                + "4,DDD,\"RT @seed_1:   vote EARLY, vote often\",United States,English,11/8/2016 14:07,11/8/2016 14:07,1,2,6,RETWEET,left,1,LeftTroll,0\n"
                // 6: same account, text and minute as line 2, another updates counter: another tweet
                + "1,AAA,\"Vote  early,   VOTE often\",United States,English,11/8/2016 14:05,11/8/2016 14:06,10,20,101,RETWEET,Right,1,RightTroll,0\n"
                // 7: line 2 again: the same tweet
                + "1,AAA,\"Vote  early,   VOTE often\",United States,English,11/8/2016 14:05,11/8/2016 14:06,10,20,100,RETWEET,Right,1,RightTroll,0\n"
                // 8-10: hostile content that is no retweet prefix, or one with nothing after it
                + "5,EEE,\"=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\") RT @x: not at start\",Unknown,English,11/8/2016 15:00,11/8/2016 15:00,1,1,1,,Right,0,RightTroll,0\n"
                + "6,FFF,RT @this_handle_is_far_too_long_to_be_any_real_handle_on_twitter_x: hi,Unknown,English,11/8/2016 15:01,11/8/2016 15:01,1,1,1,,Right,0,RightTroll,0\n"
                + "7,GGG,RT @ok:,Unknown,English,11/8/2016 15:02,11/8/2016 15:02,1,1,1,,Right,0,RightTroll,0\n"
                // 11-12: one record over two lines; the prefix is not at the start
                + "8,HHH,\"line one\nRT @inner: second line\",Unknown,English,11/8/2016 15:03,11/8/2016 15:03,1,1,1,RETWEET,Right,1,RightTroll,0\n"
                // 13: bad, 14: good after it
                + "9,III,no date,Unknown,English,,11/8/2016 15:04,1,1,1,,Right,0,RightTroll,0\n"
                + "10,JJJ,\"ＲＴ @fw: full width is not the prefix\",Unknown,English,11/8/2016 15:05,11/8/2016 15:05,1,1,1,,Right,0,RightTroll,0\n");
        return f;
    }

    @Test
    void iraRetweetsOfTheSameOriginalShareOneDerivedTarget() throws IOException {
        Fixtures.Result r = Fixtures.read(ira());
        assertEquals(12, r.report().records());
        assertEquals(11, r.posts().size());
        assertEquals(List.of("1 WARNING " + new IraCsv(List.of("x")).note(), "13 REJECTED missing publish_date"),
                r.problems(), "the bad record is reported with its line; the good one after it is kept");
        assertEquals(dir.resolve("ira.csv").toString(), r.report().problems().get(1).file());

        Post a = r.posts().get(0), b = r.posts().get(1), c = r.posts().get(2), d = r.posts().get(3);
        assertEquals(new PostRef(UNKNOWN, null, null, true), a.repostOf());
        assertEquals(a.repostOf(), b.repostOf(), "case and spacing do not matter");
        assertEquals(PostKind.REPOST, c.kind(), "RT @handle: without post_type is a retweet");
        assertEquals(new PostRef(SEED, null, "Seed_1", true), c.repostOf());
        assertEquals(SEED, d.repostOf().postId(), "the handle's case does not matter");
        assertNotEquals(a.repostOf().postId(), c.repostOf().postId(), "a known author makes another target");

        // ids: distinct tweets stay apart, identical rows are one
        assertEquals("ira:3a6f125a816203b1", a.id());
        Post sameMinute = r.posts().get(4);
        assertEquals("ira:c7c6fc115f8cb63c", sameMinute.id(), "another updates counter: another tweet");
        assertEquals(a.id(), r.posts().get(5).id());

        Post formula = r.posts().get(6), tooLong = r.posts().get(7), empty = r.posts().get(8), multi = r.posts().get(9);
        assertEquals(PostKind.POST, formula.kind());
        assertNull(formula.repostOf());
        assertEquals(PostKind.POST, tooLong.kind(), "a 59-character handle is no handle");
        assertNull(tooLong.repostOf());
        assertEquals(PostKind.REPOST, empty.kind());
        assertNull(empty.repostOf(), "no text left: nothing to tell originals apart");
        assertEquals(new PostRef("rt:5d32a8dd79ea3c54", null, null, true), multi.repostOf());
        Post fullWidth = r.posts().get(10);
        assertEquals("10", fullWidth.accountId());
        assertEquals(PostKind.POST, fullWidth.kind());

        // seven posts carry a derived target: lines 2-7 and 11 (line 10 has none)
        assertEquals(7, r.report().derivedRefs());

        Readers.Loaded l = Readers.table(List.of(ira().toString()), ReadOptions.defaults(), false, x -> {});
        assertEquals(10, l.table().size());
        assertEquals(1, l.duplicates(), "only the identical row is a duplicate");
        int derived = 0;
        for (int q = 0; q < l.table().size(); q++) if (l.table().derived(q)) derived++;
        assertEquals(6, derived, "rows with a derived target once the duplicate is dropped");
        int target = l.table().posts().find(UNKNOWN);
        int sharing = 0;
        for (int i = 0; i < l.table().size(); i++) if (l.table().repostOf(i) == target) sharing++;
        assertEquals(3, sharing, "AAA twice (distinct tweets) and BBB repost one object");
    }

    @Test
    void mappedRepostFlagMediaAndOpaqueLinks() throws IOException {
        Path f = dir.resolve("mapped.csv");
        Files.writeString(f, "id,user,when,body,is_rt,links,img\n"
                + "m1,u1,2021-09-01 10:00:00,\"Vote early, vote often\",1,url_123|https://Example.com/a/,\n"
                + "m2,u2,2021-09-01 10:00:30,\"vote early,  vote often\",true,23678,9280;9281\n"
                + "m3,u3,2021-09-01 10:01:00,\"RT @Seed_1: Vote early, vote often\",,,https://img.example/p.jpg\n"
                + "m4,u4,2021-09-01 10:02:00,hello,maybe,,\n"
                + "m5,u5,2021-09-01 10:03:00,original,0,NA,null\n");
        CsvMapping m = CsvMapping.parse("id=id,account=user,time=when,text=body,repost=is_rt,urls=links,media=img");
        Fixtures.Result r = Fixtures.read(ReadOptions.defaults().withCsvMapping(m), f);
        assertEquals(4, r.posts().size());
        assertEquals(2, r.problems().size());
        assertTrue(r.problems().get(0).startsWith("5 REJECTED repost flag 'maybe' is neither true"), r.problems().get(0));
        assertEquals("0 WARNING 2 URL cell values are not a URL (first: 'url_123'): kept as opaque link ids ('id:'"
                + " + value), compared as links, without host or domain", r.problems().get(1));

        Post m1 = r.post("m1"), m2 = r.post("m2"), m3 = r.post("m3"), m5 = r.post("m5");
        assertEquals(PostKind.REPOST, m1.kind());
        assertEquals(new PostRef(UNKNOWN, null, null, true), m1.repostOf(), "the same target as the IRA reader's");
        assertEquals(m1.repostOf(), m2.repostOf());
        assertEquals(new PostRef(SEED, null, "Seed_1", true), m3.repostOf(), "unflagged RT @handle: text");
        assertEquals(PostKind.POST, m5.kind());
        assertNull(m5.repostOf());
        assertEquals(List.of(), m5.urls(), "NA is a missing value, not a link id");
        assertEquals(List.of(), m5.media());
        assertEquals(List.of("id:url_123", "https://Example.com/a/"), m1.urls());
        assertEquals(List.of("id:23678"), m2.urls());
        assertEquals(List.of(new Media(null, null, "9280"), new Media(null, null, "9281")), m2.media());
        assertEquals(List.of(new Media("https://img.example/p.jpg", null, null)), m3.media());

        PostTable t = Readers.table(List.of(f.toString()), ReadOptions.defaults().withCsvMapping(m), false, x -> {}).table();
        assertEquals(4, t.size());
        for (int q = 0; q < 4; q++) assertEquals(q < 3, t.derived(q), "rows in time order m1, m2, m3, m5: row " + q);
        assertEquals(2, t.urls().size(0), "the opaque id and the URL");
        assertEquals(1, t.hosts().size(0), "only the URL has a host");
        assertEquals(1, t.urls().size(1));
        assertEquals(0, t.hosts().size(1));
        assertTrue(t.urlIds().find("id:23678") >= 0);
        assertEquals(2, t.media().size(1));
    }

    @Test
    void anyReaderDerivesFromRtText() throws IOException {
        Path f = dir.resolve("t.jsonl");
        Files.writeString(f, "{\"created_at\":\"Tue Nov 08 14:06:00 +0000 2016\",\"id_str\":\"55\",\"text\":"
                + "\"RT @SEED_1: vote early, vote often\",\"user\":{\"id_str\":\"9\",\"screen_name\":\"z\"}}\n");
        Fixtures.Result r = Fixtures.read(f);
        Post p = r.posts().get(0);
        assertEquals(PostKind.REPOST, p.kind());
        assertEquals(new PostRef(SEED, null, "SEED_1", true), p.repostOf(), "the same target from a JSON reader");
        assertEquals(1, r.report().derivedRefs());
    }

    @Test
    void opaqueLinkIdsHaveNoHost() {
        assertEquals("id:url_123", UrlNormalizer.normalize(" id:url_123 "));
        assertNull(UrlNormalizer.host("id:url_123"));
        assertNull(UrlNormalizer.normalize("id:"));
        assertNull(UrlNormalizer.normalize("url_123"), "a bare id is still no URL");
    }

    @Test
    void derivedFlagIsStoredInTheCase() throws IOException, SQLException {
        Path db = dir.resolve("case.duckdb");
        try (CaseDb c = CaseDb.open(db)) {
            c.ingest(List.of(ira().toString()), ReadOptions.defaults(), 1000, p -> {}, null);
            try (Statement st = c.connection().createStatement();
                    ResultSet rs = st.executeQuery("SELECT count(*) FILTER (ref_derived), count(*) FROM posts")) {
                rs.next();
                assertEquals(6, rs.getLong(1));
                assertEquals(10, rs.getLong(2));
            }
            List<Post> back = new ArrayList<>();
            c.forEachPost(true, org.lockstep.io.store.PostFilter.ALL, back::add);
            Post a = back.stream().filter(p -> p.id().equals("ira:3a6f125a816203b1")).findFirst().orElseThrow();
            assertEquals(new PostRef(UNKNOWN, null, null, true), a.repostOf());
            assertTrue(a.derivedRef());
            assertFalse(back.stream().filter(p -> p.accountId().equals("5")).findFirst().orElseThrow().derivedRef());
        }
    }
}
