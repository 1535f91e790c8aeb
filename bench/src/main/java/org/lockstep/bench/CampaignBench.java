package org.lockstep.bench;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.lockstep.core.campaigns.Campaign;
import org.lockstep.core.campaigns.CampaignAnalysis;
import org.lockstep.core.campaigns.CampaignConfig;
import org.lockstep.core.accounts.AccountSignalsConfig;
import org.lockstep.core.coord.Coordination;
import org.lockstep.core.coord.CoordinationConfig;
import org.lockstep.core.model.PostTable;
import org.lockstep.io.read.ReadOptions;
import org.lockstep.io.read.Readers;
import org.lockstep.sim.SimConfig;
import org.lockstep.sim.Simulator;

/**
 * Campaign detection over a simulated election scenario, stage by stage, with wall and process CPU time.
 * The posts stream from the simulator through an in-process pipe into the v1.1 JSON reader (no 20 GB file);
 * that loading time is reported apart from the analysis.
 *
 * <pre>
 * java -Xmx12g -cp 'bench/target/lockstep-bench.jar:bench/target/lib/*' org.lockstep.bench.CampaignBench POSTS SEED [text] [coord]
 * </pre>
 * {@code text} keeps post text and clusters narratives; {@code coord} also runs coordination detection
 * for the coordinated-groups indicator; {@code csv} streams the simulator's toolkit CSV instead of v1.1 JSON
 * (faster to load, but without account metadata or languages).
 */
public final class CampaignBench {
    private CampaignBench() {}

    static long cpuMs() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
    }

    static long heapMb() {
        Runtime r = Runtime.getRuntime();
        return (r.totalMemory() - r.freeMemory()) >> 20;
    }

    public static void main(String[] args) throws Exception {
        long posts = Long.parseLong(args[0]);
        long seed = Long.parseLong(args[1]);
        List<String> opts = List.of(args).subList(2, args.length);
        boolean text = opts.contains("text"), coord = opts.contains("coord"), csv = opts.contains("csv");
        SimConfig sc = SimConfig.scenario("election", posts, seed);
        if (csv) sc = sc.withFormat(SimConfig.Format.TOOLKIT_CSV);
        final SimConfig simConfig = sc;
        java.io.PipedInputStream in = new java.io.PipedInputStream(1 << 22);
        java.io.PipedOutputStream pipe = new java.io.PipedOutputStream(in);
        Thread sim = new Thread(() -> {
            try (OutputStream o = new BufferedOutputStream(pipe, 1 << 20)) {
                Simulator.run(simConfig, o, new ByteArrayOutputStream());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "simulator");
        long w0 = System.nanoTime(), c0 = cpuMs();
        sim.start();
        System.setIn(in); // the reader's "-" input
        PostTable t = Readers.table(List.of("-"), ReadOptions.defaults(), text, p -> { }).table();
        sim.join();
        long w1 = System.nanoTime(), c1 = cpuMs();
        System.gc();
        System.out.printf("loaded %,d posts (simulate + parse " + (csv ? "toolkit CSV" : "v1.1 JSON") + ", both in this process): %.1f s wall, %.1f s cpu, heap %d MB%n",
                t.size(), (w1 - w0) / 1e9, (c1 - c0) / 1e3, heapMb());
        int[] group = null;
        long cc0 = cpuMs(), wc0 = System.nanoTime();
        if (coord) {
            group = Coordination.detect(t, CoordinationConfig.builder().build()).accounts().group;
            System.out.printf("coordination: %.1f s wall, %.1f s cpu%n", (System.nanoTime() - wc0) / 1e9, (cpuMs() - cc0) / 1e3);
        }
        for (int run = 0; run < 2; run++) {
            long w2 = System.nanoTime(), c2 = cpuMs();
            CampaignAnalysis.Result r = new CampaignAnalysis(new CampaignAnalysis.Config(CampaignConfig.defaults(),
                    AccountSignalsConfig.defaults(), text)).run(t, group);
            long w3 = System.nanoTime(), c3 = cpuMs();
            int flagged = 0;
            for (Campaign c : r.campaigns().campaigns()) if (c.flagged()) flagged++;
            System.out.printf("run %d: campaigns analysis %.1f s wall, %.1f s cpu (accounts %.1f s, narratives %.1f s, index %.1f s, detect %.1f s); "
                            + "entities %,d tested %,d bursting %,d flagged %,d; heap %d MB%n",
                    run + 1, (w3 - w2) / 1e9, (c3 - c2) / 1e3, r.accountsMs() / 1e3, r.narrativesMs() / 1e3, r.indexMs() / 1e3,
                    r.detectMs() / 1e3, r.campaigns().entities(), r.campaigns().tested(), r.campaigns().bursting(), flagged, heapMb());
        }
    }
}
