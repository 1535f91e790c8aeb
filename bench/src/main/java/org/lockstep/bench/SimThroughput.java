package org.lockstep.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.lockstep.sim.SimConfig;
import org.lockstep.sim.SimResult;
import org.lockstep.sim.Simulator;

/**
 * Single-thread simulator throughput for each output format, written to a counting null stream so
 * that disk speed is not measured. One warm-up run, then {@code runs} timed runs. Reports wall time
 * and the generating thread's CPU time: on a shared machine posts per CPU-second is the per-core rate.
 *
 * <p>Usage: {@code java -cp ... org.lockstep.bench.SimThroughput [posts] [runs] [format...]}
 */
public final class SimThroughput {
    private SimThroughput() {}

    /** Counts bytes and discards them. */
    static final class Counting extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }

    public static void main(String[] args) throws IOException {
        long posts = args.length > 0 ? Long.parseLong(args[0]) : 2_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String[] formats = args.length > 2 ? java.util.Arrays.copyOfRange(args, 2, args.length)
                : new String[] {"toolkit-csv", "twitter-json"};
        System.out.printf(Locale.ROOT, "java %s, %d available processors, max heap %d MiB%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        for (String f : formats) {
            SimConfig c = SimConfig.scenario("election", posts, 1).withFormat(SimConfig.Format.parse(f));
            run(c.withFormat(c.format()), true);
            double best = 0, sum = 0;
            for (int i = 0; i < runs; i++) {
                double rate = run(c, false);
                best = Math.max(best, rate);
                sum += rate;
            }
            System.out.printf(Locale.ROOT, "%-13s %,d posts x %d runs: mean %,.0f, best %,.0f posts per CPU-second (single thread)%n", f,
                    posts, runs, sum / runs, best);
        }
    }

    private static double run(SimConfig c, boolean warmup) throws IOException {
        Counting out = new Counting();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long c0 = mx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        SimResult r = Simulator.run(c, out, OutputStream.nullOutputStream(), OutputStream.nullOutputStream(), null);
        double s = (System.nanoTime() - t0) / 1e9;
        double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
        double rate = r.posts() / cpu;
        System.out.printf(Locale.ROOT,
                "  %s%-13s %,d posts: wall %.2f s (%,.0f posts/s), thread CPU %.2f s (%,.0f posts per CPU-second), %.0f bytes/post%n",
                warmup ? "(warm-up) " : "", c.format().cliName, r.posts(), s, r.posts() / s, cpu, rate,
                (double) out.bytes / r.posts());
        return rate;
    }
}
