package org.lockstep.core.coord;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Every parameter of a detection run. Build one with {@link #builder()} (defaults below) or
 * {@link #coortweet(long, int, double)}; records are immutable and printed as the "parameters used".
 *
 * @param windowsMs enabled signals, each with its co-action window in milliseconds (|Δt| ≤ window)
 * @param fastWindowMs an optional second, narrower window (0 = off); edges also count co-actions within it
 * @param selection how edges are kept: by significance (default), CooRTweet's percentile, or the toolkit's minimum weight
 * @param alpha false discovery rate for {@link Selection#SIGNIFICANCE} (Benjamini–Hochberg)
 * @param minRepetitions minimum episodes (see {@code episodeGapMs}) an edge needs to be tested and kept
 * @param edgeWeightPercentile for {@link Selection#PERCENTILE}: keep edges whose co-action count exceeds this quantile (R type 7)
 * @param minEdgeWeight for {@link Selection#MIN_WEIGHT}: keep edges with at least this many co-actions
 * @param minParticipation accounts with fewer co-action rows are ignored (CooRTweet's {@code min_participation})
 * @param maxPartnersPerAction viral bound: each action is paired with at most this many later actions on the
 *        same object within the window (the nearest in time); the rest are counted as dropped
 * @param evidencePerEdge post pairs kept per edge as evidence (the true count is kept too)
 * @param maxEvidencePairs post pairs kept as evidence over all edges (default 2,000,000; 0 = no limit): on a
 *        network of more than maxEvidencePairs / evidencePerEdge edges (a storm) each edge keeps
 *        maxEvidencePairs / edges pairs, at least 2, so a 500,000-edge storm gives 2 M rows, not 10 M
 * @param jitterFactor the timing test's null moves every action by up to ±D = jitterFactor × window (the jitter
 *        method), for every signal alike, so a verdict does not depend on whether the same act was read as a
 *        repost or as a text: timing coarser than D is kept, finer alignment is what the test measures
 * @param popularShare an object shared by more than this share of the case's active accounts, and by more than
 *        {@link #POPULAR_MIN_ACCOUNTS}, is public news whose timing follows its publication: the timing null
 *        uses its own popularity curve (the chance that two of its sharers picked at random acted within the
 *        window) when that is larger than the jitter's; 0 switches this off
 * @param episodeGapMs co-actions of a pair on one object more than this apart count as separate episodes
 *        (the repetition count is in episodes)
 * @param maxObjectAccounts the co-occurrence test counts objects shared by at most this many accounts ("rare
 *        objects in common"); popular ones still count in the accounts' activity and in the null model, but
 *        make no pairs (no quadratic work)
 * @param cooccurrence besides the timing test, test every signal by co-occurrence: sharing more rare objects,
 *        at any time, than the accounts' activity and the objects' popularity explain (lagged relays);
 *        {@link #ANY_TIME} signals are always tested this way
 * @param timeResolutionMs the resolution of the input's timestamps (windows are widened by it, see
 *        {@code TimeResolution}); 0 = detect it from the data
 * @param accountLevel under {@link Selection#SIGNIFICANCE}, also require both accounts of an edge to be
 *        significant as accounts (Simes combination of all their candidate edges, Benjamini–Hochberg across
 *        accounts), so a busy account's one lucky edge does not pull an organic account into the network
 * @param leidenResolution modularity resolution γ of the Leiden communities (1 = standard modularity)
 * @param leidenIterations Leiden iterations (more = more stable)
 * @param seed seed of every random choice (Leiden, MinHash), so runs are reproducible
 * @param nearText MinHash/LSH parameters of {@link Signal#NEAR_TEXT}
 * @param threads worker threads for counting pairs (0 = one per available processor); results do not depend on it
 * @param executor where the parallel stages run (null = threads of their own, the default); results do not
 *        depend on it
 * @param memoryBudgetBytes memory the pair count may gather co-actions in (0 = half of the heap free when the run starts); results
 *        do not depend on it, only the number of passes does
 * @param preset {@link Preset#COORTWEET} reproduces CooRTweet 2.1.3 exactly (ignores the statistics options)
 */
public record CoordinationConfig(
        Map<Signal, Long> windowsMs,
        long fastWindowMs,
        Selection selection,
        double alpha,
        int minRepetitions,
        double edgeWeightPercentile,
        int minEdgeWeight,
        int minParticipation,
        int maxPartnersPerAction,
        int evidencePerEdge,
        long maxEvidencePairs,
        double jitterFactor,
        double popularShare,
        long episodeGapMs,
        int maxObjectAccounts,
        boolean cooccurrence,
        long timeResolutionMs,
        boolean accountLevel,
        double leidenResolution,
        int leidenIterations,
        long seed,
        NearText nearText,
        int threads,
        long memoryBudgetBytes,
        java.util.concurrent.Executor executor,
        Preset preset) {

    /** How edges are kept. */
    public enum Selection {
        /** Benjamini–Hochberg q ≤ alpha under the null model, and at least {@code minRepetitions} objects. */
        SIGNIFICANCE,
        /** CooRTweet: co-action count above the {@code edgeWeightPercentile} quantile of all edges. */
        PERCENTILE,
        /** Coordination network toolkit: at least {@code minEdgeWeight} co-actions (and {@code minRepetitions} objects). */
        MIN_WEIGHT,
        /** Every edge with at least {@code minRepetitions} objects. */
        ALL
    }

    /** Compatibility presets. */
    public enum Preset { NONE, COORTWEET }

    /**
     * Near-duplicate text parameters: word {@code shingle}-grams, {@code bands × rows} MinHash values
     * (Broder 1997), candidates from LSH banding confirmed when the exact Jaccard similarity of the
     * shingle sets is at least {@code threshold}; texts shorter than {@code minChars} (after
     * normalisation) are ignored. Buckets larger than {@code maxBucket} are skipped (boilerplate).
     */
    public record NearText(int shingle, int bands, int rows, double threshold, int minChars, int maxBucket) {
        public static NearText defaults() {
            return new NearText(3, 20, 5, 0.7, 40, 2000);
        }
    }

    public static final long DEFAULT_WINDOW_MS = 60_000;

    /**
     * An object is never treated as public news when shared by at most this many accounts, whatever the
     * share: a coordinated network of a thousand accounts keeps the jitter null on its own objects.
     */
    public static final int POPULAR_MIN_ACCOUNTS = 1000;

    /**
     * A window meaning "at any time": the signal is tested by co-occurrence (sharing the same rare objects
     * more often than their popularity and the accounts' activity explain), not by timing.
     */
    public static final long ANY_TIME = Long.MAX_VALUE;

    public CoordinationConfig {
        windowsMs = Collections.unmodifiableMap(new EnumMap<>(windowsMs));
        if (windowsMs.isEmpty()) throw new IllegalArgumentException("no signal enabled");
        for (var e : windowsMs.entrySet()) {
            if (e.getValue() < 0) throw new IllegalArgumentException("negative window for " + e.getKey().label());
        }
        if (!(alpha > 0 && alpha <= 1)) throw new IllegalArgumentException("alpha must be in (0, 1]");
        if (!(edgeWeightPercentile >= 0 && edgeWeightPercentile <= 1)) {
            throw new IllegalArgumentException("edge weight percentile must be in [0, 1]");
        }
        if (maxPartnersPerAction < 1) throw new IllegalArgumentException("maxPartnersPerAction must be ≥ 1");
        if (evidencePerEdge < 0) throw new IllegalArgumentException("evidencePerEdge must be ≥ 0");
        if (maxEvidencePairs < 0) throw new IllegalArgumentException("maxEvidencePairs must be ≥ 0 (0 = no limit)");
        if (fastWindowMs < 0) throw new IllegalArgumentException("fast window must be ≥ 0");
        if (!(jitterFactor >= 0)) throw new IllegalArgumentException("jitter factor must be ≥ 0");
        if (episodeGapMs < 0 || timeResolutionMs < 0) throw new IllegalArgumentException("negative duration");
        if (!(popularShare >= 0 && popularShare <= 1)) throw new IllegalArgumentException("popularShare must be in [0, 1]");
        if (memoryBudgetBytes < 0) throw new IllegalArgumentException("memory budget must be ≥ 0");
        if (leidenIterations < 1) throw new IllegalArgumentException("leidenIterations must be ≥ 1");
        if (!(leidenResolution > 0)) throw new IllegalArgumentException("leidenResolution must be > 0");
        if (minParticipation < 1) throw new IllegalArgumentException("minParticipation must be ≥ 1");
        if (minRepetitions < 1) throw new IllegalArgumentException("minRepetitions must be ≥ 1");
        if (minEdgeWeight < 1) throw new IllegalArgumentException("minEdgeWeight must be ≥ 1");
        java.util.Objects.requireNonNull(selection, "selection");
        java.util.Objects.requireNonNull(nearText, "nearText");
        java.util.Objects.requireNonNull(preset, "preset");
        if (maxObjectAccounts < 2) throw new IllegalArgumentException("maxObjectAccounts must be ≥ 2");
        if (threads < 0) throw new IllegalArgumentException("threads must be ≥ 0");
    }

    /** The window of a signal, or -1 when it is switched off. */
    public long windowMs(Signal s) {
        Long w = windowsMs.get(s);
        return w == null ? -1 : w;
    }

    /** The null model's jitter D of a signal (0 for {@link #ANY_TIME} signals). */
    public long jitterMs(Signal s) {
        long w = windowMs(s);
        if (w < 0 || w == ANY_TIME) return 0;
        return Math.round(w * jitterFactor);
    }

    /** The episode gap of a signal: unbounded for {@link #ANY_TIME} signals. */
    public long episodeGapMs(Signal s) {
        return windowMs(s) == ANY_TIME ? Long.MAX_VALUE : episodeGapMs;
    }

    /** Evidence pairs kept per edge on a network of {@code edges} edges: {@link #evidencePerEdge}, lowered on a storm. */
    public int evidencePerEdge(int edges) {
        if (maxEvidencePairs == 0 || edges == 0 || (long) edges * evidencePerEdge <= maxEvidencePairs) return evidencePerEdge;
        return (int) Math.min(evidencePerEdge, Math.max(2, maxEvidencePairs / edges));
    }

    /** The number of worker threads to use. */
    public int effectiveThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** The pair count's memory: {@link #memoryBudgetBytes}, or half of the heap free now (at least 64 MiB). */
    public long effectiveMemoryBudget() {
        if (memoryBudgetBytes > 0) return memoryBudgetBytes;
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        return Math.max(64L << 20, free / 2);
    }

    public boolean enabled(Signal s) {
        return windowsMs.containsKey(s);
    }

    /** Default settings: significance selection over the default signals. */
    public static Builder builder() {
        return new Builder();
    }

    /** CooRTweet 2.1.3 {@code detect_groups(time_window, min_participation)} + {@code generate_coordinated_network(edge_weight, subgraph = 1)}. */
    public static CoordinationConfig coortweet(long windowSeconds, int minParticipation, double edgeWeight) {
        return builder().signals(Signal.OBJECT).window(windowSeconds * 1000).preset(Preset.COORTWEET)
                .selection(Selection.PERCENTILE).edgeWeightPercentile(edgeWeight)
                .minParticipation(minParticipation).minRepetitions(1).build();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.windows.clear();
        b.windows.putAll(windowsMs);
        b.fastWindowMs = fastWindowMs;
        b.selection = selection;
        b.alpha = alpha;
        b.minRepetitions = minRepetitions;
        b.edgeWeightPercentile = edgeWeightPercentile;
        b.minEdgeWeight = minEdgeWeight;
        b.minParticipation = minParticipation;
        b.maxPartnersPerAction = maxPartnersPerAction;
        b.evidencePerEdge = evidencePerEdge;
        b.maxEvidencePairs = maxEvidencePairs;
        b.jitterFactor = jitterFactor;
        b.popularShare = popularShare;
        b.episodeGapMs = episodeGapMs;
        b.maxObjectAccounts = maxObjectAccounts;
        b.cooccurrence = cooccurrence;
        b.timeResolutionMs = timeResolutionMs;
        b.accountLevel = accountLevel;
        b.leidenResolution = leidenResolution;
        b.leidenIterations = leidenIterations;
        b.seed = seed;
        b.nearText = nearText;
        b.threads = threads;
        b.memoryBudgetBytes = memoryBudgetBytes;
        b.executor = executor;
        b.preset = preset;
        return b;
    }

    /** Mutable builder with the defaults documented on each setter. */
    public static final class Builder {
        private final EnumMap<Signal, Long> windows = new EnumMap<>(Signal.class);
        private long fastWindowMs = 0;
        private Selection selection = Selection.SIGNIFICANCE;
        private double alpha = 0.05;
        private int minRepetitions = 2;
        private double edgeWeightPercentile = 0.5;
        private int minEdgeWeight = 2;
        private int minParticipation = 1;
        private int maxPartnersPerAction = 250;
        private int evidencePerEdge = 20;
        private long maxEvidencePairs = 2_000_000;
        private double jitterFactor = 15;
        private double popularShare = 0.01;
        private long episodeGapMs = 600_000L;
        private int maxObjectAccounts = 10;
        private boolean cooccurrence = true;
        private long timeResolutionMs = 0;
        private boolean accountLevel = true;
        private double leidenResolution = 1.0;
        private int leidenIterations = 10;
        private long seed = 42;
        private NearText nearText = NearText.defaults();
        private int threads = 0;
        private long memoryBudgetBytes = 0;
        private java.util.concurrent.Executor executor;
        private Preset preset = Preset.NONE;

        private Builder() {
            for (Signal s : DEFAULT_SIGNALS) windows.put(s, defaultWindowMs(s));
        }

        /**
         * Switches on exactly these signals, each with its own default window ({@link #defaultWindowMs}: 60 s,
         * near-text 15 min, co-domain any time).
         */
        public Builder signals(Signal... signals) {
            windows.clear();
            for (Signal s : signals) windows.put(s, defaultWindowMs(s));
            return this;
        }

        /** Sets the window of every enabled signal ({@link #ANY_TIME} for co-occurrence at any time). */
        public Builder window(long ms) {
            windows.replaceAll((s, w) -> ms);
            return this;
        }

        /** Switches a signal on with its own window. */
        public Builder window(Signal s, long ms) { windows.put(s, ms); return this; }
        public Builder disable(Signal s) { windows.remove(s); return this; }
        public Builder fastWindow(long ms) { fastWindowMs = ms; return this; }
        public Builder selection(Selection v) { selection = v; return this; }
        public Builder alpha(double v) { alpha = v; return this; }
        public Builder minRepetitions(int v) { minRepetitions = v; return this; }
        public Builder edgeWeightPercentile(double v) { edgeWeightPercentile = v; return this; }
        public Builder minEdgeWeight(int v) { minEdgeWeight = v; return this; }
        public Builder minParticipation(int v) { minParticipation = v; return this; }
        public Builder maxPartnersPerAction(int v) { maxPartnersPerAction = v; return this; }
        public Builder evidencePerEdge(int v) { evidencePerEdge = v; return this; }
        /** Evidence pairs over all edges at most (0 = no limit); each edge keeps at least 2 (or evidencePerEdge if smaller). */
        public Builder maxEvidencePairs(long v) { maxEvidencePairs = v; return this; }
        public Builder jitterFactor(double v) { jitterFactor = v; return this; }
        public Builder popularShare(double v) { popularShare = v; return this; }
        public Builder episodeGapMs(long v) { episodeGapMs = v; return this; }
        public Builder maxObjectAccounts(int v) { maxObjectAccounts = v; return this; }
        public Builder cooccurrence(boolean v) { cooccurrence = v; return this; }
        public Builder timeResolutionMs(long v) { timeResolutionMs = v; return this; }
        public Builder memoryBudgetBytes(long v) { memoryBudgetBytes = v; return this; }
        public Builder accountLevel(boolean v) { accountLevel = v; return this; }
        public Builder leidenResolution(double v) { leidenResolution = v; return this; }
        public Builder leidenIterations(int v) { leidenIterations = v; return this; }
        public Builder seed(long v) { seed = v; return this; }
        public Builder nearText(NearText v) { nearText = v; return this; }
        public Builder threads(int v) { threads = v; return this; }
        /**
         * Runs the parallel stages on the caller's executor (e.g. a server's bounded pool) instead of threads
         * of their own; {@code threads} still says how many jobs to split the work into. Default null: own
         * threads. Results do not depend on it.
         */
        public Builder executor(java.util.concurrent.Executor v) { executor = v; return this; }
        public Builder preset(Preset v) { preset = v; return this; }

        public CoordinationConfig build() {
            return new CoordinationConfig(windows, fastWindowMs, selection, alpha, minRepetitions,
                    edgeWeightPercentile, minEdgeWeight, minParticipation, maxPartnersPerAction, evidencePerEdge, maxEvidencePairs,
                    jitterFactor, popularShare, episodeGapMs, maxObjectAccounts, cooccurrence, timeResolutionMs, accountLevel,
                    leidenResolution, leidenIterations, seed, nearText, threads, memoryBudgetBytes, executor, preset);
        }
    }

    /**
     * A signal's default window: 15 min for near-duplicate text (a copy-pasted narrative spreads over minutes),
     * any time for registrable domains (co-occurrence only), 60 s otherwise.
     */
    public static long defaultWindowMs(Signal s) {
        return switch (s) {
            case NEAR_TEXT -> 15 * 60_000L;
            case CO_DOMAIN -> ANY_TIME;
            default -> DEFAULT_WINDOW_MS;
        };
    }

    /** Signals switched on by default. */
    public static java.util.List<Signal> defaultSignals() {
        return java.util.List.of(DEFAULT_SIGNALS);
    }

    private static final Signal[] DEFAULT_SIGNALS = {
        Signal.CO_REPOST, Signal.CO_REPLY, Signal.CO_QUOTE, Signal.CO_LINK, Signal.CO_DOMAIN, Signal.HASHTAG_SET,
        Signal.CO_TEXT, Signal.NEAR_TEXT, Signal.CO_IMAGE
    };
}
