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
}
