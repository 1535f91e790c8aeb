package org.lockstep.io.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lockstep.core.model.AccountSnapshot;
import org.lockstep.core.model.Media;
import org.lockstep.core.model.Post;
import org.lockstep.core.model.PostKind;
import org.lockstep.core.model.PostRef;

class TwitterV1JsonTest {
    @Test
    void extendedTweetsRepliesQuotesAndLenientTypes() throws IOException {
        Fixtures.Result r = Fixtures.read(Fixtures.fixture("twitter-v1/tweets.jsonl"));
        assertEquals(2, r.posts().size());
        assertEquals(0, r.report().rejected());

        Post a = r.post("861000000000000001");
        assertEquals(PostKind.POST, a.kind());
        assertEquals("Long tweet that goes on beyond 140 characters with a #Hashtag and a link https://t.co/l1 and a photo https://t.co/ph",
                a.text(), "extended_tweet.full_text");
        assertEquals(1494061200123L, a.timeMs(), "timestamp_ms wins over created_at");
        assertEquals("fr", a.lang());
        assertEquals(List.of("Hashtag"), a.hashtags());
        assertEquals(List.of("https://news.example.com/full-story"), a.urls(), "unwound.url wins");
        assertEquals(List.of(new Media("https://pbs.twimg.com/media/A.jpg", "photo", null),
                new Media("http://pbs.twimg.com/media/B.jpg", "photo", "c3a1e9f0")), a.media());
        AccountSnapshot u = a.account();
        assertEquals("5", u.id());
        assertEquals("longwriter", u.handle());
        assertEquals("Long Writer", u.displayName());
        assertEquals("desc", u.description());
        assertEquals("Lyon", u.location());
        assertEquals("fr", u.lang());
        assertEquals(1420452000000L, u.createdAtMs()); // Mon Jan 05 10:00:00 +0000 2015
        assertEquals(12, u.followers(), "a number given as text");
        assertEquals(7, u.following());
        assertEquals(AccountSnapshot.UNKNOWN, u.posts(), "a number too big for a long is unknown");
        assertEquals(Boolean.TRUE, u.defaultProfile());
        assertEquals(Boolean.FALSE, u.defaultAvatar());
        assertEquals(Boolean.TRUE, u.verified());
        assertEquals("https://pbs.twimg.com/profile_images/5/a.jpg", u.avatarUrl());

        Post b = r.post("861000000000000002");
        assertEquals(PostKind.QUOTE, b.kind());
        assertEquals(new PostRef("861000000000000001", "5", "longwriter"), b.replyTo());
        assertEquals(new PostRef("850000000000000000", "77", "quoted_one"), b.quoteOf());
        assertEquals(List.of("A", "B", "7"), b.hashtags(), "an empty tag is dropped, a number kept as digits");
        assertEquals(List.of("longwriter"), b.mentions());
        assertNull(b.lang());
        assertEquals(1494061260000L, b.timeMs());
        assertEquals(AccountSnapshot.UNKNOWN, b.account().followers());
    }

    @Test
    void streamingLinesAndTreeDocumentsMapIdentically() throws IOException {
        Fixtures.Result lines = Fixtures.read(Fixtures.fixture("twitter-v1/tweets.jsonl"));
        Fixtures.Result array = Fixtures.read(Fixtures.fixture("twitter-v1/tweets-array.json"));
        assertEquals(2, array.posts().size());
        assertEquals(lines.posts(), array.posts());
        String smoke = ReadersSmokeTest.V1_RETWEET;
        Post viaTree = TwitterV1Json.map(Readers.MAPPER.readTree(smoke));
        assertEquals(viaTree, Fixtures.read(writeTemp(smoke)).posts().get(0));
    }

    private static java.nio.file.Path writeTemp(String s) throws IOException {
        java.nio.file.Path f = java.nio.file.Files.createTempFile("v1", ".jsonl");
        java.nio.file.Files.writeString(f, s + "\n");
        f.toFile().deleteOnExit();
        return f;
    }
}
