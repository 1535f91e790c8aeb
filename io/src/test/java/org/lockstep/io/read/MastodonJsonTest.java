package org.lockstep.io.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lockstep.core.model.Media;
import org.lockstep.core.model.Platform;
import org.lockstep.core.model.Post;
import org.lockstep.core.model.PostKind;
import org.lockstep.core.model.PostRef;

class MastodonJsonTest {
    static final String ORIGINAL = "https://social.example.de/users/wahlbeob/statuses/111345678901234567";

    @Test
    void restArrayOfStatusesAndReblogs() throws IOException {
        Fixtures.Result r = Fixtures.read(Fixtures.fixture("mastodon/statuses.json"));
        assertEquals(2, r.posts().size());
        assertEquals(0, r.report().rejected());
        Post p = r.post(ORIGINAL);
        assertEquals(Platform.MASTODON, p.platform());
        assertEquals(PostKind.POST, p.kind());
        assertEquals("wahlbeob@social.example.de", p.accountId());
        assertEquals("wahlbeob@social.example.de", p.handle());
        assertEquals(1699086600000L, p.timeMs()); // 2023-11-04T08:30:00Z
        assertEquals("de", p.lang());
        // tags dropped, entities decoded once, escaped markup in the text stays text
        assertEquals("Briefwahl & Fälschung? #Wahl2023 @erika\n\nQuelle: https://news.example.com/a?x=1&y=2\n"
                + "<script>alert(1)</script>", p.text());
        assertEquals(List.of("https://news.example.com/a?x=1&y=2"), p.urls());
        assertEquals(List.of("wahl2023"), p.hashtags());
        assertEquals(List.of("erika@mastodon.example"), p.mentions());
        assertEquals(List.of(new Media("https://files.social.example.de/media_attachments/files/1/original/a.png", "image",
                "UeKUpFxuo~R%0nW;WCnhF6RjaJt757oJodS$")), p.media());
        assertEquals("Wahlbeobachtung", p.account().displayName());
        assertEquals("Wir beobachten Wahlen.", p.account().description());
        assertEquals(1667779200000L, p.account().createdAtMs()); // 2022-11-07
        assertEquals(420, p.account().followers());
        assertEquals(17, p.account().following());
        assertEquals(1234, p.account().posts());
        assertEquals(Boolean.TRUE, p.account().defaultAvatar());
        assertEquals("https://social.example.de/avatars/original/missing.png", p.account().avatarUrl());

        Post rb = r.post("https://social.example.de/users/amp1/statuses/111345678901234999/activity");
        assertEquals(PostKind.REPOST, rb.kind());
        assertEquals("amp1@social.example.de", rb.accountId());
        assertEquals(new PostRef(ORIGINAL, "wahlbeob@social.example.de", "wahlbeob@social.example.de"), rb.repostOf());
        assertEquals("Briefwahl & Fälschung? #Wahl2023", rb.text());
        assertEquals("de", rb.lang());
        assertEquals(List.of("wahl2023"), rb.hashtags());
        assertEquals(List.of(), rb.urls());
        assertEquals(1699086660000L, rb.timeMs()); // 2023-11-04T08:31:00Z
        assertEquals(Boolean.FALSE, rb.account().defaultAvatar());
        assertEquals(0, rb.account().followers());
    }

    @Test
    void streamingUpdatesAreStatusesOtherEventsAreRejected() throws IOException {
        Fixtures.Result r = Fixtures.read(Fixtures.fixture("mastodon/streaming.jsonl"));
        assertEquals(1, r.posts().size());
        assertEquals(List.of("2 REJECTED Mastodon streaming 'delete' event, not a post",
                "3 REJECTED missing account object"), r.problems());
        Post p = r.posts().get(0);
        assertEquals("https://mastodon.example/users/erika/statuses/111400000000000001", p.id());
        assertEquals("erika@mastodon.example", p.accountId());
        assertEquals(PostKind.REPLY, p.kind());
        // the server-local in_reply_to_account_id is resolved through the mentions
        assertEquals(new PostRef("111345678901234567", "wahlbeob@social.example.de", "wahlbeob@social.example.de"), p.replyTo());
        assertEquals("@wahlbeob Source please", p.text());
        assertEquals(List.of("wahlbeob@social.example.de"), p.mentions());
        assertEquals(List.of(), p.urls());
        assertEquals(1699088400000L, p.timeMs()); // 2023-11-04T09:00:00Z
        assertEquals(1669852800000L, p.account().createdAtMs()); // 2022-12-01
        assertEquals(30, p.account().posts());
    }

    @Test
    void htmlNeverKeepsMarkupEvenWhenMalformed() {
        List<String> links = new ArrayList<>();
        assertEquals("a b", Html.text("<p>a <script>evil()</script>b</p>", links));
        assertEquals("x", Html.text("<img src=x onerror='a>b'>x", links));
        assertEquals("1 < 2 and 3<4", Html.text("1 < 2 and 3&lt;4", links));
        assertEquals("ok", Html.text("ok<a href=\"https://u.example/\"", links), "an unclosed tag is dropped to the end");
        assertEquals("&bogus; &#0; é", Html.text("&bogus; &#0; &#xe9;", links));
        assertEquals(List.of("https://u.example/"), links);
        assertNull(Html.text(null, links));
    }
}
