package org.lockstep.flink;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import org.lockstep.core.coord.CoordinationResult;
import org.lockstep.core.coord.Edges;
import org.lockstep.sim.SimConfig;
import org.lockstep.sim.Simulator;

/** Simulated cases (with ground truth) and network fingerprints shared by the stream tests. */
final class StreamTestData {
    private StreamTestData() {}

    static Path dir(String name) throws IOException {
        Path d = Path.of("target", "stream-tests", name).toAbsolutePath();
        if (Files.exists(d)) {
            try (var s = Files.walk(d)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return Files.createDirectories(d);
    }

    /** The election scenario (sock puppets, hack-and-leak storm, copypasta, look-alike domains). */
    static Path election(Path dir, long posts, double days, long seed) throws IOException {
        Path f = dir.resolve("scenario.jsonl");
        SimConfig c = SimConfig.scenario("election", posts, seed).withDays(days);
        try (OutputStream out = Files.newOutputStream(f); OutputStream labels = Files.newOutputStream(dir.resolve("labels.json"))) {
            Simulator.run(c, out, labels);
        }
        return f;
    }

    /** Every edge as "a|b:episodes:coActions:pValue", sorted. */
    static TreeSet<String> edges(CoordinationResult r) {
        TreeSet<String> s = new TreeSet<>();
        Edges e = r.edges();
        for (int k = 0; k < e.size(); k++) {
            String x = r.accountName(e.a[k]), y = r.accountName(e.b[k]);
            s.add((x.compareTo(y) < 0 ? x + "|" + y : y + "|" + x) + ":" + e.episodes[k] + ":" + e.coActions[k] + ":"
                    + e.pValue[k]);
        }
        return s;
    }

    /** Accounts in the network with their group. */
    static TreeSet<String> accounts(CoordinationResult r) {
        TreeSet<String> s = new TreeSet<>();
        for (int m : r.accounts().members) s.add(r.accountName(m));
        return s;
    }
}
