package org.lockstep.io.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lockstep.core.model.Post;
import org.lockstep.core.model.PostKind;

/**
 * The bad-input corpus of issue 2: every case asserts how many good posts survive, how many records
 * are rejected, and the reported line numbers and reasons.
 */
class BadInputTest {
    @TempDir Path dir;

    /** A minimal v1.1 tweet; 2017-05-05T18:04:11Z = 1494007451 (date -u -d @1494007451). */
    static String tweet(String id, String user, String handle, String text) {
        return "{\"created_at\":\"Fri May 05 18:04:11 +0000 2017\",\"id_str\":\"" + id + "\",\"text\":\"" + text
                + "\",\"user\":{\"id_str\":\"" + user + "\",\"screen_name\":\"" + handle + "\"}}";
    }

    static String tweet(String id) {
        return tweet(id, "42", "amp1", "hello");
    }

    static final String TOOLKIT_HEADER = "message_id,user_id,username,repost_id,reply_id,message,timestamp,urls";

    private Path write(String name, String content) throws IOException {
        return write(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String name, byte[] content) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, content);
        return f;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) o.writeBytes(p);
        return o.toByteArray();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void truncatedGzipKeepsEveryCompleteLineBeforeTheCut() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int flushed;
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes, true)) {
            for (int i = 0; i < 10; i++) gz.write(utf8(tweet(String.valueOf(100 + i)) + "\n"));
            gz.flush(); // a sync flush: the first 10 lines are complete in the bytes so far
            flushed = bytes.size();
            for (int i = 10; i < 20; i++) gz.write(utf8(tweet(String.valueOf(100 + i)) + "\n"));
        }
        Path f = write("cut.jsonl.gz", Arrays.copyOf(bytes.toByteArray(), flushed));
        Fixtures.Result r = Fixtures.read(f);
        assertEquals(10, r.posts().size());
        assertEquals(1, r.report().rejected());
        Problem p = r.report().problems().get(0);
        assertEquals(11, p.line());
        assertTrue(p.reason().startsWith("input ends early (truncated compressed stream)"), p.reason());
        assertTrue(p.reason().endsWith("the 10 lines before it were read"), p.reason());
    }

    @Test
    void invalidUtf8IsReplacedAndWarnedNotRejected() throws IOException {
        byte[] bad = concat(utf8(tweet("1") + "\n"), utf8("{\"created_at\":\"Fri May 05 18:04:11 +0000 2017\",\"id_str\":\"2\",\"text\":\"caf"),
                new byte[] {(byte) 0xC3, (byte) 0x28}, utf8("\",\"user\":{\"id_str\":\"42\"}}\n"));
        Fixtures.Result r = Fixtures.read(write("u.jsonl", bad));
        assertEquals(2, r.posts().size());
        assertEquals(0, r.report().rejected());
        assertEquals(List.of("2 WARNING invalid UTF-8 replaced by U+FFFD"), r.problems());
        assertEquals("caf\uFFFD(", r.post("2").text());

        byte[] csv = concat(utf8(TOOLKIT_HEADER + "\n1,u1,a,,,ok,1600000000,\n2,u2,b,,,x"), new byte[] {(byte) 0xFF},
                utf8("y,1600000001,\n"));
        Fixtures.Result c = Fixtures.read(write("u.csv", csv));
        assertEquals(2, c.posts().size());
        assertEquals(List.of("3 WARNING invalid UTF-8 replaced by U+FFFD"), c.problems());
        assertEquals("x\uFFFDy", c.post("2").text());
    }

    @Test
    void bomAndCrlfAreInvisible() throws IOException {
        String csv = "\uFEFF" + TOOLKIT_HEADER + "\r\n1,u1,alice,,,\"two\r\nlines\",1600000000,https://a.example/x\r\n"
                + "2,u2,bob,1,,rt,1600000001,\r\n";
        Fixtures.Result r = Fixtures.read(write("bom.csv", csv));
        assertEquals(2, r.posts().size());
        assertEquals(0, r.report().rejected());
        assertEquals("two\nlines", r.post("1").text());
        assertEquals(List.of("https://a.example/x"), r.post("1").urls());
        assertEquals(1600000001000L, r.post("2").timeMs());
        assertEquals(PostKind.REPOST, r.post("2").kind());

        Fixtures.Result j = Fixtures.read(write("bom.jsonl", "\uFEFF" + tweet("1") + "\r\n" + tweet("2") + "\r\n"));
        assertEquals(2, j.posts().size());
        assertEquals(0, j.report().rejected());
        assertEquals(2L, j.report().postsByFormat().get("twitter-v1"));
    }

    @Test
    void nulBytesRejectOnlyTheirRecord() throws IOException {
        Fixtures.Result j = Fixtures.read(write("nul.jsonl", tweet("1") + "\n" + tweet("2", "42", "a", "x\u0000y") + "\n" + tweet("3") + "\n"));
        assertEquals(2, j.posts().size());
        assertEquals(1, j.report().rejected());
        Problem p = j.report().problems().get(0);
        assertEquals(2, p.line());
        assertTrue(p.reason().startsWith("invalid JSON: Illegal unquoted character ((CTRL-CHAR, code 0))"), p.reason());

        Fixtures.Result c = Fixtures.read(write("nul.csv", TOOLKIT_HEADER + "\n1,u,a,,,ok,1600000000,\n2,u,a,,,x\u0000y,1600000000,\n3,u,a,,,ok,1600000000,\n"));
        assertEquals(2, c.posts().size());
        assertEquals(List.of("3 REJECTED NUL byte in record"), c.problems());
    }

    @Test
    void a50MegabyteLineIsSkippedWithoutBeingHeldAndTheNextLineSurvives() throws IOException {
        Path f = dir.resolve("huge.jsonl");
        int size = 50 << 20;
        try (OutputStream o = Files.newOutputStream(f)) {
            o.write(utf8(tweet("1") + "\n"));
            byte[] prefix = utf8("{\"created_at\":\"Fri May 05 18:04:11 +0000 2017\",\"id_str\":\"2\",\"text\":\"");
            o.write(prefix);
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'a');
            int written = prefix.length;
            while (written + chunk.length <= size) {
                o.write(chunk);
                written += chunk.length;
            }
            byte[] tail = new byte[size - written];
            Arrays.fill(tail, (byte) 'a');
            o.write(tail);
            o.write('\n');
            o.write(utf8(tweet("3") + "\n"));
        }
        Fixtures.Result r = Fixtures.read(f);
        assertEquals(List.of("1", "3"), r.posts().stream().map(Post::id).toList());
        assertEquals(List.of("2 REJECTED line of 52428800 bytes is longer than the limit of 16777216 bytes"), r.problems());

        // the same as a CSV record
        Path c = dir.resolve("huge.csv");
        try (OutputStream o = Files.newOutputStream(c)) {
            o.write(utf8(TOOLKIT_HEADER + "\n1,u,a,,,ok,1600000000,\n2,u,a,,,"));
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'b');
            for (int i = 0; i < 50; i++) o.write(chunk);
            o.write(utf8(",1600000000,\n3,u,a,,,ok,1600000000,\n"));
        }
        Fixtures.Result rc = Fixtures.read(c);
        assertEquals(List.of("1", "3"), rc.posts().stream().map(Post::id).toList());
        // "2,u,a,,," is 8 bytes, 50 MiB of b, ",1600000000," is 12 bytes
        assertEquals(List.of("3 REJECTED line of " + (8 + (50 << 20) + 12) + " bytes is longer than the limit of 16777216 bytes"),
                rc.problems());
    }

    @Test
    void emptyAndBlankFilesAreWarningsNotFailures() throws IOException {
        Fixtures.Result r = Fixtures.read(write("empty.jsonl", ""), write("blank.csv", "\n \r\n\t\n"));
        assertEquals(0, r.posts().size());
        assertEquals(0, r.report().rejected());
        assertEquals(0, r.report().filesFailed());
        assertEquals(List.of("0 WARNING empty file", "0 WARNING empty file (only blank lines)"), r.problems());
    }

    @Test
    void validJsonThatIsNoPost() throws IOException {
        String in = tweet("1") + "\n{\"hello\":1,\"a\":2,\"b\":3,\"c\":4,\"d\":5,\"e\":6,\"f\":7}\n42\nnull\n\"text\"\n[1,2]\n[]\n"
                + "{\"delete\":{\"status\":{\"id_str\":\"9\"}}}\n" + tweet("2") + "\n";
        Fixtures.Result r = Fixtures.read(write("np.jsonl", in));
        assertEquals(2, r.posts().size());
        assertEquals(List.of(
                "2 REJECTED valid JSON but not a post of any known format (keys: hello, a, b, c, d, e, ...)",
                "3 REJECTED JSON number is not a post object",
                "4 REJECTED JSON null is not a post object",
                "5 REJECTED JSON string is not a post object",
                "6 REJECTED JSON number is not a post object",
                "6 REJECTED JSON number is not a post object",
                "7 REJECTED empty JSON array, no post",
                "8 REJECTED stream control message, not a post"), r.problems());
        assertEquals(8, r.report().rejected());
        assertEquals(10, r.report().records(), "9 lines; the array [1,2] is two records");
    }

    @Test
    void missingRequiredFieldsAndWrongTypes() throws IOException {
        String in = String.join("\n",
                "{\"created_at\":\"Fri May 05 18:04:11 +0000 2017\",\"text\":\"no id\",\"user\":{\"id_str\":\"42\"}}",
                "{\"id_str\":\"2\",\"text\":\"no time\",\"user\":{\"id_str\":\"42\"}}",
                "{\"created_at\":\"Fri May 05 18:04:11 +0000 2017\",\"id_str\":\"3\",\"text\":\"no user id\",\"user\":{\"screen_name\":\"x\"}}",
                "{\"created_at\":\"Fri May 05 18:04:11 +0000 2017\",\"id_str\":{\"x\":1},\"text\":\"id is an object\",\"user\":{\"id_str\":\"42\"}}",
                "{\"created_at\":[2017],\"id_str\":\"5\",\"text\":\"time is an array\",\"user\":{\"id_str\":\"42\"}}",
                "{\"created_at\":\"Fri May 05 18:04:11 +0000 2017\",\"id_str\":\"6\",\"text\":\"user is a string\",\"user\":\"42\"}",
                "{\"created_at\":\"Fri May 05 18:04:11 +0000 2017\",\"id\":7,\"text\":1,\"user\":{\"id\":42,\"followers_count\":\"many\"},"
                        + "\"entities\":{\"hashtags\":\"notalist\",\"urls\":[1,{\"expanded_url\":5}]}}",
                "{\"created_at\":\"Fri May 05 18:04:11 +0000 2017\",\"id_str\":\"8\",\"user\":{\"id_str\":\"42\"},\"retweeted_status\":{\"text\":\"x\"}}",
                "");
        Fixtures.Result r = Fixtures.read(write("m.jsonl", in));
        assertEquals(List.of(
                "1 REJECTED missing id_str or id",
                "2 REJECTED missing created_at",
                "3 REJECTED missing id_str or id",
                "4 REJECTED missing id_str or id",
                "5 REJECTED wrong type for created_at",
                "6 REJECTED missing user object",
                "8 REJECTED missing id_str or id"), r.problems());
        // wrong types in optional fields make them absent, not the post bad
        assertEquals(1, r.posts().size());
        Post p = r.posts().get(0);
        assertEquals("7", p.id());
        assertEquals("42", p.accountId());
        assertEquals("1", p.text(), "a number where text belongs is read as its digits");
        assertEquals(List.of(), p.hashtags());
        assertEquals(List.of(), p.urls());
        assertEquals(Long.MIN_VALUE, p.account().followers());
    }

    @Test
    void impossibleAndUnparseableTimestampsRejectTheirRecord() throws IOException {
        String csv = TOOLKIT_HEADER + "\n"
                + "1,u,a,,,ok,2017-02-30 10:00:00,\n"
                + "2,u,a,,,ok,1970-01-01T00:00:00Z,\n"
                + "3,u,a,,,ok,2999-01-01T00:00:00Z,\n"
                + "4,u,a,,,ok,soon,\n"
                + "5,u,a,,,ok,,\n"
                + "6,u,a,,,ok,Wed Oct 10 20:19:24 +0000 2018,\n"
                + "7,u,a,,,ok,2018-10-10T20:19:24.123Z,\n"
                + "8,u,a,,,ok,1539202764123,\n"
                + "9,u,a,,,ok,10/10/2018 20:19,\n"
                + "10,u,a,,,ok,\"Wed, 10 Oct 2018 20:19:24 GMT\",\n";
        Fixtures.Result r = Fixtures.read(write("t.csv", csv));
        assertEquals(List.of(
                "2 REJECTED unparseable or impossible timestamp '2017-02-30 10:00:00'",
                "3 REJECTED impossible timestamp '1970-01-01T00:00:00Z' (before 1990)",
                "4 REJECTED impossible timestamp '2999-01-01T00:00:00Z' (in the future)",
                "5 REJECTED unparseable timestamp 'soon'",
                "6 REJECTED missing timestamp"), r.problems());
        assertEquals(List.of(1539202764000L, 1539202764123L, 1539202764123L, 1539202740000L, 1539202764000L),
                r.posts().stream().map(Post::timeMs).toList());
    }

    @Test
    void duplicatePostIdsAreStoredOnce() throws IOException {
        Path a = write("a.jsonl", tweet("1") + "\n" + tweet("2") + "\n" + tweet("1") + "\n");
        Path b = write("b.jsonl", tweet("2") + "\n");
        Readers.Loaded l = Readers.table(List.of(a.toString(), b.toString()), ReadOptions.defaults(), false, p -> {});
        assertEquals(4, l.report().records());
        assertEquals(4, l.report().posts());
        assertEquals(2, l.table().size());
        assertEquals(2, l.duplicates());
        assertEquals(0, l.report().rejected());
    }

    @Test
    void csvEmbeddedQuotesAndNewlines() throws IOException {
        String csv = TOOLKIT_HEADER + "\n"
                + "1,u1,a,,,\"He said \"\"vote\"\", then,\nleft\n\nfor good\",1600000000,\n"
                + "2,u2,b,,,\"\"\"\",1600000000,\n"
                + "3,u3,c,,,plain,1600000000,\n";
        Fixtures.Result r = Fixtures.read(write("q.csv", csv));
        assertEquals(3, r.posts().size());
        assertEquals(0, r.report().rejected());
        assertEquals("He said \"vote\", then,\nleft\n\nfor good", r.post("1").text());
        assertEquals("\"", r.post("2").text());
        assertEquals(3, r.report().records());
    }

    @Test
    void wrongColumnCountRejectsTheRow() throws IOException {
        String csv = TOOLKIT_HEADER + "\n1,u,a,,,ok,1600000000,\n2,u,a,,ok,1600000000\n3,u,a,,,ok,1600000000,,extra\n4,u,a,,,ok,1600000000,\n";
        Fixtures.Result r = Fixtures.read(write("w.csv", csv));
        assertEquals(List.of("1", "4"), r.posts().stream().map(Post::id).toList());
        assertEquals(List.of("3 REJECTED expected 8 columns, found 6", "4 REJECTED expected 8 columns, found 9"), r.problems());
    }

    @Test
    void aStrayQuoteCostsOneRecordNotTheRestOfTheFile() throws IOException {
        // line 3 opens a quote it never closes; line 5 has a quoted field that would close it
        String csv = TOOLKIT_HEADER + "\n"
                + "1,u,a,,,ok,1600000000,\n"
                + "2,u,a,,,\"stray,1600000000,\n"
                + "3,u,a,,,ok,1600000000,\n"
                + "4,u,a,,,\"quoted, fine\",1600000000,\n"
                + "5,u,a,,,ok,1600000000,\n";
        Fixtures.Result r = Fixtures.read(write("s.csv", csv));
        assertEquals(List.of("1", "3", "4", "5"), r.posts().stream().map(Post::id).toList());
        assertEquals(1, r.report().rejected());
        Problem p = r.report().problems().get(0);
        assertEquals(3, p.line());
        assertTrue(p.reason().startsWith("stray quote: a quoted field runs over 2 more lines"), p.reason());

        // a quote that never closes before the end of input
        Fixtures.Result end = Fixtures.read(write("s2.csv", TOOLKIT_HEADER + "\n1,u,a,,,\"never,1600000000,\n2,u,a,,,ok,1600000000,\n"));
        assertEquals(List.of("2"), end.posts().stream().map(Post::id).toList());
        assertEquals(List.of("2 REJECTED quoted field not closed before the end of input"), end.problems());

        // and one that runs over the multi-line limit
        StringBuilder sb = new StringBuilder(TOOLKIT_HEADER + "\n1,u,a,,,\"open,1600000000,\n");
        for (int i = 0; i < 300; i++) sb.append(100 + i).append(",u,a,,,ok,1600000000,\n");
        Fixtures.Result lim = Fixtures.read(ReadOptions.defaults(), write("s3.csv", sb.toString()));
        assertEquals(300, lim.posts().size());
        assertEquals(List.of("2 REJECTED quoted field not closed within 200 lines"), lim.problems());
    }

    @Test
    void mixedFormatsInOneDirectory() throws IOException {
        Path d = Files.createDirectory(dir.resolve("mixed"));
        Files.writeString(d.resolve("a_v1.jsonl"), tweet("1") + "\n" + tweet("2") + "\n");
        Files.writeString(d.resolve("b_coortweet.csv"), "object_id,account_id,content_id,timestamp_share\nhttps://x.example,u1,c1,1600000000\n");
        Files.copy(Fixtures.fixture("mastodon/statuses.json"), d.resolve("c_mastodon.json"));
        Files.copy(Fixtures.fixture("telegram/result.json"), d.resolve("d_telegram.json"));
        Files.copy(Fixtures.fixture("bluesky/jetstream.jsonl"), d.resolve("e_bluesky.jsonl"));
        Files.write(d.resolve("f_image.png"), png());
        Files.writeString(d.resolve("g_empty.txt"), "");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(d.resolve("h_toolkit.csv.gz")))) {
            o.write(utf8(TOOLKIT_HEADER + "\n1,u1,a,,,hi,1600000000,\n"));
        }
        Fixtures.Result r = Fixtures.read(d);
        assertEquals(8, r.report().files());
        assertEquals(1, r.report().filesFailed());
        assertEquals(2L, r.report().postsByFormat().get("twitter-v1"));
        assertEquals(1L, r.report().postsByFormat().get("coortweet-csv"));
        assertEquals(2L, r.report().postsByFormat().get("mastodon"));
        assertEquals(3L, r.report().postsByFormat().get("telegram"));
        assertEquals(4L, r.report().postsByFormat().get("bluesky-jetstream"));
        assertEquals(1L, r.report().postsByFormat().get("toolkit-csv"));
        assertEquals(13, r.posts().size());
        assertEquals(6, r.report().rejected(), "2 Telegram + 4 Bluesky non-posts");
        assertTrue(r.report().problems().stream().anyMatch(p -> p.file().endsWith("f_image.png")
                && p.reason().equals("not a text file (binary content)")));
    }

    /** A 1x1 PNG (signature, IHDR, IDAT, IEND). */
    static byte[] png() {
        int[] b = {0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1,
            8, 6, 0, 0, 0, 0x1F, 0x15, 0xC4, 0x89, 0, 0, 0, 0x0A, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0, 1, 0, 0, 5, 0,
            1, 0x0D, 0x0A, 0x2D, 0xB4, 0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82};
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) out[i] = (byte) b[i];
        return out;
    }

    @Test
    void filesThatAreNotTextFailAlone() throws IOException {
        byte[] random = new byte[8192];
        new Random(7).nextBytes(random);
        random[0] = 0x01; // never the gzip magic
        Path good = write("good.jsonl", tweet("1") + "\n");
        Fixtures.Result r = Fixtures.read(write("random.bin", random), write("x.png", png()), good);
        assertEquals(1, r.posts().size());
        assertEquals(2, r.report().filesFailed());
        assertEquals(List.of("0 FILE_FAILED not a text file (binary content)", "0 FILE_FAILED not a text file (binary content)"),
                r.problems());
    }

    @Test
    void utf16FilesWithAndWithoutBom() throws IOException {
        String csv = TOOLKIT_HEADER + "\r\n1,u1,zoë,,,Grüße #Wahl,1600000000,\r\n";
        Fixtures.Result le = Fixtures.read(write("le.csv", concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, csv.getBytes(StandardCharsets.UTF_16LE))));
        assertEquals(1, le.posts().size());
        assertEquals("Grüße #Wahl", le.posts().get(0).text());
        assertEquals("zoë", le.posts().get(0).handle());
        assertEquals(List.of("wahl"), le.posts().get(0).hashtags());
        Fixtures.Result be = Fixtures.read(write("be.jsonl", concat(new byte[] {(byte) 0xFE, (byte) 0xFF},
                (tweet("1", "42", "a", "Grüße") + "\n").getBytes(StandardCharsets.UTF_16BE))));
        assertEquals("Grüße", be.posts().get(0).text());
        Fixtures.Result nobom = Fixtures.read(write("nobom.csv", csv.getBytes(StandardCharsets.UTF_16LE)));
        assertEquals(1, nobom.posts().size());
        assertEquals("Grüße #Wahl", nobom.posts().get(0).text());
        assertEquals(0, le.report().rejected() + be.report().rejected() + nobom.report().rejected());
    }

    @Test
    void scriptTagsAndSpreadsheetFormulasAreKeptVerbatimAsData() throws IOException {
        String evil = "<script>alert(document.cookie)</script> =cmd|' /C calc'!A0 +SUM(1) @SUM(1) -2+3 =HYPERLINK(\\\"http://e.example\\\")";
        Fixtures.Result j = Fixtures.read(write("x.jsonl", tweet("1", "42", "<b>x</b>", evil) + "\n"));
        assertEquals("<script>alert(document.cookie)</script> =cmd|' /C calc'!A0 +SUM(1) @SUM(1) -2+3 =HYPERLINK(\"http://e.example\")",
                j.posts().get(0).text());
        assertEquals("<b>x</b>", j.posts().get(0).handle());
        String csv = TOOLKIT_HEADER + "\n=1+1,u,\"=HYPERLINK(\"\"http://e.example\"\",\"\"x\"\")\",,,<img src=x onerror=alert(1)>,1600000000,\n";
        Fixtures.Result c = Fixtures.read(write("x.csv", csv));
        Post p = c.posts().get(0);
        assertEquals("=1+1", p.id());
        assertEquals("=HYPERLINK(\"http://e.example\",\"x\")", p.handle());
        assertEquals("<img src=x onerror=alert(1)>", p.text());
    }

    @Test
    void homoglyphHandlesStayDistinct() throws IOException {
        String latin = "paypal";
        String cyrillic = "p\u0430ypal"; // U+0430 CYRILLIC SMALL LETTER A
        Fixtures.Result r = Fixtures.read(write("h.jsonl", tweet("1", "10", latin, "a") + "\n" + tweet("2", "11", cyrillic, "b @" + cyrillic) + "\n"));
        assertEquals(2, r.posts().size());
        assertEquals(latin, r.post("1").handle());
        assertEquals(cyrillic, r.post("2").handle());
        assertNotEquals(r.post("1").handle(), r.post("2").handle());
        assertEquals(0x430, r.post("2").handle().codePointAt(1));
    }

    @Test
    void quarantineKeepsTheRawRejectedRecords() throws IOException {
        Path q = dir.resolve("q/rejected.jsonl");
        Path f = write("in.jsonl", tweet("1") + "\n{broken\n" + tweet("2") + "\n");
        Fixtures.Result r = Fixtures.read(ReadOptions.defaults().withQuarantine(q), f);
        assertEquals(2, r.posts().size());
        List<String> lines = Files.readAllLines(q).stream().filter(s -> !s.isBlank()).toList();
        assertEquals(1, lines.size());
        JsonNode n = Readers.MAPPER.readTree(lines.get(0));
        assertEquals(f.toString(), n.get("file").asText());
        assertEquals(2, n.get("line").asInt());
        assertEquals("{broken", n.get("raw").asText());
        assertTrue(n.get("reason").asText().startsWith("invalid JSON"));
    }

    @Test
    void maxErrorsStopsReading() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 5; i++) sb.append("{bad\n");
        Path f = write("e.jsonl", tweet("1") + "\n" + sb);
        List<Post> posts = new ArrayList<>();
        TooManyErrorsException e = assertThrows(TooManyErrorsException.class,
                () -> Readers.read(List.of(f.toString()), ReadOptions.defaults().withMaxErrors(2), posts::add, p -> {}));
        assertEquals(3, e.report().rejected());
        assertEquals(1, posts.size());
    }
}
