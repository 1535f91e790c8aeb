package org.lockstep.io.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lockstep.core.model.Media;
import org.lockstep.core.model.Platform;
import org.lockstep.core.model.Post;
import org.lockstep.core.model.PostKind;
import org.lockstep.core.model.PostRef;

class TelegramJsonTest {
    @Test
    void channelExportMessagesBecomePostsServiceMessagesDoNot() throws IOException {
        Fixtures.Result r = Fixtures.read(Fixtures.fixture("telegram/result.json"));
        assertEquals(3, r.posts().size());
        assertEquals(2, r.report().rejected());
        assertEquals(List.of(
                // messages are read one by one, each reported at the line where it starts
                "6 REJECTED messages[0] (message 1): Telegram service message (create_channel), not a post",
                "75 REJECTED messages[4] (message 5): unparseable or impossible timestamp '2021-02-30T12:00:00'"),
                r.problems());
        assertEquals(3L, r.report().postsByFormat().get("telegram"));
        assertEquals(5, r.report().records(), "one record per message");

        Post p = r.post("1234567890/2");
        assertEquals(Platform.TELEGRAM, p.platform());
        assertEquals(PostKind.POST, p.kind());
        assertEquals("channel1234567890", p.accountId());
        assertEquals("Wahrheit Kanal", p.handle());
        assertEquals(1609495500000L, p.timeMs()); // date_unixtime 1609495500
        assertEquals("Die Wahl ist gestohlen #Wahlbetrug https://leak.example.org/docs mehr hier via @insider_news", p.text());
        assertEquals(List.of("Wahlbetrug"), p.hashtags());
        assertEquals(List.of("https://leak.example.org/docs", "https://t.me/other_channel/55"), p.urls());
        assertEquals(List.of("insider_news"), p.mentions());
        assertEquals(List.of(new Media("photos/photo_1@01-01-2021_11-05-00.jpg", "photo", null)), p.media());
        assertEquals("Wahrheit Kanal", p.account().displayName());

        Post fwd = r.post("1234567890/3");
        assertEquals(PostKind.REPOST, fwd.kind());
        assertEquals(new PostRef(null, "Insider News", "Insider News"), fwd.repostOf());
        assertEquals("Bestätigt!", fwd.text());
        assertEquals(1609495560000L, fwd.timeMs());
        assertEquals(List.of(new Media("video_files/clip.mp4", "video_file", null)), fwd.media());

        Post reply = r.post("1234567890/4");
        assertEquals(PostKind.REPLY, reply.kind());
        assertEquals(new PostRef("1234567890/2", null, null), reply.replyTo());
        assertEquals(1609502400000L, reply.timeMs()); // no date_unixtime: date 2021-01-01T12:00:00 read as UTC
        // markup and spreadsheet formulas are data, kept verbatim (escaped only at output)
        assertEquals("Update: <img src=x onerror=alert(1)> =HYPERLINK(\"http://evil.example\")", reply.text());
    }

    @Test
    void fullExportWithAChatList(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
        String chat = java.nio.file.Files.readString(Fixtures.fixture("telegram/result.json"));
        java.nio.file.Path f = dir.resolve("result.json");
        java.nio.file.Files.writeString(f, "{\"about\": \"export\", \"chats\": {\"about\": \"\", \"list\": [" + chat + "]}}");
        Fixtures.Result r = Fixtures.read(f);
        assertEquals(3, r.posts().size());
        assertEquals(List.of(
                "1 REJECTED messages[0] (message 1): Telegram service message (create_channel), not a post",
                "1 REJECTED messages[4] (message 5): unparseable or impossible timestamp '2021-02-30T12:00:00'"),
                r.problems());
        assertEquals("Die Wahl ist gestohlen #Wahlbetrug https://leak.example.org/docs mehr hier via @insider_news",
                r.post("1234567890/2").text());
    }
}
