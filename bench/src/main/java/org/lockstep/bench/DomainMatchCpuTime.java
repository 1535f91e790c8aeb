package org.lockstep.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import org.lockstep.core.domains.LookalikeMatcher;
import org.lockstep.core.domains.ProtectedEntity;

/**
 * Host names matched per CPU-second of the matching thread (ThreadMXBean), beside wall-clock
 * throughput. On a shared machine the wall-clock figure of {@link DomainMatchBenchmark} depends on
 * the other load; CPU time of the one thread doing the work is what "per core" means.
 * Same data as the JMH benchmark. Usage: {@code DomainMatchCpuTime [entities] [rounds]}, or
 * {@code DomainMatchCpuTime [entities] [rounds] PROTECT-FILE HOSTS-FILE} for real protected entities
 * and real host names (one per line, or the last field of a CSV line).
 */
public final class DomainMatchCpuTime {
    private DomainMatchCpuTime() {}

    public static void main(String[] args) throws java.io.IOException {
        int entities = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        List<ProtectedEntity> es;
        String[] real = null;
        if (args.length > 3) {
            try (var r = java.nio.file.Files.newBufferedReader(java.nio.file.Path.of(args[2]))) {
                es = org.lockstep.core.domains.ProtectFile.read(r).entities();
            }
            List<String> hs = new java.util.ArrayList<>();
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of(args[3]))) {
                String t = line.strip();
                int comma = t.lastIndexOf(',');
                if (comma >= 0) t = t.substring(comma + 1);
                if (!t.isEmpty()) hs.add(t);
            }
            real = hs.toArray(new String[0]);
            entities = es.size();
        } else {
            es = DomainData.entities(entities, 42);
        }
        long b0 = System.nanoTime();
        LookalikeMatcher m = new LookalikeMatcher(es, LookalikeMatcher.Config.defaults());
        System.out.printf("index: %d entities, %d name variants, built in %.1f ms%n", entities, m.indexedNames(), (System.nanoTime() - b0) / 1e6);
        String[] hosts = real != null ? real : DomainData.hosts(es, DomainMatchBenchmark.N, 0.01, 7);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int r = 0; r < rounds; r++) {
            long c0 = mx.getCurrentThreadCpuTime(), w0 = System.nanoTime();
            int flagged = 0;
            for (String h : hosts) if (!m.match(h).matches().isEmpty()) flagged++;
            long c = mx.getCurrentThreadCpuTime() - c0, w = System.nanoTime() - w0;
            System.out.printf("round %2d: %,9.0f hosts per CPU-second, %,9.0f hosts per wall-second, %d flagged of %d%n",
                    r, hosts.length / (c / 1e9), hosts.length / (w / 1e9), flagged, hosts.length);
        }
    }
}
