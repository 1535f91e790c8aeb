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
 * episode since the last run (the stream's {@link PairEpisodes} tell). Campaigns are re-run when coordination
 * was, when some entity (hashtag, link, host) surges — at least {@link #SURGE_MIN_POSTS} posts in the tick and
 * {@link #SURGE_FACTOR} times its mean per tick since it was first seen — and at least every hour of event
 * time otherwise; the coordination groups of the last run are carried over by account id. Both triggers
 * depend on the posts up to the tick only, so a replay evaluates at the same ticks.
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
        long evaluations, coordinationRuns, campaignRuns;
        /** Per entity (hashtag, link, host): posts so far and the tick index it was first seen at. */
        HashMap<String, long[]> entities = new HashMap<>();
        long ticks, lastCampaignTick = -1;
        /** Wall time spent building tables, in coordination and in campaigns (ms). */
        long tableMs, coordinationMs, campaignMs;

        /** Wall time spent building tables, in coordination and in campaigns (ms). */
        public long[] timingsMs() {
            return new long[] {tableMs, coordinationMs, campaignMs};
        }

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

        /** Of those, the ones that re-ran campaigns. */
        public long campaignRuns() {
            return campaignRuns;
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
    private final long refreshTicks;

    /**
     * @param protect the text of a protect file (see {@code ProtectFile}) naming the domains whose look-alikes
     *        to alert on, or null for no domain alerts
     */
    public StreamEvaluator(AnalysisConfig config, long horizonMs, long tickMs, String protect, State state) {
        this.config = config;
        this.refreshTicks = Math.max(1, 3_600_000 / Math.max(1, tickMs));
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
        List<Post> fresh = horizon.between(state.lastTick, tick);
        if (matcher != null) {
            for (Post p : fresh) {
                for (String u : p.urls()) {
                    String host = UrlNormalizer.host(u);
                    Alert a = state.tracker.domain(matcher, host, p.id(), p.accountId(), p.timeMs());
                    if (a != null) out.add(a);
                }
            }
        }
        boolean surge = surge(fresh);
        state.lastTick = tick;
        state.evaluations++;
        if (fresh.isEmpty() && !coordinationDirty) return out;
        PostTable table = null;
        boolean coordinationRan = false;
        if ((coordinationDirty || state.coordinationRuns == 0) && config.coordination() != null) {
            coordinationRan = true;
            long t0 = System.nanoTime();
            table = horizon.table(tick, true);
            long t1 = System.nanoTime();
            state.tableMs += (t1 - t0) / 1_000_000;
            CoordinationResult r = Coordination.detect(table, config.coordination());
            state.coordinationMs += (System.nanoTime() - t1) / 1_000_000;
            state.coordinationRuns++;
            out.addAll(state.tracker.coordination(r, tick));
            HashMap<String, Integer> g = new HashMap<>();
            for (int a = 0; a < r.accounts().size(); a++) {
                if (r.accounts().group[a] >= 0) g.put(r.accountName(a), r.accounts().group[a]);
            }
            state.groupOf = g;
        }
        boolean refresh = state.lastCampaignTick < 0 || state.ticks - state.lastCampaignTick >= refreshTicks;
        if (config.campaigns() != null && (surge || coordinationRan || refresh)) {
            state.lastCampaignTick = state.ticks;
            state.campaignRuns++;
            long t0 = System.nanoTime();
            if (table == null) table = horizon.table(tick, true);
            long t1 = System.nanoTime();
            state.tableMs += (t1 - t0) / 1_000_000;
            int[] groups = new int[table.accounts().size()];
            for (int a = 0; a < groups.length; a++) groups[a] = state.groupOf.getOrDefault(table.accounts().get(a), -1);
            CampaignAnalysis.Result c = new CampaignAnalysis(config.campaigns()).run(table, groups);
            out.addAll(state.tracker.campaigns(c.campaigns().campaigns(), tick));
            state.campaignMs += (System.nanoTime() - t1) / 1_000_000;
        }
        return out;
    }

    /** A surge: this many posts of one entity in a tick ... */
    public static final int SURGE_MIN_POSTS = 5;
    /** ... and this many times its mean per tick since first seen. */
    public static final double SURGE_FACTOR = 4;

    /** Counts the tick's posts per entity; true when one surges. Advances the tick count. */
    private boolean surge(List<Post> fresh) {
        java.util.HashMap<String, Integer> now = new java.util.HashMap<>();
        for (Post p : fresh) {
            java.util.HashSet<String> keys = new java.util.HashSet<>();
            for (String h : p.hashtags()) keys.add("#" + h.toLowerCase(java.util.Locale.ROOT));
            for (String u : p.urls()) {
                String n = UrlNormalizer.normalize(u);
                if (n != null) keys.add(n);
                String host = UrlNormalizer.host(u);
                if (host != null) keys.add("host:" + host);
            }
            for (String k : keys) now.merge(k, 1, Integer::sum);
        }
        boolean surge = false;
        long t = state.ticks;
        for (var e : now.entrySet()) {
            long[] c = state.entities.computeIfAbsent(e.getKey(), k -> new long[] {0, t});
            double mean = c[0] / (double) Math.max(1, t - c[1]);
            if (e.getValue() >= SURGE_MIN_POSTS && e.getValue() >= SURGE_FACTOR * Math.max(1, mean)) surge = true;
            c[0] += e.getValue();
        }
        state.ticks++;
        return surge;
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
