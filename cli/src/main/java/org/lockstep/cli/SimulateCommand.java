package org.lockstep.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;
import org.lockstep.sim.OpType;
import org.lockstep.sim.SimConfig;
import org.lockstep.sim.SimResult;
import org.lockstep.sim.Simulator;
import org.lockstep.sim.Timing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lockstep simulate}: writes a synthetic scenario, its ground-truth labels and its account roles. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Writes a synthetic scenario with planted operations and ground truth.",
            "Scenarios: election (organic + all operations), organic, sockpuppets, leak, narrative, lookalike.",
            "Also writes <base>.labels.json and <base>.accounts.csv next to --out (base = --out without extensions)."})
final class SimulateCommand implements Callable<Integer> {
    @Option(names = "--scenario", defaultValue = "election", description = "Scenario name (default: ${DEFAULT-VALUE}).")
    String scenario;

    @Option(names = "--posts", defaultValue = "50000", description = "Exact number of posts (default: ${DEFAULT-VALUE}).")
    long posts;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed; same seed, same bytes (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, description = "Posts file; a .gz suffix compresses it.")
    Path out;

    @Option(names = "--labels", description = "Ground-truth JSON (default: <base>.labels.json).")
    Path labels;

    @Option(names = "--accounts", description = "Account roles CSV (default: <base>.accounts.csv).")
    Path accounts;

    @Option(names = "--start", description = "Scenario start, ISO instant (default: 2017-05-05T00:00:00Z).")
    String start;

    @Option(names = "--days", defaultValue = "3", description = "Scenario length in days (default: ${DEFAULT-VALUE}).")
    double days;

    @Option(names = "--format", defaultValue = "twitter-json",
            description = "twitter-json (v1.1, one tweet per line) or toolkit-csv (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--ops", split = ",", description = "Operations to plant, overriding the scenario: sockpuppets,leak,narrative,lookalike (or 'none').")
    String[] ops;

    @Option(names = "--no-sockpuppets", description = "Leave out the sock-puppet network.")
    boolean noSockpuppets;

    @Option(names = "--no-leak", description = "Leave out the hack-and-leak storm.")
    boolean noLeak;

    @Option(names = "--no-narrative", description = "Leave out the copy-pasted narrative.")
    boolean noNarrative;

    @Option(names = "--no-lookalike", description = "Leave out the look-alike domains.")
    boolean noLookalike;

    @Option(names = "--op-delay-median", defaultValue = "30",
            description = "Median operator delay of the planted operations in seconds (default: ${DEFAULT-VALUE}).")
    double opDelayMedian;

    @Option(names = "--op-delay-spread", defaultValue = "1.5",
            description = "Log-normal spread (sigma) of the operator delays over operations and accounts (default: ${DEFAULT-VALUE}).")
    double opDelaySpread;

    @Option(names = "--op-sparse", defaultValue = "0.3",
            description = "Share of each timed operation's accounts with only 1 to 5 posts (default: ${DEFAULT-VALUE}).")
    double opSparse;

    @Option(names = "--op-relaunch", defaultValue = "0.3",
            description = "Share of sock-puppet bursts and copy-pasta rounds pushed again after a 12-48 min pause (default: ${DEFAULT-VALUE}).")
    double opRelaunch;

    @Option(names = "--json", description = "Print a JSON summary on stdout.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        SimConfig config;
        try {
            config = config();
        } catch (IllegalArgumentException | DateTimeParseException e) {
            System.err.println("lockstep simulate: " + e.getMessage());
            return Main.USAGE;
        }
        String base = base(out);
        Path labelsPath = labels != null ? labels : sibling(out, base + ".labels.json");
        Path accountsPath = accounts != null ? accounts : sibling(out, base + ".accounts.csv");
        boolean tty = System.console() != null && !json;
        long t0 = System.nanoTime();
        SimResult res;
        try (OutputStream p = open(out); OutputStream l = open(labelsPath); OutputStream a = open(accountsPath)) {
            res = Simulator.run(config, p, l, a, tty ? n -> progress(n, config.posts(), t0) : null);
        }
        if (tty) System.err.print("\r\033[K");
        double secs = (System.nanoTime() - t0) / 1e9;
        if (json) {
            StringWriter sw = new StringWriter();
            try (JsonGenerator g = new JsonFactory().createGenerator(sw)) {
                g.writeStartObject();
                g.writeNumberField("posts", res.posts());
                g.writeNumberField("organic_posts", res.organicPosts());
                g.writeObjectFieldStart("operations");
                for (var e : res.operationPosts().entrySet()) g.writeNumberField(e.getKey(), e.getValue());
                g.writeEndObject();
                g.writeNumberField("accounts", res.accounts());
                g.writeStringField("out", out.toString());
                g.writeStringField("labels", labelsPath.toString());
                g.writeStringField("accounts_csv", accountsPath.toString());
                g.writeNumberField("seconds", Math.round(secs * 1000) / 1000.0);
                g.writeEndObject();
            }
            System.out.println(sw);
        } else {
            System.err.printf(Locale.ROOT, "lockstep simulate: %,d posts (%,d organic", res.posts(), res.organicPosts());
            for (var e : res.operationPosts().entrySet()) System.err.printf(Locale.ROOT, ", %s %,d", e.getKey(), e.getValue());
            System.err.printf(Locale.ROOT, ") by %,d accounts in %.1f s -> %s, %s, %s%n", res.accounts(), secs, out,
                    labelsPath, accountsPath);
        }
        return Main.OK;
    }

    SimConfig config() {
        Set<OpType> set;
        if (ops != null) {
            set = EnumSet.noneOf(OpType.class);
            for (String o : ops) if (!o.isBlank() && !o.trim().equalsIgnoreCase("none")) set.add(OpType.parse(o));
        } else {
            set = EnumSet.noneOf(OpType.class);
            set.addAll(SimConfig.operationsOf(scenario));
        }
        if (noSockpuppets) set.remove(OpType.SOCKPUPPET_NETWORK);
        if (noLeak) set.remove(OpType.HACK_AND_LEAK);
        if (noNarrative) set.remove(OpType.COPYPASTA);
        if (noLookalike) set.remove(OpType.LOOKALIKE_DOMAINS);
        long startMs = start == null ? SimConfig.DEFAULT_START_MS : Instant.parse(start).toEpochMilli();
        return new SimConfig(scenario.toLowerCase(Locale.ROOT), set, posts, seed, startMs, days,
                SimConfig.Format.parse(format), new Timing(Math.round(opDelayMedian * 1000), opDelaySpread, opSparse,
                        opRelaunch));
    }

    /** The output name without {@code .gz} and its last extension ({@code x.jsonl.gz -> x}). */
    static String base(Path p) {
        String n = p.getFileName().toString();
        if (n.endsWith(".gz")) n = n.substring(0, n.length() - 3);
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    private static Path sibling(Path p, String name) {
        Path parent = p.toAbsolutePath().getParent();
        return parent == null ? Path.of(name) : parent.resolve(name);
    }

    private static OutputStream open(Path p) throws IOException {
        Path parent = p.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        OutputStream o = Files.newOutputStream(p);
        if (p.getFileName().toString().endsWith(".gz")) return new BufferedOutputStream(new GZIPOutputStream(o, 1 << 16), 1 << 16);
        return new BufferedOutputStream(o, 1 << 16);
    }

    private static void progress(long n, long total, long t0) {
        double secs = (System.nanoTime() - t0) / 1e9;
        double rate = n / Math.max(1e-9, secs);
        double eta = (total - n) / Math.max(1, rate);
        System.err.printf(Locale.ROOT, "\r%5.1f%%  %,d posts  %,.0f posts/s  ETA %.0f s ", 100.0 * n / total, n, rate, eta);
    }
}
