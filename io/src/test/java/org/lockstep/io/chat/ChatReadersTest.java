package org.lockstep.io.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lockstep.core.plans.CallExtractor;
import org.lockstep.core.plans.ChatMessage;
import org.lockstep.io.read.Problem;

class ChatReadersTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @TempDir
    Path tmp;

    private static Path fixture(String name) {
        return Path.of("src/test/resources/fixtures/chat", name);
    }

    private static long ms(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    /** The 1-based line of the '{' that opens the message whose id line contains {@code idText}. */
    private static long openingLine(Path file, String idText) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(idText)) {
                for (int j = i; j >= 0; j--) if (lines.get(j).strip().equals("{")) return j + 1;
            }
        }
        throw new AssertionError(idText);
    }

    private static ChatReaders.Loaded read(ChatReadOptions o, Path... files) throws IOException {
        return ChatReaders.read(List.of(files), o, p -> {});
    }

    @Test
    void discordChatExporterJson() throws IOException {
        Path f = fixture("discord.json");
        List<Problem> seen = new ArrayList<>();
        ChatReaders.Loaded l = ChatReaders.read(List.of(f), ChatReadOptions.defaults().withZone(PARIS), seen::add);
        ChatReadReport r = l.report();
        assertEquals(8, r.records());
        assertEquals(3, r.messages());
        assertEquals(1, r.skipped()); // the join
        assertEquals(4, r.rejected());
        assertEquals(4, seen.size());
        List<ChatMessage> m = l.messages();
        ChatMessage first = m.get(0);
        assertEquals("310000000000000001", first.id());
        assertEquals(ms("2017-05-05T15:50:12.345Z"), first.timeMs());
        assertEquals("kek_commander", first.author());
        assertEquals("200000000000000001", first.authorId());
        assertEquals("raids-fr", first.chat());
        assertEquals(List.of("meme1.png"), first.attachments());
        ChatMessage reply = m.get(1);
        assertEquals("310000000000000001", reply.replyTo());
        assertTrue(reply.text().startsWith("<script>alert(1)</script> =HYPERLINK("), "hostile text is kept as data");
        assertTrue(reply.text().endsWith("\nhttps://twitter.com/French_Patriot_75"), "the embed URL is appended");
        assertEquals("anon\u202Egnp.exe", reply.author());
        ChatMessage numeric = m.get(2);
        assertEquals("310000000000000008", numeric.id());
        assertEquals(ms("2017-05-05T16:02:00Z"), numeric.timeMs());
        Problem date = r.problems().get(0);
        assertEquals(f.toString(), date.file());
        assertEquals(openingLine(f, "\"310000000000000004\""), date.line());
        assertTrue(date.reason().startsWith("messages[3] (message 310000000000000004): bad time"), date.reason());
        assertTrue(r.problems().get(1).reason().contains("missing id"));
        assertTrue(r.problems().get(2).reason().contains("wrong type for content"));
        assertTrue(r.problems().get(3).reason().contains("not a message object"));
    }

    @Test
    void telegramDesktopJson() throws IOException {
        ChatReaders.Loaded l = read(ChatReadOptions.defaults().withZone(PARIS), fixture("telegram.json"));
        ChatReadReport r = l.report();
        assertEquals(6, r.records());
        assertEquals(2, r.messages());
        assertEquals(1, r.skipped());
        assertEquals(3, r.rejected());
        ChatMessage a = l.messages().get(0);
        assertEquals(ms("2017-05-05T15:50:00Z"), a.timeMs());
        assertEquals("Kek", a.author());
        assertEquals("user101", a.authorId());
        assertEquals("Raid équipe <i>FR</i>", a.chat());
        assertEquals("demain 18h on lance #MacronLeaks lisez ceci et ciblez @EmmanuelMacron\nhttps://pastebin.com/aBcD1234", a.text());
        assertEquals(List.of("photos/photo_2@05-05-2017_17-50-00.jpg"), a.attachments());
        ChatMessage b = l.messages().get(1);
        // "date" without date_unixtime is local time of the chat's zone: 18:00 in Paris (CEST) = 16:00Z
        assertEquals(ms("2017-05-05T16:00:00Z"), b.timeMs());
        assertEquals("user102", b.author());
        assertEquals("2", b.replyTo());
        assertTrue(r.problems().get(0).reason().contains("bad time"));
        assertTrue(r.problems().get(1).reason().contains("unknown entry type"));
        assertTrue(r.problems().get(2).reason().contains("wrong type for text"));
        assertTrue(r.problems().get(2).line() > r.problems().get(1).line());
    }

    @Test
    void mappedCsvWithAnUnterminatedQuote() throws IOException {
        Path q = tmp.resolve("q.jsonl");
        ChatReaders.Loaded l = read(ChatReadOptions.defaults().withZone(PARIS).withQuarantine(q), fixture("chat.csv"));
        ChatReadReport r = l.report();
        assertEquals(7, r.records());
        assertEquals(4, r.messages());
        assertEquals(3, r.rejected());
        List<ChatMessage> m = l.messages();
        assertEquals(ms("2017-05-05T15:50:00Z"), m.get(0).timeMs());
        assertEquals(List.of("meme1.png", "meme2.png"), m.get(0).attachments());
        assertEquals("ce soir 21h30 tous sur #MacronGate, \"copiez\" le texte", m.get(0).text());
        assertEquals("line2", m.get(0).id());
        assertEquals("=HYPERLINK(\"http://evil.example\")", m.get(1).author());
        assertEquals("ligne un\nligne deux <script>alert(1)</script>", m.get(1).text());
        assertEquals(ms("2017-05-05T16:00:00Z"), m.get(2).timeMs()); // epoch seconds
        assertEquals("this line must survive the open quote above", m.get(3).text());
        assertEquals(5, r.problems().get(0).line());
        assertTrue(r.problems().get(0).reason().contains("unterminated"));
        assertEquals(7, r.problems().get(1).line());
        assertEquals(9, r.problems().get(2).line());
        List<String> quarantined = Files.readAllLines(q);
        assertEquals(3, quarantined.stream().filter(s -> !s.isBlank()).count());
        assertTrue(quarantined.get(1).contains("yesterday"));
    }

    @Test
    void explicitMappingAndSeparator() throws IOException {
        Path f = tmp.resolve("log.csv");
        Files.writeString(f, "sent;who;body;img\n2017-05-05T16:00:00Z;a;hello #x;\n");
        ChatReaders.Loaded l = read(ChatReadOptions.defaults().withCsvMapping(ChatCsvMapping.parse("time=sent,author=who,text=body,attachment=img,separator=;")), f);
        assertEquals(1, l.messages().size());
        assertEquals("a", l.messages().get(0).author());
        ChatReaders.Loaded bad = read(ChatReadOptions.defaults().withCsvMapping(ChatCsvMapping.parse("time=nope")), f);
        assertEquals(1, bad.report().filesFailed());
        assertThrows(IllegalArgumentException.class, () -> ChatCsvMapping.parse("author=who"));
    }

    @Test
    void truncatedJsonKeepsTheMessagesBeforeTheBreak() throws IOException {
        String full = Files.readString(fixture("discord.json"));
        int cut = full.indexOf("\"310000000000000003\"");
        Path f = tmp.resolve("cut.json");
        Files.writeString(f, full.substring(0, cut + 30));
        ChatReaders.Loaded l = read(ChatReadOptions.defaults(), f);
        assertEquals(1, l.messages().size());
        assertEquals(1, l.report().filesFailed());
        assertTrue(l.report().problems().get(0).reason().contains("after 1 messages"), l.report().problems().toString());
    }

    @Test
    void gzipDirectoriesAndDetection() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("in"));
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(dir.resolve("a.json.gz")))) {
            o.write(Files.readAllBytes(fixture("telegram.json")));
        }
        Files.copy(fixture("discord.json"), dir.resolve("b.json"));
        Files.write(dir.resolve("c.bin"), new byte[] {0, 1, 2, 0, 0, 0});
        ChatReaders.Loaded l = read(ChatReadOptions.defaults().withZone(PARIS), dir);
        assertEquals(5, l.messages().size());
        assertEquals(1, l.report().filesFailed());
        for (int i = 1; i < l.messages().size(); i++) assertTrue(l.messages().get(i - 1).timeMs() <= l.messages().get(i).timeMs());
        Path odd = tmp.resolve("odd.json");
        Files.writeString(odd, "{\"hello\": [1, 2]}", StandardCharsets.UTF_8);
        assertEquals(1, read(ChatReadOptions.defaults(), odd).report().filesFailed());
    }

    @Test
    void stopsAfterMaxErrors() {
        ChatTooManyErrorsException e = assertThrows(ChatTooManyErrorsException.class,
                () -> read(ChatReadOptions.defaults().withMaxErrors(1), fixture("discord.json")));
        assertEquals(2, e.report().rejected());
    }

    @Test
    void callsFromADiscordExport() throws IOException {
        ChatReaders.Loaded l = read(ChatReadOptions.defaults(), fixture("discord.json"));
        CallExtractor.Result r = new CallExtractor(CallExtractor.Config.defaults(PARIS)).run(l.messages());
        assertEquals(2, r.calls().size());
        assertEquals(ms("2017-05-05T19:30:00Z"), r.calls().get(0).scheduledMs());
        assertEquals(ms("2017-05-05T16:12:00Z"), r.calls().get(1).scheduledMs());
        assertEquals(1, r.revealed().size());
        assertEquals("french_patriot_75", r.revealed().get(0).handle());
    }

    @Test
    void telegramFullExportWithSeveralChats() throws IOException {
        Path f = tmp.resolve("result.json");
        Files.writeString(f, """
                {"about": "Here is the data you requested.",
                 "personal_information": {"first_name": "x"},
                 "chats": {"about": "...", "list": [
                   {"name": "Raid A", "type": "private_group", "id": 11, "messages": [
                     {"id": 1, "type": "message", "date": "2017-05-05T18:00:00", "date_unixtime": "1493999999", "from": "a", "from_id": "user1", "text": "demain 18h #X go"},
                     {"id": 2, "type": "message", "date_unixtime": "nope", "from": "a", "from_id": "user1", "text": "bad"}]},
                   {"name": "Raid B", "type": "private_group", "id": 12, "messages": [
                     {"id": 1, "type": "message", "date_unixtime": "1494000001", "from": "b", "from_id": "user2", "text": ["hi ", {"type": "bold", "text": "there"}]}]}
                 ]}}
                """);
        ChatReaders.Loaded l = read(ChatReadOptions.defaults(), f);
        assertEquals(2, l.messages().size());
        assertEquals("Raid A", l.messages().get(0).chat());
        assertEquals("Raid B", l.messages().get(1).chat());
        assertEquals("hi there", l.messages().get(1).text());
        assertEquals(1, l.report().rejected());
        assertTrue(l.report().problems().get(0).reason().startsWith("chats.list[0].messages[1] (message 2): bad time"),
                l.report().problems().get(0).reason());
    }
}
