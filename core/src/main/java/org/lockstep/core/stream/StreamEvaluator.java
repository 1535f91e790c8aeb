package org.lockstep.core.stream;

import java.io.IOException;
import java.io.Serializable;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.lockstep.core.analysis.AnalysisConfig;
import org.lockstep.core.analysis.AnalysisResult;
import org.lockstep.core.campaigns.CampaignAnalysis;
import org.lockstep.core.coord.Coordination;
import org.lockstep.core.coord.CoordinationResult;
import org.lockstep.core.domains.LookalikeMatcher;
import org.lockstep.core.domains.ProtectFile;
import org.lockstep.core.model.Post;
import org.lockstep.core.model.PostTable;
import org.lockstep.core.url.UrlNormalizer;

/**
 * The periodic "evaluate" step of the stream. At each event-time tick it runs the batch stages unchanged
 * — {@link Coordination#detect} and {@link CampaignAnalysis} — on the table of the horizon's posts up to the
 * tick, and turns the result into alerts ({@link AlertTracker}); look-alike domains are checked post by
 * post, in event-time order, as their first post passes a tick. Because the table is the one batch would
 * build from the same posts, the network at the end of the input is batch's network (the equivalence the
 * stream is tested on).
 *
 * <p>Coordination is re-run only at ticks where some pair reached the repetition threshold or gained an
 * episode since the last run (the stream's {@link PairEpisodes} tell); campaigns are re-run at every tick
 * with new posts, with the coordination groups of the last run carried over by account id.
 *
 * <p>The state a checkpoint must keep is {@link State} (serializable) plus the horizon's posts.
 */
public final class StreamEvaluator {

    /** What survives a restart besides the posts. */
    public static final class State implements Serializable {
        private static final long serialVersionUID = 1L;
        final AlertTracker tracker;
        long lastTick = Long.MIN_VALUE;
        /** Coordination group per account id from the last coordination run. */
        HashMap<String, Integer> groupOf = new HashMap<>();
        long evaluations, coordinationRuns;

        public State(long tickMs) {
            tracker = new AlertTracker(tickMs);
        }

        public long lastTick() {
            return lastTick;
        }

        /** Evaluations run so far (ticks with posts). */
        public long evaluations() {
            return evaluations;
        }

        /** Of those, the ones that re-ran coordination. */
        public long coordinationRuns() {
            return coordinationRuns;
        }
    }

    private final AnalysisConfig config;
    private final Horizon horizon;
    private final LookalikeMatcher matcher;
    private State state;

    /**
     * @param protect the text of a protect file (see {@code ProtectFile}) naming the domains whose look-alikes
     *        to alert on, or null for no domain alerts
     */
    public StreamEvaluator(AnalysisConfig config, long horizonMs, String protect, State state) {
        this.config = config;
        this.horizon = new Horizon(horizonMs);
        this.state = state;
        LookalikeMatcher m = null;
        if (protect != null && !protect.isBlank()) {
            try {
                ProtectFile.Loaded l = ProtectFile.read(new StringReader(protect));
                if (!l.entities().isEmpty()) m = new LookalikeMatcher(l.entities(), LookalikeMatcher.Config.defaults());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        this.matcher = m;
    }

    public State state() {
        return state;
    }

    public Horizon horizon() {
        return horizon;
    }

    public void add(long seq, Post p) {
        horizon.add(seq, p);
    }

    /**
     * Evaluates at event time {@code tick}: posts with time ≤ tick are all in (the watermark passed it).
     *
     * @param coordinationDirty whether some pair gained an episode at or after its repetition threshold
     *        since the last evaluation
     */
    public List<Alert> evaluate(long tick, boolean coordinationDirty) {
        List<Alert> out = new ArrayList<>();
        if (matcher != null) {
            for (Post p : horizon.between(state.lastTick, tick)) {
                for (String u : p.urls()) {
                    String host = UrlNormalizer.host(u);
                    Alert a = state.tracker.domain(matcher, host, p.id(), p.accountId(), p.timeMs());
                    if (a != null) out.add(a);
                }
            }
        }
        state.lastTick = tick;
        state.evaluations++;
        PostTable table = horizon.table(tick, true);
        if (table.size() == 0) return out;
        if ((coordinationDirty || state.coordinationRuns == 0) && config.coordination() != null) {
            CoordinationResult r = Coordination.detect(table, config.coordination());
            state.coordinationRuns++;
            out.addAll(state.tracker.coordination(r, tick));
            HashMap<String, Integer> g = new HashMap<>();
            for (int a = 0; a < r.accounts().size(); a++) {
                if (r.accounts().group[a] >= 0) g.put(r.accountName(a), r.accounts().group[a]);
            }
            state.groupOf = g;
        }
        if (config.campaigns() != null) {
            int[] groups = new int[table.accounts().size()];
            for (int a = 0; a < groups.length; a++) groups[a] = state.groupOf.getOrDefault(table.accounts().get(a), -1);
            CampaignAnalysis.Result c = new CampaignAnalysis(config.campaigns()).run(table, groups);
            out.addAll(state.tracker.campaigns(c.campaigns().campaigns(), tick));
        }
        return out;
    }

    /** Drops posts older than the horizon before {@code now}. */
    public boolean expire(long now) {
        return horizon.expire(now);
    }

    /** The final network: the batch analysis of the horizon's posts, and the table it ran on. */
    public record Final(PostTable table, AnalysisResult result) {}

    public Final finish(long upTo) {
        PostTable table = horizon.table(upTo, true);
        return new Final(table, org.lockstep.core.analysis.Analysis.run(table, config));
    }
}
