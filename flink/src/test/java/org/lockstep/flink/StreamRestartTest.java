package org.lockstep.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.lockstep.flink.Events.PostEnvelope;

/**
 * Exactly once: a job that fails part-way and restarts from its last checkpoint writes the same alerts,
 * with the same ids, as an uninterrupted run — none lost, none duplicated.
 */
class StreamRestartTest {
    static final AtomicBoolean FAILED = new AtomicBoolean();
    static final AtomicLong SEEN = new AtomicLong();

    /** Slows the replay (so checkpoints complete during it) and fails once after {@code failAt} records. */
    static final class FailOnce implements MapFunction<PostEnvelope, PostEnvelope> {
        private final long failAt;

        FailOnce(long failAt) {
            this.failAt = failAt;
        }

        @Override
        public PostEnvelope map(PostEnvelope e) throws Exception {
            long n = SEEN.incrementAndGet();
            if (n % 8 == 0) Thread.sleep(1);
            if (n == failAt && FAILED.compareAndSet(false, true)) throw new IllegalStateException("killed on purpose at record " + n);
            return e;
        }
    }

    static List<String> run(List<PostEnvelope> posts, Path out, boolean fail) throws Exception {
        Configuration conf = new Configuration();
        conf.setString("restart-strategy.type", "fixed-delay");
        conf.setString("restart-strategy.fixed-delay.attempts", "3");
        conf.setString("restart-strategy.fixed-delay.delay", "100 ms");
        conf.setString("execution.checkpointing.storage", "filesystem");
        conf.setString("execution.checkpointing.dir", out.resolve("checkpoints").toUri().toString());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        env.enableCheckpointing(200);
        DataStream<PostEnvelope> src = StreamJob.source(env, posts, 0);
        if (fail) src = src.map(new FailOnce(posts.size() * 2L / 3)).setParallelism(1).returns(TypeInformation.of(PostEnvelope.class));
        StreamJob.build(env, src, Settings.defaults().withTickMs(15 * 60_000L), out, null);
        env.execute("restart");
        List<String> ids = new ArrayList<>();
        for (String l : Files.readAllLines(out.resolve("alerts.jsonl"))) ids.add(l);
        return ids;
    }

    @Test
    void restartFromCheckpointLosesNothingAndRepeatsNothing() throws Exception {
        Path dir = StreamTestData.dir("restart");
        Path input = StreamTestData.election(dir, 10_000, 0.5, 5);
        List<PostEnvelope> posts = StreamJob.read(List.of(input.toString()), p -> {});

        List<String> clean = run(posts, Files.createDirectories(dir.resolve("clean")), false);
        assertTrue(clean.size() >= 5, "the case must raise alerts: " + clean.size());

        FAILED.set(false);
        SEEN.set(0);
        List<String> restarted = run(posts, Files.createDirectories(dir.resolve("restarted")), true);
        assertTrue(FAILED.get(), "the job must have failed once");
        assertTrue(SEEN.get() > posts.size(), "records after the checkpoint were replayed: " + SEEN.get());

        assertEquals(new HashSet<>(restarted).size(), restarted.size(), "no alert written twice");
        assertEquals(new HashSet<>(clean), new HashSet<>(restarted), "the same alerts, ids and evidence");
    }
}
