package org.lockstep.io.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lockstep.core.model.Media;
import org.lockstep.core.model.Platform;
import org.lockstep.core.model.Post;
import org.lockstep.core.model.PostKind;
import org.lockstep.core.model.PostRef;

class TwitterV2JsonTest {
    @Test
    void responsePageMapsEveryTweetWithIncludes() throws IOException {
        Fixtures.Result r = Fixtures.read(Fixtures.fixture("twitter-v2/page.json"));
        assertEquals(3, r.posts().size());
        assertEquals(1, r.report().rejected());
        assertEquals(List.of("1 REJECTED data[3] (tweet 1500000000000000004): missing author_id"), r.problems());
        assertEquals(3L, r.report().postsByFormat().get("twitter-v2"));

        Post a = r.post("1500000000000000001");
        assertEquals(Platform.TWITTER, a.platform());
        assertEquals(PostKind.POST, a.kind());
        assertEquals("100", a.accountId());
        assertEquals("alice", a.handle());
        assertEquals(1646481600000L, a.timeMs()); // date -u -d 2022-03-05T12:00:00Z +%s%3N
        assertEquals("Read this https://t.co/abc #Election2022 @bob https://t.co/pic", a.text());
        assertEquals("en", a.lang());
        // unwound_url wins over expanded_url; the photo link (media_key) is no shared URL
        assertEquals(List.of("https://news.example.com/story"), a.urls());
        assertEquals(List.of("Election2022"), a.hashtags());
        assertEquals(List.of("bob"), a.mentions());
        assertEquals(List.of(new Media("https://pbs.twimg.com/media/FNabc.jpg", "photo", null)), a.media());
        assertEquals("Alice A.", a.account().displayName());
        assertEquals("Voter. Views my own.", a.account().description());
        assertEquals("Paris", a.account().location());
        assertEquals(1243973549000L, a.account().createdAtMs()); // 2009-06-02T20:12:29Z
        assertEquals(1500, a.account().followers());
        assertEquals(300, a.account().following());
        assertEquals(12000, a.account().posts());
        assertEquals(Boolean.FALSE, a.account().verified());
        assertEquals(Boolean.TRUE, a.account().defaultAvatar());
        assertNull(a.account().defaultProfile());

        Post rt = r.post("1500000000000000002");
        assertEquals(PostKind.REPOST, rt.kind());
        assertEquals(new PostRef("1499999999999999999", "300", "carol"), rt.repostOf());
        assertEquals(1646481930250L, rt.timeMs()); // 2022-03-05T12:05:30.250Z
        // a retweet takes the original's entities from includes.tweets
        assertEquals(List.of("https://leak.example.org/docs"), rt.urls());
        assertEquals(List.of("Leak"), rt.hashtags());
        assertEquals(List.of(), rt.mentions());
        assertEquals(Boolean.TRUE, rt.account().verified());
        assertEquals(Boolean.FALSE, rt.account().defaultAvatar());
        assertEquals(1638316800000L, rt.account().createdAtMs()); // 2021-12-01T00:00:00Z

        Post q = r.post("1500000000000000003");
        assertEquals(PostKind.QUOTE, q.kind()); // quote is stronger than reply
        assertEquals(new PostRef("1500000000000000002", "200", "bob"), q.replyTo());
        assertEquals(new PostRef("1499999999999999999", "300", "carol"), q.quoteOf());
        assertNull(q.lang(), "und is no language");
        assertEquals(1646482200000L, q.timeMs());
    }

    @Test
    void twarc2RawOutputIsOneResponsePagePerLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode page =
                (com.fasterxml.jackson.databind.node.ObjectNode) Readers.MAPPER.readTree(Fixtures.fixture("twitter-v2/page.json").toFile());
        page.putObject("__twarc").put("url", "https://api.twitter.com/2/tweets/search/recent").put("version", "2.12.0");
        java.nio.file.Path f = dir.resolve("twarc2.jsonl");
        java.nio.file.Files.writeString(f, page.toString() + "\n" + page.toString() + "\n");
        Fixtures.Result r = Fixtures.read(f);
        assertEquals(6, r.posts().size(), "two pages of three good tweets");
        assertEquals(List.of("1 REJECTED data[3] (tweet 1500000000000000004): missing author_id",
                "2 REJECTED data[3] (tweet 1500000000000000004): missing author_id"), r.problems());
        assertEquals(r.posts().subList(0, 3), r.posts().subList(3, 6));
        assertEquals(new PostRef("1499999999999999999", "300", "carol"), r.post("1500000000000000002").repostOf());
    }

    @Test
    void twarc2FlattenedLinesInlineAuthorsAndReferencedTweets() throws IOException {
        Fixtures.Result r = Fixtures.read(Fixtures.fixture("twitter-v2/twarc2-flat.jsonl"));
        assertEquals(2, r.posts().size());
        assertEquals(0, r.report().rejected());
        Post rt = r.post("1600000000000000010");
        assertEquals(PostKind.REPOST, rt.kind());
        assertEquals("dave_1987", rt.handle());
        assertEquals(1670922000000L, rt.timeMs()); // 2022-12-13T09:00:00Z
        assertEquals(new PostRef("1600000000000000009", "500", "newsdesk"), rt.repostOf());
        assertEquals(List.of("https://elections.example.gov/hours"), rt.urls());
        assertEquals(List.of("vote"), rt.hashtags());
        assertEquals(0, rt.account().followers());
        assertEquals(51, rt.account().following());
        assertEquals(2, rt.account().posts());
        assertEquals(1670889000000L, rt.account().createdAtMs()); // 2022-12-12T23:50:00Z

        Post reply = r.post("1600000000000000011");
        assertEquals(PostKind.REPLY, reply.kind());
        assertEquals(new PostRef("1600000000000000009", "500", "newsdesk"), reply.replyTo());
        assertEquals(List.of("https://youtu.be/xyz"), reply.urls());
        assertEquals(List.of("newsdesk"), reply.mentions());
        assertEquals(List.of(new Media("https://pbs.twimg.com/ext_tw_video_thumb/99/pu/img/v.jpg", "video", null)), reply.media());
        assertEquals(1670922005000L, reply.timeMs());
    }
}
