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

class JetstreamJsonTest {
    static final String ROOT = "at://did:plc:eygmaihciaxprqvxpfvl6flk/app.bsky.feed.post/3l3qo2vuowo2b";

    @Test
    void postsRepostsAndRepliesAreMappedOtherEventsRejected() throws IOException {
        Fixtures.Result r = Fixtures.read(Fixtures.fixture("bluesky/jetstream.jsonl"));
        assertEquals(8, r.report().records());
        assertEquals(4, r.posts().size());
        assertEquals(4, r.report().rejected());
        assertEquals(List.of(
                "4 REJECTED Bluesky app.bsky.feed.like record, not a post",
                "5 REJECTED Bluesky identity event, not a post",
                "6 REJECTED Bluesky account event, not a post",
                "7 REJECTED Bluesky delete of app.bsky.feed.post, not a new post"), r.problems());

        Post p = r.post(ROOT);
        assertEquals(Platform.BLUESKY, p.platform());
        assertEquals(PostKind.POST, p.kind());
        assertEquals("did:plc:eygmaihciaxprqvxpfvl6flk", p.accountId());
        assertNull(p.handle(), "commits carry no handle");
        // time_us 1725911162329308 -> ms 1725911162329 (the relay's time, not createdAt .102)
        assertEquals(1725911162329L, p.timeMs());
        assertEquals("Vote by mail is rigged, read https://leak.example.org/x #StopTheSteal @alice.bsky.social", p.text());
        assertEquals("en", p.lang());
        // the link facet and the external embed name the same URL: kept once
        assertEquals(List.of("https://leak.example.org/x?ref=bsky"), p.urls());
        assertEquals(List.of("StopTheSteal"), p.hashtags());
        assertEquals(List.of("did:plc:alice000000000000000000"), p.mentions());
        assertEquals(List.of(), p.media());

        Post rp = r.post("at://did:plc:bob00000000000000000000/app.bsky.feed.repost/3l3qo3aaaaa2b");
        assertEquals(PostKind.REPOST, rp.kind());
        assertEquals(new PostRef(ROOT, "did:plc:eygmaihciaxprqvxpfvl6flk", null), rp.repostOf());
        assertEquals(1725911170000L, rp.timeMs());

        Post reply = r.post("at://did:plc:carol0000000000000000000/app.bsky.feed.post/3l3qo4bbbbb2b");
        assertEquals(PostKind.QUOTE, reply.kind());
        assertEquals(new PostRef(ROOT, "did:plc:eygmaihciaxprqvxpfvl6flk", null), reply.replyTo());
        assertEquals(new PostRef("at://did:plc:dave0000000000000000000/app.bsky.feed.post/3l3aaaaaaaa2b",
                "did:plc:dave0000000000000000000", null), reply.quoteOf());
        assertEquals("fr", reply.lang());
        assertEquals(List.of("fact-check"), reply.hashtags());
        assertEquals(List.of(new Media("https://cdn.bsky.app/img/feed_fullsize/plain/did:plc:carol0000000000000000000/"
                + "bafkreibme22gw2h7y2h7tg2fhqotaqjucnbc24deqo72b6mkl2egezxhvy", "image/jpeg",
                "bafkreibme22gw2h7y2h7tg2fhqotaqjucnbc24deqo72b6mkl2egezxhvy")), reply.media());
        assertEquals(1725911180500L, reply.timeMs());

        Post list = r.post("at://did:plc:frank000000000000000000/app.bsky.feed.post/3l3qo6ddddd2b");
        assertEquals(PostKind.POST, list.kind(), "an embedded list is no quoted post");
        assertNull(list.quoteOf());
        assertEquals(1725911220000L, list.timeMs()); // no time_us: createdAt 2024-09-09T19:47:00Z
    }
}
