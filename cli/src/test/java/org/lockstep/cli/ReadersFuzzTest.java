package org.lockstep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lockstep.core.domains.ProtectFile;
import org.lockstep.core.model.Post;
import org.lockstep.io.read.Format;
import org.lockstep.io.read.ReadOptions;
import org.lockstep.io.read.ReadReport;
import org.lockstep.io.read.Readers;

/**
 * Coverage-guided fuzzing (Jazzer) of every reader, the protect-file parser and the column-mapping
 * parser. Invariants: no exception ever escapes a reader (bad input is counted, not thrown); a good
 * record among garbage is still read; every record is either a post or a reported rejection; the
 * parsers fail only with their documented exception. Memory stays bounded: inputs are at most 64 KiB
 * and the line limit is 16 KiB, so a runaway allocation fails the test with OutOfMemoryError under
 * the fuzz execution's heap.
 *
 * <p>In a normal build surefire's {@code fuzz} execution (see cli/pom.xml) fuzzes for a bounded time with
 * {@code JAZZER_FUZZ=1} (not in runs with {@code -Dtest=...}; there, and in an IDE, only the seed corpus in
 * {@code src/test/resources/org/lockstep/cli/ReadersFuzzTestInputs/} runs, as regression tests. A finding
 * is written there too, so it stays a test. To fuzz longer: {@code JAZZER_FUZZ=1 mvn -pl io,cli -am test
 * -Dtest=ReadersFuzzTest -Dsurefire.failIfNoSpecifiedTests=false} with a larger {@code maxDuration}.
 */
class ReadersFuzzTest {
    private static final Format[] FORMATS = Format.values();
    private static final String[] HEADERS = {
        "", "object_id,account_id,content_id,timestamp_share\n",
        "message_id,user_id,username,repost_id,reply_id,message,timestamp,urls\n",
        "tweetid,userid,user_screen_name,tweet_text,tweet_time,is_retweet,retweet_tweetid,hashtags,urls\n",
        "external_author_id,author,content,region,language,publish_date,following,followers,post_type\n",
    };
    private static final String GOOD_TWEET = "{\"created_at\":\"Sat Jan 16 08:00:01 +0000 2021\",\"id_str\":\"%s\",\"text\":\"x\","
            + "\"user\":{\"id_str\":\"9\",\"screen_name\":\"a\"}}";
    private static final String TOOLKIT_ROW = "%s,u1,a,,,text,1610870193,\n";
    private static Path file;

    private static Path file() throws IOException {
        if (file == null) file = Files.createTempFile("lockstep-fuzz", ".in");
        return file;
    }

    @FuzzTest(maxDuration = "20s")
    void readersAndParsers(FuzzedDataProvider data) throws IOException {
        int target = data.consumeInt(0, FORMATS.length + HEADERS.length + 3);
        byte[] bytes = data.consumeRemainingAsBytes();
        if (bytes.length > 1 << 16) bytes = Arrays.copyOf(bytes, 1 << 16);
        if (target < FORMATS.length) {
            readRaw(bytes, FORMATS[target]);
        } else if (target < FORMATS.length + HEADERS.length) {
            byte[] h = HEADERS[target - FORMATS.length].getBytes(StandardCharsets.US_ASCII);
            byte[] all = Arrays.copyOf(h, h.length + bytes.length);
            System.arraycopy(bytes, 0, all, h.length, bytes.length);
            readRaw(all, null);
        } else if (target == FORMATS.length + HEADERS.length) {
            goodJsonLinesAroundGarbage(bytes);
        } else if (target == FORMATS.length + HEADERS.length + 1) {
            goodCsvRowsAroundGarbage(bytes);
        } else if (target == FORMATS.length + HEADERS.length + 2) {
            protectFile(bytes);
        } else {
            mapping(bytes);
        }
    }

    /** Any bytes, detected or forced to a format: never an exception, every record accounted for. */
    private static void readRaw(byte[] bytes, Format format) throws IOException {
        Files.write(file(), bytes);
        ReadOptions o = ReadOptions.defaults().withMaxLineBytes(1 << 14);
        if (format != null) o = o.withFormat(format);
        if (format == Format.MAPPED_CSV) o = o.withCsvMapping(InputOptions.parseMapping(List.of("id=a", "account=b", "time=c"), "test"));
        List<Post> posts = new ArrayList<>();
        ReadReport r = Readers.read(List.of(file().toString()), o, posts::add, p -> {});
        assertEquals(posts.size(), r.posts());
        assertTrue(r.records() >= r.rejected(), "more rejections than records");
    }

    /** Garbage on one line (no line break) between two good tweets: both tweets are read. */
    private static void goodJsonLinesAroundGarbage(byte[] bytes) throws IOException {
        String junk = oneLine(bytes);
        String in = String.format(GOOD_TWEET, "111") + "\n" + junk + "\n" + String.format(GOOD_TWEET, "222") + "\n";
        assertReads(in, "111", "222");
    }

    /** Garbage on one line (no line break, no quote) between two good toolkit rows: both rows are read. */
    private static void goodCsvRowsAroundGarbage(byte[] bytes) throws IOException {
        String junk = oneLine(bytes).replace("\"", "");
        String in = HEADERS[2] + String.format(TOOLKIT_ROW, "111") + junk + "\n" + String.format(TOOLKIT_ROW, "222");
        assertReads(in, "111", "222");
    }

    private static void assertReads(String in, String... ids) throws IOException {
        Files.writeString(file(), in);
        List<String> got = new ArrayList<>();
        Readers.read(List.of(file().toString()), ReadOptions.defaults().withMaxLineBytes(1 << 14), p -> got.add(p.id()), p -> {});
        for (String id : ids) assertTrue(got.contains(id), "good record " + id + " lost among garbage: " + got + " in " + in);
    }

    private static String oneLine(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8).replace('\n', ' ').replace('\r', ' ');
    }

    /** The protect-file parser reports problems; it never throws on bad content. */
    private static void protectFile(byte[] bytes) throws IOException {
        ProtectFile.Loaded l = ProtectFile.read(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
        assertTrue(l.entities() != null && l.problems() != null);
    }

    /** The mapping parser accepts a mapping or says why not (IllegalArgumentException), nothing else. */
    private static void mapping(byte[] bytes) {
        List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
        try {
            InputOptions.parseMapping(lines, "fuzz");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage() != null && expected.getMessage().startsWith("fuzz: "), expected.getMessage());
        }
    }
}
