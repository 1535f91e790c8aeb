package org.lockstep.io.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lockstep.core.model.Post;

/** Reading on a second thread must give exactly what reading on one gives, and fail the same way. */
class PipelinedReadTest {
    @TempDir Path dir;

    private Path csv(int rows, int badEvery) throws IOException {
        StringBuilder sb = new StringBuilder("object_id,account_id,content_id,timestamp_share\n");
        for (int i = 0; i < rows; i++) {
            if (badEvery > 0 && i % badEvery == 0) sb.append("o,a,c").append(i).append(",not-a-time\n");
            else sb.append("o").append(i % 97).append(",a").append(i % 31).append(",c").append(i).append(',').append(1600000000 + i).append('\n');
        }
        Path f = dir.resolve("rows.csv");
        Files.writeString(f, sb.toString());
        return f;
    }

    @Test
    void postsArriveInInputOrderWithTheSameCounts() throws IOException {
        Path f = csv(20_000, 1000);
        List<String> single = new ArrayList<>();
        ReadReport one = Readers.read(List.of(f.toString()), ReadOptions.defaults(), p -> single.add(p.id()), p -> {});
        List<String> piped = new ArrayList<>();
        List<Long> problemLines = new ArrayList<>();
        ReadReport two = Readers.readPipelined(List.of(f.toString()), ReadOptions.defaults(), p -> piped.add(p.id()),
                p -> problemLines.add(p.line()));
        assertEquals(single, piped);
        assertEquals(20_000 - 20, piped.size()); // every 1000th row has a bad timestamp
        assertEquals(one.records(), two.records());
        assertEquals(one.rejected(), two.rejected());
        assertEquals(20, problemLines.size());
        assertEquals(2L, problemLines.get(0)); // row 0 is on line 2, after the header
    }

    @Test
    void aFailingSinkStopsTheReaderWithoutHanging() throws IOException {
        Path f = csv(200_000, 0);
        int[] seen = {0};
        IllegalArgumentException e = assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
                assertThrows(IllegalArgumentException.class, () -> Readers.readPipelined(List.of(f.toString()),
                        ReadOptions.defaults(), (Post p) -> {
                            if (++seen[0] == 5000) throw new IllegalArgumentException("table full");
                        }, p -> {})));
        assertEquals("table full", e.getMessage());
        assertEquals(5000, seen[0]);
    }

    @Test
    void tooManyErrorsOnTheReadingThreadReachTheCaller() throws IOException {
        Path f = csv(10_000, 10);
        TooManyErrorsException e = assertThrows(TooManyErrorsException.class, () -> Readers.readPipelined(
                List.of(f.toString()), ReadOptions.defaults().withMaxErrors(5), p -> {}, p -> {}));
        assertEquals(6, e.report().rejected());
    }

    @Test
    void tableThroughTheNumberedPipelineEqualsATableBuiltOnOneThread() throws IOException {
        Path f = csv(60_000, 997);
        org.lockstep.core.model.PostTable.Builder b = org.lockstep.core.model.PostTable.builder(false);
        ReadReport one = Readers.read(List.of(f.toString()), ReadOptions.defaults(), b::add, p -> {});
        org.lockstep.core.model.PostTable want = b.build();
        Readers.Loaded got = Readers.table(List.of(f.toString()), ReadOptions.defaults(), false, p -> {});
        org.lockstep.core.model.PostTable t = got.table();
        assertEquals(want.size(), t.size());
        assertEquals(one.rejected(), got.report().rejected());
        assertEquals(one.problems(), got.report().problems());
        for (int r = 0; r < t.size(); r++) assertEquals(want.post(r), t.post(r), "post of row " + r);
        for (int r = 0; r < t.size(); r++) assertEquals(want.account(r), t.account(r), "account of row " + r);
        for (int r = 0; r < t.size(); r++) assertEquals(want.time(r), t.time(r), "time of row " + r);
        for (int r = 0; r < t.size(); r += 101) {
            assertEquals(want.postId(r), t.postId(r));
            assertEquals(want.accountId(r), t.accountId(r));
        }
    }

    @Test
    void expectedPostsFromSizeAndLineLength() throws IOException {
        Path f = csv(60_000, 0); // about 38 bytes a line, 2.3 MB
        long lines = 60_001;
        int e = Readers.expectedPosts(List.of(f.toString()));
        // 5 % more than the lines, give or take the difference of the first MiB's lines from the mean
        assertEquals(1.05 * lines, e, 0.03 * lines);
        assertEquals(e, Readers.expectedPosts(List.of(dir.toString())), "a directory: its files");
        assertEquals(0, Readers.expectedPosts(List.of("-")), "standard input: unknown");
        assertEquals(0, Readers.expectedPosts(List.of(dir.resolve("missing.csv").toString())));
        Path small = dir.resolve("small");
        Files.createDirectories(small);
        Files.writeString(small.resolve("s.csv"), "a,b\n1,2\n");
        assertEquals(0, Readers.expectedPosts(List.of(small.toString())), "under 1 MiB: no hint needed");
        Path gz = dir.resolve("gz");
        Files.createDirectories(gz);
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz.resolve("r.csv.gz")))) {
            out.write(Files.readAllBytes(f));
            out.write(Files.readAllBytes(f));
            out.write(Files.readAllBytes(f));
        }
        assertEquals(0, Readers.expectedPosts(List.of(gz.toString())), "compressed: unknown");
        Path doc = dir.resolve("doc");
        Files.createDirectories(doc);
        StringBuilder sb = new StringBuilder("[\n");
        while (sb.length() < (2 << 20)) sb.append("  {\n    \"id\": 1\n  },\n");
        Files.writeString(doc.resolve("a.json"), sb.append("]\n"));
        assertEquals(0, Readers.expectedPosts(List.of(doc.toString())), "a JSON document: lines are no posts");
    }
}
