package org.lockstep.flink;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.lockstep.core.analysis.AnalysisConfig;
import org.lockstep.core.model.Post;
import org.lockstep.core.stream.Alert;
import org.lockstep.core.stream.ObjectPairer;
import org.lockstep.core.stream.PairEpisodes;
import org.lockstep.core.stream.PostCodec;
import org.lockstep.core.stream.StreamActions;
import org.lockstep.core.stream.StreamEvaluator;
import org.lockstep.flink.Events.Action;
import org.lockstep.flink.Events.AlertLine;
import org.lockstep.flink.Events.CoPair;
import org.lockstep.flink.Events.PostEnvelope;

/**
 * The job's operators, each a thin adapter: state and timers are Flink's, the logic is
 * {@code org.lockstep.core.stream}'s. Every operator that pairs or counts buffers its input until the
 * watermark passes it and then works in (event time, input order), so what it emits does not depend on
 * how the records of different partitions interleaved: a replay — or a restart from a checkpoint — emits
 * the same records, and the alerts get the same ids.
 */
final class Operators {
    private Operators() {}

    /** Records that could not be decoded (or had no time): reported on this side output, then skipped. */
    static final OutputTag<String> PROBLEMS = new OutputTag<>("problems", Types.STRING);
    /** Posts that arrived behind the watermark: reported here, not analysed. */
    static final OutputTag<String> LATE = new OutputTag<>("late", Types.STRING);

    /** Decodes each post once to check it; a poison record goes to {@link #PROBLEMS} and the job goes on. */
    static final class Validate extends ProcessFunction<PostEnvelope, PostEnvelope> {
        @Override
        public void processElement(PostEnvelope e, Context ctx, Collector<PostEnvelope> out) {
            if (e.problem != null) {
                ctx.output(PROBLEMS, "record " + e.seq + ": skipped: " + e.problem);
                return;
            }
            try {
                Post p = PostCodec.decode(e.post);
                if (p.timeMs() == Long.MIN_VALUE) throw new IllegalArgumentException("no time");
                e.time = p.timeMs();
                out.collect(e);
            } catch (RuntimeException ex) {
                ctx.output(PROBLEMS, "record " + e.seq + ": skipped: " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
            }
        }
    }

    /** A post's timed co-action objects ({@link StreamActions}). */
    static final class ExtractActions extends ProcessFunction<PostEnvelope, Action> {
        private transient AnalysisConfig config;

        @Override
        public void open(OpenContext ctx) {
            config = AnalysisConfig.defaults();
        }

        @Override
        public void processElement(PostEnvelope e, Context ctx, Collector<Action> out) {
            Post p = PostCodec.decode(e.post);
            for (StreamActions.Action a : StreamActions.of(p, config.coordination())) {
                out.collect(new Action(a.key(), a.windowMs(), p.accountId(), p.id(), p.timeMs(), e.seq));
            }
        }
    }

    /**
     * Keyed by object: the object's actions wait in state until the watermark passes their time, then go
     * through the {@link ObjectPairer} in (time, input order), as batch sorts them. State: the pending
     * actions and the pairer's buffer of the last window; cleared once the object is idle for a window.
     */
    static final class PairObjects extends KeyedProcessFunction<String, Action, CoPair> {
        private final int maxPartners;
        private transient MapState<Long, List<Action>> pending;
        private transient ValueState<ObjectPairer> pairer;
        private transient ValueState<Long> lateCount;

        PairObjects(int maxPartners) {
            this.maxPartners = maxPartners;
        }

        @Override
        public void open(OpenContext ctx) {
            pending = getRuntimeContext().getMapState(new MapStateDescriptor<>("pending", Types.LONG,
                    TypeInformation.of(new TypeHint<List<Action>>() {})));
            pairer = getRuntimeContext().getState(new ValueStateDescriptor<>("pairer", ObjectPairer.class));
            lateCount = getRuntimeContext().getState(new ValueStateDescriptor<>("late", Types.LONG));
        }

        @Override
        public void processElement(Action a, Context ctx, Collector<CoPair> out) throws Exception {
            if (a.time <= ctx.timerService().currentWatermark()) {
                Long n = lateCount.value();
                lateCount.update(n == null ? 1 : n + 1);
                return;
            }
            List<Action> l = pending.get(a.time);
            if (l == null) l = new ArrayList<>(2);
            l.add(a);
            pending.put(a.time, l);
            ctx.timerService().registerEventTimeTimer(a.time);
        }

        @Override
        public void onTimer(long t, OnTimerContext ctx, Collector<CoPair> out) throws Exception {
            List<Action> l = pending.get(t);
            ObjectPairer p = pairer.value();
            if (l == null) { // the idle check
                if (p != null) {
                    p.expire(t);
                    if (p.buffered() == 0 && pending.isEmpty()) pairer.clear();
                }
                return;
            }
            pending.remove(t);
            l.sort(Comparator.comparingLong(x -> x.seq));
            if (p == null) p = new ObjectPairer(l.get(0).windowMs, maxPartners);
            String key = ctx.getCurrentKey();
            for (Action a : l) {
                p.add(a.time, a.account, a.post, (accA, postA, tA, accB, postB, tB) -> {
                    String pair = accA.compareTo(accB) < 0 ? accA + '\u0000' + accB : accB + '\u0000' + accA;
                    out.collect(new CoPair(pair, key, postA, postB, tB));
                });
            }
            pairer.update(p);
            ctx.timerService().registerEventTimeTimer(t + p.windowMs + 1);
        }
    }

    /**
     * Keyed by pair: the pair's episodes over the horizon ({@link PairEpisodes}); emits the time of each
     * co-action that starts an episode at or beyond {@code minRepetitions} — the sign that the significance
     * tests should run again. The state expires a horizon after the pair's last co-action (an event-time
     * timer: a TTL that means the same in a replay as live).
     */
    static final class CountEpisodes extends KeyedProcessFunction<String, CoPair, Long> {
        private final long episodeGapMs, horizonMs;
        private final int minRepetitions;
        private transient MapState<Long, List<CoPair>> pending;
        private transient ValueState<PairEpisodes> episodes;

        CountEpisodes(long episodeGapMs, int minRepetitions, long horizonMs) {
            this.episodeGapMs = episodeGapMs;
            this.minRepetitions = minRepetitions;
            this.horizonMs = horizonMs;
        }

        @Override
        public void open(OpenContext ctx) {
            pending = getRuntimeContext().getMapState(new MapStateDescriptor<>("pending", Types.LONG,
                    TypeInformation.of(new TypeHint<List<CoPair>>() {})));
            episodes = getRuntimeContext().getState(new ValueStateDescriptor<>("episodes", PairEpisodes.class));
        }

        @Override
        public void processElement(CoPair c, Context ctx, Collector<Long> out) throws Exception {
            List<CoPair> l = pending.get(c.time);
            if (l == null) l = new ArrayList<>(2);
            l.add(c);
            pending.put(c.time, l);
            ctx.timerService().registerEventTimeTimer(c.time);
        }

        @Override
        public void onTimer(long t, OnTimerContext ctx, Collector<Long> out) throws Exception {
            PairEpisodes e = episodes.value();
            List<CoPair> l = pending.get(t);
            if (l == null) { // expiry check
                if (e != null && t - e.last >= horizonMs) episodes.clear();
                return;
            }
            pending.remove(t);
            l.sort(Comparator.comparing((CoPair x) -> x.object).thenComparing(x -> x.earlierPost).thenComparing(x -> x.laterPost));
            if (e == null) e = new PairEpisodes();
            boolean fire = false;
            for (CoPair c : l) fire |= e.add(c.object, c.time, c.earlierPost, episodeGapMs) && e.episodes >= minRepetitions;
            episodes.update(e);
            if (fire) out.collect(t);
            ctx.timerService().registerEventTimeTimer(t + horizonMs);
        }
    }

    /**
     * The one evaluator (parallelism 1, keyed by a constant): keeps the horizon's posts, and at each
     * event-time tick runs {@link StreamEvaluator#evaluate} — the batch stages over the horizon — and emits
     * the alerts; at the end of the input it runs the final analysis and hands it to the {@link Finisher}.
     */
    static final class Evaluate extends KeyedCoProcessFunction<Integer, PostEnvelope, Long, AlertLine> {
        private final Settings settings;
        private final Finisher finisher;
        private transient ListState<PostEnvelope> posts;
        private transient ListState<Long> candidates;
        private transient ValueState<byte[]> saved;
        private transient ValueState<Long> late;
        private transient StreamEvaluator evaluator;

        Evaluate(Settings settings, Finisher finisher) {
            this.settings = settings;
            this.finisher = finisher;
        }

        @Override
        public void open(OpenContext ctx) {
            posts = getRuntimeContext().getListState(new ListStateDescriptor<>("posts", PostEnvelope.class));
            candidates = getRuntimeContext().getListState(new ListStateDescriptor<>("candidates", Types.LONG));
            saved = getRuntimeContext().getState(new ValueStateDescriptor<byte[]>("evaluator", byte[].class));
            late = getRuntimeContext().getState(new ValueStateDescriptor<>("late", Types.LONG));
        }

        /** The evaluator, rebuilt from state on first use after a (re)start. */
        private StreamEvaluator evaluator() throws Exception {
            if (evaluator != null) return evaluator;
            byte[] b = saved.value();
            StreamEvaluator.State st = b == null ? new StreamEvaluator.State(settings.tickMs()) : read(b);
            evaluator = new StreamEvaluator(AnalysisConfig.defaults(), settings.horizonMs(), settings.tickMs(), settings.protect(), st);
            Iterable<PostEnvelope> all = posts.get();
            if (all != null) for (PostEnvelope e : all) evaluator.add(e.seq, PostCodec.decode(e.post));
            return evaluator;
        }

        @Override
        public void processElement1(PostEnvelope e, Context ctx, Collector<AlertLine> out) throws Exception {
            long wm = ctx.timerService().currentWatermark();
            if (e.time <= wm) {
                Long n = late.value();
                late.update(n == null ? 1 : n + 1);
                ctx.output(LATE, "record " + e.seq + ": late by " + (wm - e.time) + " ms: not analysed");
                return;
            }
            StreamEvaluator ev = evaluator();
            posts.add(e);
            ev.add(e.seq, PostCodec.decode(e.post));
            long tick = settings.tickMs();
            long at = Math.floorDiv(e.time + tick - 1, tick) * tick;
            ctx.timerService().registerEventTimeTimer(at);
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
        }

        @Override
        public void processElement2(Long candidateTime, Context ctx, Collector<AlertLine> out) throws Exception {
            candidates.add(candidateTime);
        }

        @Override
        public void onTimer(long t, OnTimerContext ctx, Collector<AlertLine> out) throws Exception {
            StreamEvaluator ev = evaluator();
            if (t == Long.MAX_VALUE) {
                if (finisher != null) {
                    Long n = late.value();
                    finisher.finish(ev.finish(Long.MAX_VALUE), new Finisher.Counts(ev.horizon().size(),
                            n == null ? 0 : n, ev.state().evaluations(), ev.state().coordinationRuns(), ev.state().campaignRuns(),
                            ev.state().timingsMs()[0], ev.state().timingsMs()[1], ev.state().timingsMs()[2]));
                }
                return;
            }
            boolean dirty = false;
            List<Long> keep = new ArrayList<>();
            Iterable<Long> cs = candidates.get();
            if (cs != null) {
                for (long c : cs) {
                    if (c <= t) dirty = true;
                    else keep.add(c);
                }
            }
            candidates.update(keep);
            for (Alert a : ev.evaluate(t, dirty)) out.collect(AlertJson.line(a));
            if (ev.expire(t)) {
                List<PostEnvelope> kept = new ArrayList<>();
                for (PostEnvelope e : posts.get()) if (e.time > t - settings.horizonMs()) kept.add(e);
                posts.update(kept);
            }
            saved.update(write(ev.state()));
        }
    }

    static byte[] write(Object o) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(b)) {
            out.writeObject(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toByteArray();
    }

    @SuppressWarnings("unchecked")
    static <T> T read(byte[] b) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(b))) {
            return (T) in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
