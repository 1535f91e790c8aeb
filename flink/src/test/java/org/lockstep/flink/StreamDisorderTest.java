package org.lockstep.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.lockstep.core.coord.Coordination;
import org.lockstep.core.coord.CoordinationConfig;
import org.lockstep.core.coord.CoordinationResult;
import org.lockstep.core.model.Post;
import org.lockstep.core.model.PostTable;
import org.lockstep.core.stream.PostCodec;
import org.lockstep.core.stream.StreamEvaluator;
import org.lockstep.flink.Events.PostEnvelope;

/**
 * Out-of-order arrival within the watermark bound changes nothing (the network equals batch on the same
 * posts); posts later than the bound are reported as late and left out (the network equals batch without
 * them); poison records are reported and skipped, and the job keeps running.
 */
class StreamDisorderTest {

    record NetworkFinisher(String dir) implements Finisher {
        @Override
        public void finish(StreamEvaluator.Final f, Counts counts) throws Exception {
            Files.write(Path.of(dir, "edges.txt"), StreamTestData.edges(f.result().coordination()), StandardCharsets.UTF_8);
            Files.writeString(Path.of(dir, "late.count"), String.valueOf(counts.late()));
            Files.writeString(Path.of(dir, "posts.count"), String.valueOf(counts.posts()));
        }
    }

    @Test
    void outOfOrderLateAndPoison() throws Exception {
        Path dir = StreamTestData.dir("disorder");
        Path input = StreamTestData.election(dir, 10_000, 0.5, 9);
        List<PostEnvelope> read = StreamJob.read(List.of(input.toString()), p -> {});
        Random rnd = new Random(1);
        // arrival = time + up to 20 s of delay: out of order, within the 30 s bound
        List<long[]> order = new ArrayList<>();
        for (int i = 0; i < read.size(); i++) order.add(new long[] {read.get(i).time + rnd.nextInt(20_000), i});
        order.sort(Comparator.comparingLong((long[] x) -> x[0]).thenComparingLong(x -> x[1]));
        List<PostEnvelope> arrivals = new ArrayList<>();
        List<Post> analysed = new ArrayList<>();
        for (long[] o : order) {
            PostEnvelope e = read.get((int) o[1]);
            arrivals.add(new PostEnvelope(arrivals.size(), e.time, e.post));
            analysed.add(PostCodec.decode(e.post));
        }
        // three posts an hour behind the stream, arriving at the end: late; two undecodable records
        int late = 3;
        for (int k = 0; k < late; k++) {
            Post p = analysed.get(analysed.size() - 1 - k * 50);
            Post old = new Post(p.platform(), "late" + k, p.accountId(), p.handle(), p.timeMs() - 3_600_000, p.kind(), p.text(),
                    p.lang(), p.repostOf(), p.replyTo(), p.quoteOf(), p.urls(), p.hashtags(), p.mentions(), p.media(), p.account());
            arrivals.add(new PostEnvelope(arrivals.size(), old.timeMs(), PostCodec.encode(old)));
        }
        arrivals.add(arrivals.size() / 2, new PostEnvelope(-1, 0, new byte[] {1, 2, 3}));
        arrivals.add(arrivals.size() / 3, new PostEnvelope(-2, 0, "not a post".getBytes(StandardCharsets.UTF_8)));

        PostTable.Builder b = PostTable.builder();
        for (Post p : analysed) b.add(p);
        CoordinationResult batch = Coordination.detect(b.build(), CoordinationConfig.builder().build());
        assertTrue(batch.edges().size() > 5);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        Path out = Files.createDirectories(dir.resolve("out"));
        // the late posts come last, after a pause: watermarks are periodic (every 200 ms of wall time), so without
        // it a fast run could deliver them before any watermark passed and nothing would be late
        long firstLate = analysed.size();
        StreamJob.build(env, StreamJob.source(env, arrivals, 0).map(new PauseBefore(firstLate)).setParallelism(1)
                        .returns(org.apache.flink.api.common.typeinfo.TypeInformation.of(PostEnvelope.class)),
                Settings.defaults().withTickMs(15 * 60_000L), out, new NetworkFinisher(out.toString()));
        env.execute("disorder");

        assertEquals(StreamTestData.edges(batch), new TreeSet<>(Files.readAllLines(out.resolve("edges.txt"))));
        assertEquals(String.valueOf(late), Files.readString(out.resolve("late.count")));
        assertEquals(late, Files.readAllLines(out.resolve("late.txt")).size());
        List<String> problems = Files.readAllLines(out.resolve("problems.txt"));
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(l -> l.startsWith("record -1: skipped")), problems.toString());
    }

    /** Waits 3 s before the record with sequence number {@code seq}, once. */
    static final class PauseBefore implements org.apache.flink.api.common.functions.MapFunction<PostEnvelope, PostEnvelope> {
        private final long seq;

        PauseBefore(long seq) {
            this.seq = seq;
        }

        @Override
        public PostEnvelope map(PostEnvelope e) throws Exception {
            if (e.seq == seq) Thread.sleep(3_000);
            return e;
        }
    }
}
