package org.lockstep.io.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, "nothing lost": leading blank lines of any length and junk above the data never cost a
 * file, and a post id that comes again with other content is a conflict, reported and quarantined,
 * not a silent duplicate.
 */
class NothingLostTest {
    @TempDir Path dir;

    static final String COOR = "object_id,account_id,content_id,timestamp_share\no1,a1,c1,1600000000\no1,a2,c2,1600000005\n";

    private Path write(String name, byte[] content) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, content);
        return f;
    }

    private static byte[] blankLines(int n, String line) {
        return line.repeat(n).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[] a, String b) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(a);
        o.writeBytes(b.getBytes(StandardCharsets.UTF_8));
        return o.toByteArray();
    }

    @Test
    void csvAfter120KiBOfBlankLinesIsReadWithTrueLineNumbers() throws IOException {
        Path f = write("blank.csv", concat(blankLines(120_000, "\n"), COOR + "o1,a3,c3,bad\n"));
        Fixtures.Result r = Fixtures.read(f);
        assertEquals(2, r.posts().size(), r.problems().toString());
        assertEquals(List.of("120004 REJECTED unparseable timestamp 'bad'"), r.problems());
    }

    @Test
    void jsonLinesAfterAMegabyteOfCrlfAndSpacesAreRead() throws IOException {
        Path f = write("blank.jsonl", concat(blankLines(400_000, " \r\n"),
                BadInputTest.tweet("1") + "\n" + BadInputTest.tweet("2") + "\n{bad\n"));
        Fixtures.Result r = Fixtures.read(f);
        assertEquals(2, r.posts().size());
        assertEquals(400_003, r.report().problems().get(0).line());
    }

    @Test
    void aJsonDocumentAfterBlankLinesInGzipIsRead() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(b)) {
            gz.write(blankLines(100_000, "\n"));
            gz.write(("[" + BadInputTest.tweet("1") + ",\n" + BadInputTest.tweet("2") + "]\n").getBytes(StandardCharsets.UTF_8));
        }
        Fixtures.Result r = Fixtures.read(write("doc.json.gz", b.toByteArray()));
        assertEquals(2, r.posts().size(), r.problems().toString());
    }

    @Test
    void onlyBlankLinesBeyondThePeekIsStillAnEmptyFileWarning() throws IOException {
        Fixtures.Result r = Fixtures.read(write("blank.txt", blankLines(200_000, "\n")));
        assertEquals(0, r.posts().size());
        assertEquals(List.of("0 WARNING empty file (only 200000 blank lines)"), r.problems());
    }

    @Test
    void junkAboveACsvHeaderIsRejectedLineByLineAndTheRowsAreRead() throws IOException {
        Path q = dir.resolve("q.jsonl");
        Path f = write("junk.csv", ("Export of 2020-09-13 by someone\n\nnotes: none\n" + COOR).getBytes(StandardCharsets.UTF_8));
        Fixtures.Result r = Fixtures.read(ReadOptions.defaults().withQuarantine(q), f);
        assertEquals(2, r.posts().size(), r.problems().toString());
        assertEquals(List.of("1 REJECTED not a record: text before the data (which starts on line 4)",
                "3 REJECTED not a record: text before the data (which starts on line 4)"), r.problems());
        assertEquals(4, r.report().records(), "every record is a post or a rejection (found by fuzzing)");
        List<String> lines = Files.readAllLines(q).stream().filter(s -> !s.isBlank()).toList();
        assertEquals(2, lines.size());
        assertEquals("Export of 2020-09-13 by someone", Readers.MAPPER.readTree(lines.get(0)).get("raw").asText());
    }

    @Test
    void junkAboveJsonLinesIsRejectedAndTheTweetsAreRead() throws IOException {
        Path f = write("junk.jsonl", ("# captured with a script\n" + BadInputTest.tweet("1") + "\n"
                + BadInputTest.tweet("2") + "\n").getBytes(StandardCharsets.UTF_8));
        Fixtures.Result r = Fixtures.read(f);
        assertEquals(2, r.posts().size(), r.problems().toString());
        assertEquals(1, r.report().rejected());
    }

    @Test
    void aHeaderlessUnknownCsvStillFailsWithItsColumnsNamed() throws IOException {
        Fixtures.Result r = Fixtures.read(write("unknown.csv", "a,b,c\n1,2,3\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, r.report().filesFailed());
        assertTrue(r.problems().get(0).contains("columns: a,b,c"), r.problems().toString());
    }

    @Test
    void conflictingDuplicatesAreCountedApartReportedAndQuarantined() throws IOException {
        Path q = dir.resolve("q.jsonl");
        Path a = write("a.jsonl", (BadInputTest.tweet("1") + "\n" + BadInputTest.tweet("2") + "\n"
                + BadInputTest.tweet("1") + "\n" + BadInputTest.tweet("2", "42", "amp1", "changed") + "\n")
                .getBytes(StandardCharsets.UTF_8));
        for (boolean keepText : new boolean[] {true, false}) {
            Files.deleteIfExists(q);
            Readers.Loaded l = Readers.table(List.of(a.toString()), ReadOptions.defaults().withQuarantine(q), keepText, p -> {});
            assertEquals(2, l.table().size());
            assertEquals(keepText ? 1 : 2, l.duplicates(), "exact repeats");
            assertEquals(keepText ? 1 : 0, l.conflicts(), "repeats with other text");
            if (!keepText) continue;
            Problem p = l.report().problems().get(0);
            assertEquals(a.toString(), p.file());
            assertEquals(4, p.line());
            assertTrue(p.reason().startsWith("conflicting duplicate: twitter post 2 came before with another text"), p.reason());
            JsonNode n = Readers.MAPPER.readTree(Files.readAllLines(q).get(0));
            assertEquals("changed", n.get("raw").asText().contains("changed") ? "changed" : n.toString());
            assertEquals(4, n.get("line").asInt());
        }
    }

    @Test
    void aConflictInAnotherAccountOrTimeIsFoundWithoutText() throws IOException {
        Path a = write("a.jsonl", (BadInputTest.tweet("1") + "\n" + BadInputTest.tweet("1", "43", "other", "hello") + "\n")
                .getBytes(StandardCharsets.UTF_8));
        Readers.Loaded l = Readers.table(List.of(a.toString()), ReadOptions.defaults(), false, p -> {});
        assertEquals(1, l.conflicts());
        assertEquals(0, l.duplicates());
        assertTrue(l.report().problems().get(0).reason().contains("another account"), l.report().problems().toString());
    }

    @Test
    void aJunkLineFullOfNulBytesIsRejectedAloneNotTakenForABinaryFile() throws IOException {
        // found by ReadersFuzzTest: the NULs made the whole file "binary" and both good rows were lost
        String junk = "# m" + "\0".repeat(600) + "reply_id";
        Path f = write("nul.csv", ("message_id,user_id,username,repost_id,reply_id,message,timestamp,urls\n"
                + "111,u1,a,,,text,1610870193,\n" + junk + "\n222,u1,a,,,text,1610870193,\n").getBytes(StandardCharsets.UTF_8));
        Fixtures.Result r = Fixtures.read(f);
        assertEquals(List.of("111", "222"), r.posts().stream().map(p -> p.id()).toList(), r.problems().toString());
        assertEquals(1, r.report().rejected());
        assertEquals(0, r.report().filesFailed());
    }

    @Test
    void aJsonLineStartingWithNulBytesIsRejectedAloneNotTheRestOfTheFile() throws IOException {
        // found by ReadersFuzzTest: Jackson took the NULs for UTF-32, threw an IOException and the read stopped
        String junk = "\0\0\0\0\0\0\0\0\0\uFFFD\uFFFD\uFFFD\u0004\0\0\0\0\0\0\0\0\u0010\u0010";
        Path f = write("nul.jsonl", (BadInputTest.tweet("111") + "\n" + junk + "\n" + BadInputTest.tweet("222") + "\n")
                .getBytes(StandardCharsets.UTF_8));
        Fixtures.Result r = Fixtures.read(f);
        assertEquals(List.of("111", "222"), r.posts().stream().map(p -> p.id()).toList(), r.problems().toString());
        assertEquals(1, r.report().rejected());
        assertTrue(r.problems().get(0).startsWith("2 REJECTED invalid JSON"), r.problems().toString());
    }
}
