package org.lockstep.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.lockstep.core.coord.Actions;
import org.lockstep.core.coord.Calibration;
import org.lockstep.core.coord.Coordination;
import org.lockstep.core.coord.CoordinationConfig;
import org.lockstep.core.coord.CoordinationResult;
import org.lockstep.core.model.PostTable;
import org.lockstep.io.read.ReadOptions;
import org.lockstep.io.read.Readers;

/**
 * Calibration of the detector's statistics on real inputs (docs/calibration.md):
 *
 * <pre>
 * java -cp 'bench/target/lockstep-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*' org.lockstep.bench.CalibrationRun \
 *     [--pairs 200] [--draws 200] [--seeds 5] FILE...
 * </pre>
 *
 * Per file: (1) the timing test's analytic p-values against a Monte Carlo jitter test on the tested pairs
 * (calibration table by analytic p-value, quantiles of both); (2) flagged accounts on true nulls made from
 * the file, over several seeds: every account's timeline shifted by its own offset of hours (timing test
 * alone, and both tests), who-shares-what shuffled within each signal (both tests); (3) the real run.
 */
public final class CalibrationRun {
    private CalibrationRun() {}

    public static void main(String[] args) throws java.io.IOException {
        int pairs = 200, draws = 200, seeds = 5;
        List<String> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--pairs" -> pairs = Integer.parseInt(args[++i]);
                case "--draws" -> draws = Integer.parseInt(args[++i]);
                case "--seeds" -> seeds = Integer.parseInt(args[++i]);
                default -> files.add(args[i]);
            }
        }
        for (String f : files) run(f, pairs, draws, seeds);
    }

    static void run(String file, int pairs, int draws, int seeds) throws java.io.IOException {
        Readers.Loaded l = Readers.table(List.of(file), ReadOptions.defaults(), true, p -> { });
        PostTable t = l.table();
        CoordinationConfig c = CoordinationConfig.builder().build();
        CoordinationConfig timingOnly = c.toBuilder().cooccurrence(false).build();
        Actions x = Actions.from(t, c);
        System.out.printf(Locale.ROOT, "## %s%n%n%,d posts, %,d co-action rows, %,d accounts%n%n", name(file), t.size(),
                x.size(), x.accountCount());
        long t0 = System.nanoTime();
        List<Calibration.Check> checks = Calibration.monteCarlo(x, c, pairs, draws, 7);
        System.out.printf(Locale.ROOT, "Monte Carlo jitter test: %d tested pairs (smallest analytic p first), %d draws each, %.1f s%n%n",
                checks.size(), draws, (System.nanoTime() - t0) / 1e9);
        calibrationTable(checks, draws);
        CoordinationResult real = Coordination.detect(x, c);
        CoordinationResult realTiming = Coordination.detect(x, timingOnly);
        System.out.printf(Locale.ROOT, "%nReal data: %d accounts flagged (both tests), %d by the timing test alone%n%n",
                real.accountCount(), realTiming.accountCount());
        System.out.println("| null (seed) | flagged, timing test | flagged, both tests |");
        System.out.println("|---|---|---|");
        int[] shiftT = new int[seeds], shiftB = new int[seeds], shufB = new int[seeds], shufT = new int[seeds];
        for (int s = 0; s < seeds; s++) {
            Actions sh = Calibration.shifted(x, 24 * 3_600_000L, 100 + s);
            shiftT[s] = Coordination.detect(sh, timingOnly).accountCount();
            shiftB[s] = Coordination.detect(sh, c).accountCount();
            Actions su = Calibration.shuffled(x, 200 + s);
            shufT[s] = Coordination.detect(su, timingOnly).accountCount();
            shufB[s] = Coordination.detect(su, c).accountCount();
            System.out.printf(Locale.ROOT, "| shifted ±1–24 h (%d) | %d | %d (co-occurrence kept by design) |%n", 100 + s, shiftT[s], shiftB[s]);
            System.out.printf(Locale.ROOT, "| shuffled within signal (%d) | %d | %d |%n", 200 + s, shufT[s], shufB[s]);
        }
        System.out.printf(Locale.ROOT, "%nmean flagged: shifted (timing) %.1f, shuffled (timing) %.1f, shuffled (both) %.1f%n%n",
                mean(shiftT), mean(shufT), mean(shufB));
    }

    private static void calibrationTable(List<Calibration.Check> checks, int draws) {
        double[] edges = {1e-3, 1e-2, 0.05, 0.2, 1.0001};
        String[] names = {"p ≤ 0.001", "0.001 < p ≤ 0.01", "0.01 < p ≤ 0.05", "0.05 < p ≤ 0.2", "p > 0.2"};
        System.out.println("| analytic p | pairs | mean analytic | mean Monte Carlo | Monte Carlo ≥ analytic |");
        System.out.println("|---|---|---|---|---|");
        double lo = -1;
        for (int b = 0; b < edges.length; b++) {
            int n = 0, conservative = 0;
            double sa = 0, sm = 0;
            for (Calibration.Check k : checks) {
                if (k.analytic() > lo && k.analytic() <= edges[b]) {
                    n++;
                    sa += k.analytic();
                    sm += k.monteCarlo();
                    // within Monte Carlo error (or the floor 1/(draws+1)), the analytic value is not too small
                    double se = Math.sqrt(k.monteCarlo() * (1 - k.monteCarlo()) / draws);
                    if (k.analytic() + 2 * se + 1.0 / (draws + 1) >= k.monteCarlo()) conservative++;
                }
            }
            lo = edges[b];
            if (n == 0) continue;
            System.out.printf(Locale.ROOT, "| %s | %d | %.4g | %.4g | %d of %d |%n", names[b], n, sa / n, sm / n, conservative, n);
        }
        double[] a = checks.stream().mapToDouble(Calibration.Check::analytic).sorted().toArray();
        double[] m = checks.stream().mapToDouble(Calibration.Check::monteCarlo).sorted().toArray();
        if (a.length == 0) return;
        System.out.println();
        System.out.println("| quantile | analytic p | Monte Carlo p |");
        System.out.println("|---|---|---|");
        for (double q : new double[] {0.05, 0.1, 0.25, 0.5, 0.75, 0.9}) {
            int i = (int) Math.min(a.length - 1, Math.floor(q * a.length));
            System.out.printf(Locale.ROOT, "| %.2f | %.4g | %.4g |%n", q, a[i], m[i]);
        }
    }

    private static double mean(int[] v) {
        return Arrays.stream(v).average().orElse(0);
    }

    private static String name(String file) {
        return file.substring(file.lastIndexOf('/') + 1);
    }
}
