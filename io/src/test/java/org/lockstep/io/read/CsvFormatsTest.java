package org.lockstep.io.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lockstep.core.model.AccountSnapshot;
import org.lockstep.core.model.Platform;
import org.lockstep.core.model.Post;
import org.lockstep.core.model.PostKind;
import org.lockstep.core.model.PostRef;

/** Twitter IO release CSV, IRA CSV and mapped CSV, from the fixtures. */
class CsvFormatsTest {
    @TempDir Path dir;

    @Test
    void twitterIoReleaseCsv() throws IOException {
        Fixtures.Result r = Fixtures.read(Fixtures.fixture("twitter-io/io_sample_tweets.csv"));
        assertEquals(5, r.report().records());
        assertEquals(3, r.posts().size());
        assertEquals(List.of("6 REJECTED expected 31 columns, found 14",
                "7 REJECTED unparseable or impossible timestamp '2016-13-45 00:00'"), r.problems());
        assertEquals(3L, r.report().postsByFormat().get("twitter-io-csv"));

        Post p = r.post("783802100000000001");
        assertEquals(Platform.TWITTER, p.platform());
        assertEquals(PostKind.POST, p.kind());
        assertEquals("2882331822", p.accountId());
        assertEquals("pamela_moore13", p.handle());
        assertEquals(1475712000000L, p.timeMs()); // 2016-10-06 00:00 UTC
        assertEquals("Crooked media won't show this #MAGA #WakeUp @TEN_GOP https://t.co/abc", p.text());
        assertEquals("en", p.lang());
        assertEquals(List.of("MAGA", "WakeUp"), p.hashtags());
        assertEquals(List.of("https://www.truthfeed.com/story?utm=1"), p.urls());
        assertEquals(List.of("TEN_GOP"), p.mentions());
        AccountSnapshot a = p.account();
        assertEquals("Pamela Moore", a.displayName());
        assertEquals("Constitutional conservative, \"patriot\"", a.description());
        assertEquals("Wisconsin, USA", a.location());
        assertEquals("en", a.lang());
        assertEquals(1416268800000L, a.createdAtMs()); // 2014-11-18
        assertEquals(57123, a.followers());
        assertEquals(1021, a.following());
        assertEquals(AccountSnapshot.UNKNOWN, a.posts());

        Post rt = r.post("783802100000000002");
        assertEquals(PostKind.REPOST, rt.kind());
        assertEquals("Zg7QOWq2vmWV9bmJvSxwuYLHkeiXYfQbdqsoRD9dIs4=", rt.accountId(), "hashed ids are kept as given");
        assertEquals(new PostRef("783802100000000001", "2882331822", null), rt.repostOf());
        assertEquals(1475712300000L, rt.timeMs()); // 2016-10-06 00:05
        assertEquals(1475193600000L, rt.account().createdAtMs()); // 2016-09-30
        assertEquals("ru", rt.account().lang());

        Post q = r.post("783802100000000003");
        assertEquals(PostKind.QUOTE, q.kind());
        assertEquals("@someone exactly\nthis, line two", q.text());
        assertNull(q.lang());
        assertEquals(new PostRef("783000000000000000", "1111", null), q.replyTo(), "the float id loses its .0");
        assertEquals(new PostRef("783700000000000000", null, null), q.quoteOf());
        assertEquals(List.of("someone"), q.mentions());
        assertEquals(1475712600000L, q.timeMs());
    }

    @Test
    void iraCsvWithoutTweetIdDerivesStableIdsAndSaysSo() throws IOException {
        Path f = Fixtures.fixture("ira/IRAhandle_tweets_1.csv");
        Fixtures.Result r = Fixtures.read(f);
        assertEquals(5, r.report().records());
        assertEquals(4, r.posts().size());
        assertEquals(1, r.report().rejected());
        assertEquals(1, r.report().warnings());
        assertTrue(r.problems().get(0).startsWith("1 WARNING no tweet_id column: post ids are taken from article_url"));
        assertEquals("6 REJECTED missing publish_date", r.problems().get(1));

        // ids: python3 hashlib.sha256(b'\0'.join([author, publish_date, content, updates, harvested_date])).hexdigest()[:16]
        Post p = r.posts().get(0);
        assertEquals("ira:4f2cc3542556e6de", p.id());
        assertEquals(Platform.TWITTER, p.platform());
        assertEquals(PostKind.POST, p.kind());
        assertEquals("906000000000000000", p.accountId());
        assertEquals("10_GOP", p.handle());
        assertEquals(1506887880000L, p.timeMs()); // 10/1/2017 19:58 UTC
        assertEquals("en", p.lang());
        assertEquals(List.of("maga"), p.hashtags());
        assertEquals(List.of("realDonaldTrump"), p.mentions());
        assertEquals(List.of("https://t.co/xyz"), p.urls());
        assertEquals(9636, p.account().followers());
        assertEquals(1052, p.account().following());
        assertEquals(253, p.account().posts());

        Post rt = r.posts().get(1);
        assertEquals("ira:803265c8255b2ef9", rt.id());
        assertEquals(PostKind.REPOST, rt.kind());
        // the file does not name the original: derived from "RT @TEN_GOP: Breaking news",
        // python3 hashlib.sha256(b'ten_gop\0breaking news').hexdigest()[:16]
        assertEquals(new PostRef("rt:e9b9b06a776da602", null, "TEN_GOP", true), rt.repostOf());
        assertTrue(rt.derivedRef());
        assertEquals(1, r.report().derivedRefs());
        assertEquals(1506897780000L, rt.timeMs());

        Post qt = r.posts().get(2);
        assertEquals("ira:7bbadcf43bf26689", qt.id());
        assertEquals(PostKind.QUOTE, qt.kind());
        assertNull(qt.quoteOf(), "a quote's content is the quoting text: no target is derived");
        assertEquals("ru", qt.lang());
        assertEquals("2.54E+09", qt.accountId(), "a spreadsheet-mangled id is kept as given, not guessed");
        assertEquals(1426583100000L, qt.timeMs()); // 3/17/2015 9:05
        assertEquals(List.of("http://example.ru/a"), qt.urls());

        // the repeated row gets the same id and is stored once
        assertEquals(p.id(), r.posts().get(3).id());
        Readers.Loaded l = Readers.table(List.of(f.toString()), ReadOptions.defaults(), false, x -> {});
        assertEquals(3, l.table().size());
        assertEquals(1, l.duplicates());
    }

    @Test
    void iraCsvWithTweetIdAndLinks() throws IOException {
        Fixtures.Result r = Fixtures.read(Fixtures.fixture("ira/IRAhandle_tweets_v2.csv"));
        assertEquals(1, r.posts().size());
        assertEquals(List.of("3 REJECTED missing post id"), r.problems(), "no note: the file has tweet_id");
        Post p = r.posts().get(0);
        assertEquals("914580356430536707", p.id());
        assertEquals(1475712000000L, p.timeMs()); // 10/6/2016 0:00
        assertEquals(List.of("https://t.co/xyz", "http://bit.ly/abc"), p.urls());
    }

    @Test
    void mappedCsvFromAMappingFile() throws IOException {
        CsvMapping m = CsvMapping.load(Fixtures.fixture("mapped/facebook.map"));
        assertEquals(';', m.separator());
        assertEquals("post_key", m.columns().get("id"));
        assertEquals(9, m.columns().size());
        Fixtures.Result r = Fixtures.read(ReadOptions.defaults().withCsvMapping(m), Fixtures.fixture("mapped/facebook_posts.csv"));
        assertEquals(2, r.posts().size());
        assertEquals(List.of("4 REJECTED unknown platform 'myspace'", "5 REJECTED missing post id"), r.problems());
        Post p = r.post("fb-1");
        assertEquals(Platform.FACEBOOK, p.platform());
        assertEquals("p100", p.accountId());
        assertEquals("Patriots United", p.handle());
        assertEquals(1604062800000L, p.timeMs()); // 2020-10-30T14:00:00+01:00
        assertEquals(List.of("https://vote.example.com/fraud", "https://mirror.example.net/x"), p.urls());
        assertEquals(List.of("StopTheSteal", "Election2020"), p.hashtags());
        assertEquals(List.of(), p.mentions());
        Post s = r.post("fb-2");
        assertEquals(PostKind.REPOST, s.kind());
        assertEquals(new PostRef("fb-1", null, null), s.repostOf());
        assertEquals(1604062800000L, s.timeMs()); // epoch seconds 1604062800
        assertNull(s.text());
    }

    @Test
    void mappedCsvFromTheCommandLineWithTextDerivedLists() throws IOException {
        Path f = dir.resolve("x.csv");
        Files.writeString(f, "tweet_id,user,created,body\n1,u1,2019-05-01 10:00:00,#Tag1 and @who see https://a.example/b.\n");
        CsvMapping m = CsvMapping.parse("id=tweet_id,account=user,time=created,text=body");
        assertEquals(Map.of("id", "tweet_id", "account", "user", "time", "created", "text", "body"), m.columns());
        assertEquals(0, m.separator());
        Fixtures.Result r = Fixtures.read(ReadOptions.defaults().withCsvMapping(m), f);
        assertEquals(1, r.posts().size());
        Post p = r.posts().get(0);
        assertEquals(Platform.GENERIC, p.platform());
        assertEquals(1556704800000L, p.timeMs()); // date -u -d '2019-05-01 10:00:00Z' +%s
        assertEquals(List.of("tag1"), p.hashtags());
        assertEquals(List.of("who"), p.mentions());
        assertEquals(List.of("https://a.example/b"), p.urls());
        assertEquals(1L, r.report().postsByFormat().get("csv"));
    }

    @Test
    void mappingErrorsAreClear() throws IOException {
        assertEquals("column mapping needs 'time=COLUMN' (required: id, account, time)",
                assertThrows(IllegalArgumentException.class, () -> CsvMapping.parse("id=a,account=b")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CsvMapping.parse("id=a,account=b,time=c,colour=d"))
                .getMessage().startsWith("column mapping 'colour=d': unknown field 'colour'"));
        assertEquals("column mapping 'id': expected field=column",
                assertThrows(IllegalArgumentException.class, () -> CsvMapping.parse("id,account=b,time=c")).getMessage());
        assertEquals('\t', CsvMapping.parse("id=a,account=b,time=c,separator=tab").separator());
        assertEquals(',', CsvMapping.parse("separator=,,id=a,account=b,time=c").separator());

        Path f = dir.resolve("y.csv");
        Files.writeString(f, "a,b,c\n1,2,3\n");
        Fixtures.Result r = Fixtures.read(ReadOptions.defaults().withCsvMapping(CsvMapping.parse("id=a,account=b,time=when")), f);
        assertEquals(0, r.posts().size());
        assertEquals(1, r.report().filesFailed());
        assertEquals(List.of("1 FILE_FAILED CSV header lacks the mapped columns time=when (columns: a,b,c)"), r.problems());
        Fixtures.Result none = Fixtures.read(f);
        assertTrue(none.problems().get(0).startsWith("1 FILE_FAILED CSV header matches no known layout"));
    }
}
