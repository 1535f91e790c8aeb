package org.lockstep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lockstep.core.coord.Coordination;
import org.lockstep.core.coord.CoordinationConfig;
import org.lockstep.core.coord.CoordinationResult;
import org.lockstep.core.coord.Signal;
import org.lockstep.core.model.PostTable;
import org.lockstep.io.read.Problem;
import org.lockstep.io.read.ReadReport;
import org.lockstep.io.read.Readers;
import org.lockstep.io.read.TooManyErrorsException;
import org.lockstep.io.store.PostFilter;
import org.lockstep.io.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lockstep detect}: options to a {@link CoordinationConfig}, then the engine, then {@link DetectOutputs}. */
@Command(name = "detect", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Finds accounts acting in lockstep (coordination) and writes the network with its evidence.",
            "Writes summary.json, accounts.csv, edges.csv, groups.csv, evidence.csv, network.gexf and report.html to --out",
            "(edges.parquet and evidence.parquet too when a CSV would pass 1 M rows or 50 MB; network.graphml with --graphml)."},
        footerHeading = "%nEngine defaults (see summary.json for the values a run used):%n",
        footer = "${sys:lockstep.detect.defaults}",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:failed", "2:bad usage", "3:nothing could be read", "4:more than --max-errors records rejected"})
final class DetectCommand implements Callable<Integer> {
    static {
        System.setProperty("lockstep.detect.defaults", defaults());
    }

    /** The engine's defaults, for --help (read from the engine so that they never drift). */
    static String defaults() {
        CoordinationConfig d = CoordinationConfig.builder().build();
        StringBuilder w = new StringBuilder();
        d.windowsMs().forEach((s, ms) -> {
            if (w.length() > 0) w.append(", ");
            w.append(s.label()).append('=').append(ms == CoordinationConfig.ANY_TIME ? "any" : String.valueOf(ms / 1000.0).replace(".0", "") + "s");
        });
        List<String> parts = new ArrayList<>();
        parts.add("signals and windows: " + w + ";");
        parts.add("selection " + d.selection().name().toLowerCase(Locale.ROOT) + ", alpha " + d.alpha() + ", min repetitions "
                + d.minRepetitions() + " episodes, episode gap " + d.episodeGapMs() / 1000 + " s, jitter factor " + d.jitterFactor()
                + " (every signal), co-occurrence test " + (d.cooccurrence() ? "on" : "off") + " (objects of at most "
                + d.maxObjectAccounts() + " accounts), news share " + d.popularShare() + ", max partners " + d.maxPartnersPerAction()
 + ", evidence per edge " + d.evidencePerEdge()
                + ", Leiden resolution " + d.leidenResolution() + " (" + d.leidenIterations() + " iterations), seed " + d.seed() + ";");
        parts.add("--preset coortweet: window 10 s, min participation 2, edge weight 0.5 (CooRTweet's defaults).");
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            StringBuilder line = new StringBuilder("  ");
            boolean first = true;
            for (String word : part.split(" ")) {
                if (!first && line.length() + 1 + word.length() > 78) {
                    out.append(line).append("%n");
                    line = new StringBuilder("    ");
                    first = true;
                }
                if (!first) line.append(' ');
                line.append(word);
                first = false;
            }
            out.append(line).append("%n");
        }
        return out.toString();
    }
    @Mixin
    InputOptions input;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Directory for the outputs (created if needed).")
    Path out;

    @Option(names = "--preset", paramLabel = "NAME",
            description = "'coortweet': reproduce CooRTweet's detect_groups + generate_coordinated_network(subgraph = 1) "
                    + "with --window, --min-participation and --edge-weight; with --signals, each signal on its own "
                    + "(min participation per signal) and one network, as CooRTweet's multi-modal vignette.")
    String preset;

    @Option(names = "--signals", paramLabel = "LIST", split = ",",
            description = "Signals to switch on: co-repost, co-reply, co-quote, co-link, co-domain, co-hashtag, hashtag-set, co-text, "
                    + "near-text, co-image, object (defaults below).")
    List<String> signals;

    @Option(names = "--window", paramLabel = "SECONDS", description = "Co-action window of every signal (e.g. 60).")
    Double window;

    @Option(names = "--signal-window", paramLabel = "SIGNAL=SECONDS",
            description = "Window of one signal (switches it on), e.g. --signal-window co-link=300; 'any' tests co-occurrence at any time "
                    + "(sharing the same rare objects), e.g. co-domain=any. Repeatable.")
    List<String> signalWindows = new ArrayList<>();

    @Option(names = "--fast-window", paramLabel = "SECONDS", description = "A second, narrower window; edges also count co-actions within it.")
    Double fastWindow;

    @Option(names = "--selection", paramLabel = "HOW",
            description = "How edges are kept: significance (default), percentile (CooRTweet), min-weight (toolkit), all.")
    String selection;

    @Option(names = "--alpha", paramLabel = "Q", description = "False discovery rate (Benjamini-Hochberg) for significance selection.")
    Double alpha;

    @Option(names = "--min-repetitions", paramLabel = "N", description = "Episodes (repeated co-actions, see --episode-gap) an edge needs.")
    Integer minRepetitions;

    @Option(names = "--edge-weight", paramLabel = "QUANTILE",
            description = "Keep edges whose co-action count is above this quantile (CooRTweet's edge_weight; implies --selection percentile).")
    Double edgeWeight;

    @Option(names = "--min-edge-weight", paramLabel = "N",
            description = "Keep edges with at least N co-actions (the toolkit's min_edge_weight; implies --selection min-weight).")
    Integer minEdgeWeight;

    @Option(names = "--min-participation", paramLabel = "N", description = "Ignore accounts with fewer co-action rows.")
    Integer minParticipation;

    @Option(names = "--max-partners", paramLabel = "N",
            description = "Viral bound: each action is paired with at most N later actions on the same object.")
    Integer maxPartners;

    @Option(names = "--jitter-factor", paramLabel = "F",
            description = "Null model for reposts/replies/quotes: each action is moved by up to F x window at random (jitter).")
    Double jitterFactor;

    @Option(names = "--popular-content", paramLabel = "SHARE",
            description = "An object shared by more than this share of the accounts (and over 1000 of them) is news: "
                    + "the timing null uses its own popularity curve (default 0.01; 0 = off).")
    Double popularContent;

    @Option(names = "--no-cooccurrence", description = "Test timing only: no co-occurrence test of shared rare objects at any time.")
    boolean noCooccurrence;

    @Option(names = "--time-resolution", paramLabel = "SECONDS",
            description = "Resolution of the input's times (windows are widened by it); default: detected from the data.")
    Double timeResolution;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads for counting pairs and the null model (default: one per processor; results do not depend on it).")
    Integer threads;

    @Option(names = "--episode-gap", paramLabel = "SECONDS",
            description = "Co-actions of a pair on one object further apart than this are separate episodes (the repetition count).")
    Double episodeGap;

    @Option(names = "--max-object-accounts", paramLabel = "N",
            description = "For 'any'-time signals, only objects shared by at most N accounts make pairs.")
    Integer maxObjectAccounts;

    @Option(names = "--null-shuffles", paramLabel = "N", hidden = true,
            description = "Accepted for compatibility; the null model is computed in closed form, so no shuffles are run.")
    Integer nullShuffles;

    @Option(names = "--evidence-per-edge", paramLabel = "N", description = "Post pairs kept per edge in evidence.csv (default 20).")
    Integer evidencePerEdge;

    @Option(names = "--max-evidence", paramLabel = "N", description = {"Post pairs kept as evidence over all edges (default 2,000,000;",
            "0 = all): a bigger network keeps fewer per edge, at least 2."})
    Long maxEvidence;

    @Option(names = "--leiden-resolution", paramLabel = "GAMMA", description = "Resolution of the Leiden communities.")
    Double leidenResolution;

    @Option(names = "--leiden-iterations", paramLabel = "N", description = "Leiden iterations.")
    Integer leidenIterations;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of every random choice.")
    Long seed;

    @Option(names = "--draw-nodes", paramLabel = "N", defaultValue = "1000", description = "Accounts drawn in report.html at most (default 1000).")
    int drawNodes;

    @Option(names = "--report-groups", paramLabel = "N", defaultValue = "10", description = "Groups shown in detail in report.html (default 10).")
    int reportGroups;

    @Option(names = "--no-text", description = "Do not keep post text (less memory; no text signals, no text in the evidence).")
    boolean noText;

    @Option(names = "--json", description = "Print summary.json to standard output.")
    boolean json;

    @Option(names = "--media", paramLabel = "DIR",
            description = "Media files of the posts (named by the media id or the file name of the media URL): the co-image signal compares their perceptual hashes, so a re-captioned or recompressed meme is one object.")
    java.nio.file.Path media;

    @Option(names = "--graphml", description = "Also write network.graphml (yEd, igraph); network.gexf (Gephi, NetworkX) is always written.")
    boolean graphml;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        long t0 = System.nanoTime();
        CoordinationConfig config;
        try {
            config = config();
        } catch (IllegalArgumentException e) {
            err.println("lockstep detect: " + e.getMessage());
            return Main.USAGE;
        }
        if (media != null && !java.nio.file.Files.isDirectory(media)) {
            err.println("lockstep detect: --media: not a folder: " + Terminal.safe(media.toString()));
            return Main.USAGE;
        }
        if (media != null && !config.enabled(Signal.CO_IMAGE)) {
            err.println("lockstep detect: --media is read by the co-image signal, which is off in this run");
        }
        org.lockstep.io.out.OutputDir od;
        try {
            // before any work: --out can be written and holds no file Lockstep did not write
            od = org.lockstep.io.out.OutputDir.open(out, "detect", DetectOutputs.ALWAYS);
        } catch (org.lockstep.io.out.OutputDir.OutputException e) {
            err.println("lockstep detect: " + Terminal.safe(e.getMessage()) + ". Nothing was done.");
            return Main.FAILED;
        }
        boolean keepText = !noText || config.enabled(Signal.CO_TEXT) || config.enabled(Signal.NEAR_TEXT);
        if (noText && keepText) err.println("lockstep detect: --no-text ignored: the text signals need the text");
        InputOptions.ProblemPrinter problems = new InputOptions.ProblemPrinter(System.err, 20);
        Readers.Loaded loaded;
        try {
            loaded = input.load(keepText, PostFilter.ALL, p -> {
                if (p.severity() != Problem.Severity.WARNING) problems.accept(p);
            });
        } catch (IllegalArgumentException e) {
            err.println("lockstep detect: " + e.getMessage());
            return Main.USAGE;
        } catch (TooManyErrorsException e) {
            problems.finish(input.quarantine);
            err.println("lockstep detect: " + e.getMessage());
            return Main.TOO_MANY_ERRORS;
        } catch (StoreException e) {
            err.println("lockstep detect: " + e.getMessage());
            return Main.FAILED;
        }
        problems.finish(input.quarantine);
        if (loaded.table().size() == 0) {
            ReadReport rep = loaded.report();
            err.println("lockstep detect: nothing could be read from " + source() + " (" + rep.records() + " records, " + rep.rejected()
                    + " rejected, " + rep.filesFailed() + " files unreadable)");
            return Main.NOTHING_READ;
        }
        PostTable table = loaded.table();
        if (media != null && config.enabled(Signal.CO_IMAGE)) {
            org.lockstep.io.read.MediaFiles.Hashes mh = org.lockstep.io.read.MediaFiles.hash(table, media);
            err.printf(java.util.Locale.ROOT, "lockstep detect: media: %,d of %,d hashed from files in --media (%,d unreadable), %,d given as hashes%n",
                    mh.fromFiles(), table.mediaIds().size(), mh.unreadable(), mh.given());
            table = table.withMediaHashes(mh.hash(), mh.known());
        }
        long readMs = (System.nanoTime() - t0) / 1_000_000;
        CoordinationResult result = Coordination.detect(table, config);
        DetectOutputs.Written w;
        try {
            w = new DetectOutputs(loaded, source(), input.db != null, result, readMs, drawNodes, reportGroups, graphml).writeAll(od, t0);
        } catch (org.lockstep.io.out.OutputDir.OutputException e) {
            err.println("lockstep detect: " + Terminal.safe(e.getMessage()) + ".");
            return Main.FAILED;
        }
        CaseRuns.record(input.db, "detect", org.lockstep.io.out.ConfigJson.tree(config).toString(), w.summaryJson(), err,
                (results, run) -> results.writeCoordination(run, result));
        if (json) {
            spec.commandLine().getOut().println(w.summaryJson());
            spec.commandLine().getOut().flush();
        } else {
            err.println(String.format(Locale.ROOT, "lockstep detect: %,d accounts, %,d edges, %,d groups, %,d components from %,d posts in %.1f s",
                    result.accountCount(), result.edges().size(), result.groups().size(), result.components(), loaded.table().size(),
                    w.totalMs() / 1000.0));
            if (result.edges().size() == 0) printWhyNothing(err, w.whyNothing());
            err.println("lockstep detect: report: " + out.resolve("report.html").toAbsolutePath());
        }
        return Main.OK;
    }

    /** Never a silent zero: why nothing was kept, the strongest pairs, and what to try. */
    @SuppressWarnings("unchecked")
    private static void printWhyNothing(PrintWriter err, Map<String, Object> why) {
        if (why == null) return;
        for (Object reason : (List<Object>) why.get("reasons")) err.println("lockstep detect: " + Terminal.safe(String.valueOf(reason)));
        List<Map<String, Object>> top = (List<Map<String, Object>>) why.get("strongest_pairs");
        if (!top.isEmpty()) {
            err.println("lockstep detect: strongest pairs (episodes within the window / rare objects shared; p timing, p co-occurrence):");
            for (int i = 0; i < Math.min(5, top.size()); i++) {
                Map<String, Object> x = top.get(i);
                err.println(String.format(Locale.ROOT, "  %s - %s: %s / %s; p %s, %s", Terminal.safe(String.valueOf(x.get("account_a"))),
                        Terminal.safe(String.valueOf(x.get("account_b"))), x.get("episodes"), x.get("shared_objects"),
                        p(x.get("p_timing")), p(x.get("p_cooccurrence"))));
            }
        }
        err.println("lockstep detect: " + why.get("try"));
    }

    private static String p(Object v) {
        return v instanceof Double d ? String.format(Locale.ROOT, "%.3g", d) : "-";
    }

    private String source() {
        return input.db != null ? "case database " + input.db : String.join(", ", input.files);
    }

    private Signal[] signalList() {
        List<Signal> on = new ArrayList<>();
        for (String s : signals) if (!s.isBlank()) on.add(Signal.byLabel(s));
        return on.toArray(new Signal[0]);
    }

    /** The engine configuration the options describe. */
    CoordinationConfig config() {
        CoordinationConfig.Builder b;
        if (preset != null) {
            if (!preset.equalsIgnoreCase("coortweet")) throw new IllegalArgumentException("unknown preset '" + preset + "' (known: coortweet)");
            long w = window == null ? 10 : Math.round(window); // CooRTweet's defaults: 10 s, 2, 0.5
            int mp = minParticipation == null ? 2 : minParticipation;
            double ew = edgeWeight == null ? 0.5 : edgeWeight;
            b = CoordinationConfig.coortweet(w, mp, ew).toBuilder();
            // CooRTweet's multi-modal vignette: each signal detected on its own (min participation per signal),
            // the results bound into one network
            if (signals != null && !signals.isEmpty()) b.signals(signalList()).window(w * 1000);
        } else {
            b = CoordinationConfig.builder();
            if (signals != null && !signals.isEmpty()) b.signals(signalList());
            if (window != null) b.window(ms(window, "--window"));
            if (minParticipation != null) b.minParticipation(minParticipation);
            if (edgeWeight != null) b.selection(CoordinationConfig.Selection.PERCENTILE).edgeWeightPercentile(edgeWeight);
            if (minEdgeWeight != null) b.selection(CoordinationConfig.Selection.MIN_WEIGHT).minEdgeWeight(minEdgeWeight);
            if (edgeWeight != null && minEdgeWeight != null) throw new IllegalArgumentException("give --edge-weight or --min-edge-weight, not both");
        }
        for (String sw : signalWindows) {
            int eq = sw.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("--signal-window wants SIGNAL=SECONDS, got '" + sw + "'");
            String v = sw.substring(eq + 1).strip();
            long w;
            if (v.equalsIgnoreCase("any")) {
                w = CoordinationConfig.ANY_TIME;
            } else {
                try {
                    w = ms(Double.parseDouble(v), "--signal-window");
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--signal-window wants seconds or 'any', got '" + v + "'");
                }
            }
            b.window(Signal.byLabel(sw.substring(0, eq)), w);
        }
        if (selection != null) b.selection(selection(selection));
        if (fastWindow != null) b.fastWindow(ms(fastWindow, "--fast-window"));
        if (alpha != null) b.alpha(alpha);
        if (minRepetitions != null) b.minRepetitions(minRepetitions);
        if (maxPartners != null) b.maxPartnersPerAction(maxPartners);
        if (jitterFactor != null) b.jitterFactor(jitterFactor);
        if (noCooccurrence) b.cooccurrence(false);
        if (timeResolution != null) b.timeResolutionMs(ms(timeResolution, "--time-resolution"));
        if (episodeGap != null) b.episodeGapMs(ms(episodeGap, "--episode-gap"));
        if (maxObjectAccounts != null) b.maxObjectAccounts(maxObjectAccounts);
        if (evidencePerEdge != null) b.evidencePerEdge(evidencePerEdge);
        if (maxEvidence != null) b.maxEvidencePairs(maxEvidence);
        if (leidenResolution != null) b.leidenResolution(leidenResolution);
        if (leidenIterations != null) b.leidenIterations(leidenIterations);
        if (seed != null) b.seed(seed);
        if (threads != null) b.threads(threads);
        if (popularContent != null) b.popularShare(popularContent);
        if (drawNodes < 0 || reportGroups < 0) throw new IllegalArgumentException("--draw-nodes and --report-groups must be ≥ 0");
        return b.build();
    }

    private static long ms(double seconds, String option) {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) throw new IllegalArgumentException(option + " must be ≥ 0 seconds");
        return Math.round(seconds * 1000);
    }

    private static CoordinationConfig.Selection selection(String s) {
        String k = s.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            return CoordinationConfig.Selection.valueOf(k);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown --selection '" + s + "' (known: significance, percentile, min-weight, all)");
        }
    }
}
