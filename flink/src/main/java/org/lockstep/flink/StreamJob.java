package org.lockstep.flink;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.lockstep.core.analysis.AnalysisConfig;
import org.lockstep.core.stream.PostCodec;
import org.lockstep.flink.Events.Action;
import org.lockstep.flink.Events.AlertLine;
import org.lockstep.flink.Events.CoPair;
import org.lockstep.flink.Events.PostEnvelope;
import org.lockstep.io.read.Problem;
import org.lockstep.io.read.ReadOptions;
import org.lockstep.io.read.ReadReport;
import org.lockstep.io.read.Readers;

/**
 * The job, wired:
 *
 * <pre>
 * posts ─► Validate (poison → problems) ─► watermarks (bounded out-of-orderness)
 *   ├─► ExtractActions ─► keyBy(object) PairObjects ─► keyBy(pair) CountEpisodes ─┐ (candidate times)
 *   └──────────────────────────────────────────► keyBy(0) Evaluate ◄──────────────┘
 *                                                   │ alerts (stable ids)          │ late posts
 *                                                   ▼                               ▼
 *                                              AlertSink (alerts.jsonl, print, webhook)   late.txt
 * </pre>
 */
public final class StreamJob {
    private StreamJob() {}

    /**
     * Wires the job on {@code posts}; alerts go to {@code out/alerts.jsonl}, problems and late posts beside it.
     * Returns the alerts, for more sinks (Kafka).
     */
    public static DataStream<AlertLine> build(StreamExecutionEnvironment env, DataStream<PostEnvelope> posts, Settings s, Path out,
            Finisher finisher) {
        var cfg = AnalysisConfig.defaults().coordination();
        SingleOutputStreamOperator<PostEnvelope> valid = posts.process(new Operators.Validate()).name("validate")
                .returns(TypeInformation.of(PostEnvelope.class));
        valid.getSideOutput(Operators.PROBLEMS).sinkTo(new AlertSink.Lines(out.resolve("problems.txt"))).setParallelism(1)
                .name("problems");
        DataStream<PostEnvelope> timed = valid.assignTimestampsAndWatermarks(WatermarkStrategy
                .<PostEnvelope>forBoundedOutOfOrderness(Duration.ofMillis(s.outOfOrdernessMs()))
                .withTimestampAssigner((e, ts) -> e.time)).name("watermarks");
        DataStream<Long> candidates = timed.process(new Operators.ExtractActions()).name("actions")
                .returns(TypeInformation.of(Action.class))
                .keyBy(a -> a.key, Types.STRING).process(new Operators.PairObjects(cfg.maxPartnersPerAction())).name("pair objects")
                .returns(TypeInformation.of(CoPair.class))
                .keyBy(c -> c.pair, Types.STRING)
                .process(new Operators.CountEpisodes(cfg.episodeGapMs(), cfg.minRepetitions(), s.horizonMs())).name("episodes")
                .returns(Types.LONG);
        SingleOutputStreamOperator<AlertLine> alerts = timed.keyBy(e -> 0, Types.INT)
                .connect(candidates.keyBy(c -> 0, Types.INT))
                .process(new Operators.Evaluate(s, finisher)).name("evaluate").setParallelism(1).setMaxParallelism(1)
                .returns(TypeInformation.of(AlertLine.class));
        alerts.getSideOutput(Operators.LATE).sinkTo(new AlertSink.Lines(out.resolve("late.txt"))).setParallelism(1).name("late");
        alerts.sinkTo(new AlertSink(out.resolve("alerts.jsonl"), s.printAlerts(), s.webhook())).setParallelism(1).name("alerts");
        return alerts;
    }

    /** Reads inputs with the batch readers into envelopes, in read order (bad records: {@code problems}). */
    public static List<PostEnvelope> read(List<String> inputs, Consumer<Problem> problems) throws IOException {
        List<PostEnvelope> l = new ArrayList<>();
        ReadReport rep = Readers.read(inputs, ReadOptions.defaults(), p -> l.add(new PostEnvelope(l.size(), p.timeMs(),
                PostCodec.encode(p))), problems);
        return l;
    }

    /**
     * The source of a replay: the posts in read order, paced to {@code replaySpeed} × event time when it is
     * above 0 (so "what would we have seen at 19:00" unfolds at a watchable speed).
     */
    public static DataStream<PostEnvelope> source(StreamExecutionEnvironment env, List<PostEnvelope> posts, double replaySpeed) {
        DataStream<PostEnvelope> src = env.fromData(posts, TypeInformation.of(PostEnvelope.class)).name("posts");
        if (replaySpeed > 0) src = src.map(new Pace(replaySpeed)).setParallelism(1).name("pace")
                .returns(TypeInformation.of(PostEnvelope.class));
        return src;
    }

    /** Sleeps so that event time advances {@code speed} times faster than the wall clock. */
    static final class Pace extends RichMapFunction<PostEnvelope, PostEnvelope> {
        private final double speed;
        private transient long t0, w0;

        Pace(double speed) {
            this.speed = speed;
        }

        @Override
        public void open(OpenContext ctx) {
            t0 = Long.MIN_VALUE;
        }

        @Override
        public PostEnvelope map(PostEnvelope e) throws Exception {
            if (t0 == Long.MIN_VALUE) {
                t0 = e.time;
                w0 = System.nanoTime();
            }
            long due = w0 + (long) ((e.time - t0) / speed * 1e6);
            long wait = due - System.nanoTime();
            if (wait > 1_000_000) Thread.sleep(wait / 1_000_000);
            return e;
        }
    }
}
