package org.lockstep.bench;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.lockstep.core.coord.Actions;
import org.lockstep.core.coord.Coordination;
import org.lockstep.core.coord.CoordinationConfig;
import org.lockstep.core.coord.CoordinationResult;
import org.lockstep.core.coord.Signal;
import org.lockstep.core.model.PostTable;
import org.lockstep.io.read.ReadOptions;
import org.lockstep.io.read.Readers;
import org.lockstep.sim.SimConfig;
import org.lockstep.sim.Simulator;

/**
 * End-to-end coordination runs with wall and process CPU time.
 *
 * <pre>
 * java -cp 'bench/target/lockstep-bench.jar:bench/target/lib/*' org.lockstep.bench.CoordEndToEnd russian FILE.csv.gz [W MP EW]
 * java -cp ... org.lockstep.bench.CoordEndToEnd sim POSTS SEED [signals,comma,separated]
 * java -cp ... org.lockstep.bench.CoordEndToEnd simfile POSTS.jsonl ACCOUNTS.csv [signals]
 * </pre>
 */
public final class CoordEndToEnd {
    private CoordEndToEnd() {}

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "russian" -> russian(args);
            case "sim" -> sim(args);
            case "synthetic" -> {
                CoordKernelBench kb = new CoordKernelBench();
                kb.rows = Integer.parseInt(args[1]);
                kb.setup();
                for (int rep = 0; rep < 2; rep++) {
                    long c0 = cpuMs();
                    CoordinationResult r = kb.detect();
                    System.out.println("timings " + r.timings() + " cpu=" + (cpuMs() - c0) + "ms");
                    System.out.println("counts " + r.counts() + " accounts=" + r.accountCount());
                }
            }
            case "simfile" -> simFile(Path.of(args[1]), Path.of(args[2]), args.length > 3 ? args[3] : null);
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static long cpuMs() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
    }

    private static void russian(String[] args) throws IOException {
        long w = args.length > 2 ? Long.parseLong(args[2]) : 60;
        int mp = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        double ew = args.length > 4 ? Double.parseDouble(args[4]) : 0.5;
        long t0 = System.nanoTime();
        Actions.GenericBuilder b = Actions.generic();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(Path.of(args[1]))), StandardCharsets.UTF_8))) {
            r.readLine();
            String line;
            while ((line = r.readLine()) != null) {
                int c1 = line.indexOf(','), c2 = line.indexOf(',', c1 + 1), c3 = line.indexOf(',', c2 + 1);
                b.add(line.substring(0, c1), line.substring(c1 + 1, c2), line.substring(c2 + 1, c3),
                        Long.parseLong(line.substring(c3 + 1)) * 1000);
            }
        }
        Actions x = b.build();
        long read = (System.nanoTime() - t0) / 1_000_000;
        CoordinationResult r = Coordination.detect(x, CoordinationConfig.coortweet(w, mp, ew));
        long total = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("rows=%d read=%dms detect=%dms total=%dms accounts=%d edges=%d components=%d cpu=%dms%n",
                x.size(), read, r.timings().totalMs(), total, r.accountCount(), r.edges().size, r.components(), cpuMs());
        CoordinationResult s = Coordination.detect(x, CoordinationConfig.builder().signals(Signal.OBJECT)
                .window(w * 1000).minParticipation(mp).build());
        System.out.printf("significance mode: accounts=%d edges=%d components=%d groups=%d tested=%d detect=%dms%n",
                s.accountCount(), s.edges().size, s.components(), s.groups().size(), s.counts().testedPairs(),
                s.timings().totalMs());
    }

    private static void sim(String[] args) throws IOException {
        long posts = Long.parseLong(args[1]);
        long seed = Long.parseLong(args[2]);
        Path dir = Files.createTempDirectory("coord-sim");
        Path p = dir.resolve("posts.jsonl"), a = dir.resolve("accounts.csv");
        long t0 = System.nanoTime();
        try (OutputStream po = new java.io.BufferedOutputStream(Files.newOutputStream(p), 1 << 16);
                OutputStream ao = Files.newOutputStream(a)) {
            Simulator.run(SimConfig.scenario("election", posts, seed), po, new ByteArrayOutputStream(), ao, null);
        }
        System.out.printf("simulated %d posts in %d ms -> %s%n", posts, (System.nanoTime() - t0) / 1_000_000, p);
        simFile(p, a, args.length > 3 ? args[3] : null);
    }

    private static void simFile(Path posts, Path accounts, String signals) throws IOException {
        long c0 = cpuMs();
        long t0 = System.nanoTime();
        boolean text = signals == null || signals.contains("text");
        Readers.Loaded l = Readers.table(List.of(posts.toString()), ReadOptions.defaults(), text, pr -> { });
        PostTable t = l.table();
        long read = (System.nanoTime() - t0) / 1_000_000;
        long c1 = cpuMs();
        CoordinationConfig.Builder cb = CoordinationConfig.builder();
        if (signals != null) {
            // the named signals with their default windows (co-domain: any time), the others off
            CoordinationConfig defaults = CoordinationConfig.builder().build();
            java.util.Set<Signal> want = java.util.EnumSet.noneOf(Signal.class);
            for (String s : signals.split(",")) want.add(Signal.byLabel(s));
            for (Signal s : Signal.values()) {
                if (!want.contains(s)) cb.disable(s);
                else cb.window(s, defaults.enabled(s) ? defaults.windowMs(s) : CoordinationConfig.DEFAULT_WINDOW_MS);
            }
        }
        if (System.getenv("COORD_ALPHA") != null) cb.alpha(Double.parseDouble(System.getenv("COORD_ALPHA")));
        if (System.getenv("COORD_MINREP") != null) cb.minRepetitions(Integer.parseInt(System.getenv("COORD_MINREP")));
        if (System.getenv("COORD_JF") != null) cb.jitterFactor(Double.parseDouble(System.getenv("COORD_JF")));
        // COORD_REPEAT=n: detect n times on the same table (the read once), each time printed, the last kept
        int repeat = System.getenv("COORD_REPEAT") == null ? 1 : Integer.parseInt(System.getenv("COORD_REPEAT"));
        CoordinationResult r = null;
        long detect = 0, c2 = 0;
        for (int k = 0; k < repeat; k++) {
            System.gc();
            c1 = cpuMs();
            long t1 = System.nanoTime();
            r = Coordination.detect(t, cb.build());
            detect = (System.nanoTime() - t1) / 1_000_000;
            c2 = cpuMs();
            if (repeat > 1) System.out.printf("detect %d: %dms (cpu %dms) %s%n", k + 1, detect, c2 - c1, r.timings());
        }
        System.out.printf("posts=%d read=%dms (cpu %dms) detect=%dms (cpu %dms) heapUsed=%dMB%n", t.size(), read, c1 - c0,
                detect, c2 - c1, (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
        System.out.println("timings " + r.timings());
        System.out.println("counts " + r.counts());
        System.out.printf("accounts=%d edges=%d components=%d groups=%d%n", r.accountCount(), r.edges().size,
                r.components(), r.groups().size());
        Map<String, String> role = new HashMap<>();
        for (String line : Files.readAllLines(accounts)) {
            String[] f = line.split(",", -1);
            if (f[0].equals("account_id")) continue;
            role.put(f[0], f[2] + (f.length > 3 && !f[3].isEmpty() ? "/" + f[3] : ""));
        }
        Map<String, int[]> perRole = new TreeMap<>();
        for (var e : role.entrySet()) perRole.computeIfAbsent(e.getValue(), k -> new int[2])[0]++;
        int flagged = 0, tp = 0, planted = 0;
        for (int acc : r.accounts().members) {
            String ro = role.getOrDefault(r.accountName(acc), "?");
            perRole.computeIfAbsent(ro, k -> new int[2])[1]++;
            flagged++;
            if (!ro.startsWith("organic")) tp++;
        }
        for (String ro : role.values()) if (!ro.startsWith("organic")) planted++;
        java.util.Set<Integer> members = new java.util.HashSet<>();
        for (int acc : r.accounts().members) members.add(acc);
        int[] postsPer = new int[t.accounts().size()];
        for (int row = 0; row < t.size(); row++) postsPer[t.account(row)]++;
        Map<String, List<Integer>> missed = new TreeMap<>();
        for (var e : role.entrySet()) {
            if (e.getValue().startsWith("organic")) continue;
            int id = t.accounts().find(e.getKey());
            if (id >= 0 && !members.contains(id)) {
                missed.computeIfAbsent(e.getValue(), k -> new java.util.ArrayList<>()).add(postsPer[id]);
            }
        }
        System.out.println("missed planted accounts (their post counts): " + missed);
        String dbg = System.getenv("COORD_DEBUG_POSTS");
        if (dbg != null) {
            int want = Integer.parseInt(dbg);
            String target = null;
            for (var e : role.entrySet()) {
                int id = t.accounts().find(e.getKey());
                if (id >= 0 && !members.contains(id) && !e.getValue().startsWith("organic") && postsPer[id] == want) target = e.getKey();
            }
            int tid = t.accounts().find(target);
            CoordinationResult all = Coordination.detect(t, cb.selection(CoordinationConfig.Selection.ALL).minRepetitions(1).build());
            var ed = all.edges();
            List<Integer> mine = new java.util.ArrayList<>();
            for (int e = 0; e < ed.size; e++) if (ed.a[e] == tid || ed.b[e] == tid) mine.add(e);
            mine.sort((u, v) -> Double.compare(ed.pValue[u], ed.pValue[v]));
            System.out.println("debug " + target + " " + role.get(target) + " edges=" + mine.size());
            for (int e : mine.subList(0, Math.min(15, mine.size()))) {
                int o = ed.a[e] == tid ? ed.b[e] : ed.a[e];
                System.out.printf("  %s %s ep=%d obj=%d co=%d lambda=%.4g p=%.3g q=%.3g%n", role.get(all.accountName(o)),
                        Signal.labels(ed.signals[e]), ed.episodes[e], ed.objects[e], ed.coActions[e], ed.expected[e],
                        ed.pValue[e], ed.qValue[e]);
            }
        }
        Map<String, Integer> falseSignals = new TreeMap<>();
        var ed = r.edges();
        for (int e = 0; e < ed.size; e++) {
            String ra = role.getOrDefault(r.accountName(ed.a[e]), "?"), rb = role.getOrDefault(r.accountName(ed.b[e]), "?");
            if (ra.startsWith("organic") || rb.startsWith("organic")) {
                falseSignals.merge(Signal.labels(ed.signals[e]) + " ep=" + Math.min(ed.episodes[e], 5), 1, Integer::sum);
                if (System.getenv("COORD_FP") != null) System.out.printf("  FP? %s-%s %s ep=%d cep? co=%d lambda=%.3g p=%.3g q=%.3g gap=%d%n", ra, rb,
                        Signal.labels(ed.signals[e]), ed.episodes[e], ed.coActions[e], ed.expected[e], ed.pValue[e],
                        ed.qValue[e], ed.medianGapMs[e]);
                for (int k = r.evidence().start(e); System.getenv("COORD_FP") != null && k < r.evidence().end(e); k++) {
                    System.out.printf("     %s %s dt=%d%n", r.objectSignal(r.evidence().object[k]).label(),
                            r.objectName(r.evidence().object[k]), r.evidence().gapMs(k));
                }
            }
        }
        System.out.println("edges touching organic accounts by signals: " + falseSignals);
        for (var e : perRole.entrySet()) System.out.printf("  %-40s total=%6d flagged=%6d%n", e.getKey(), e.getValue()[0], e.getValue()[1]);
        System.out.printf("precision=%.4f recall=%.4f (flagged %d, planted %d)%n", flagged == 0 ? 1 : (double) tp / flagged,
                planted == 0 ? 1 : (double) tp / planted, flagged, planted);
    }
}
