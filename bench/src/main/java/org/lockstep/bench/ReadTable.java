package org.lockstep.bench;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import org.lockstep.core.model.AccountTable;
import org.lockstep.core.model.IntLists;
import org.lockstep.core.model.Interner;
import org.lockstep.core.model.PostTable;
import org.lockstep.io.read.ReadOptions;
import org.lockstep.io.read.Readers;

/**
 * Times {@link Readers#table} on one file (wall and process CPU) and prints a fingerprint of every
 * column, id string, account field, count and problem, to check that a faster reader gives the same table.
 *
 * <pre>java -Xmx4g -cp 'bench/target/lockstep-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*' org.lockstep.bench.ReadTable FILE [text] [nofp]</pre>
 */
public final class ReadTable {
    private ReadTable() {}

    public static void main(String[] args) throws Exception {
        boolean text = args.length > 1 && args[1].equals("text");
        boolean fp = !List.of(args).contains("nofp");
        var mx = ManagementFactory.getThreadMXBean();
        long m0 = mx.getCurrentThreadCpuTime();
        long c0 = CoordEndToEnd.cpuMs();
        long t0 = System.nanoTime();
        Readers.Loaded l = Readers.table(List.of(args[0]), ReadOptions.defaults(), text, p -> { });
        long wall = (System.nanoTime() - t0) / 1_000_000;
        long cpu = CoordEndToEnd.cpuMs() - c0;
        long mainCpu = (mx.getCurrentThreadCpuTime() - m0) / 1_000_000;
        long gc = 0;
        for (var g : ManagementFactory.getGarbageCollectorMXBeans()) gc += g.getCollectionTime();
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "read=%dms cpu=%dms (table-building thread %dms) gc=%dms posts=%d duplicates=%d heapUsed=%dMB load=%.2f%n", wall, cpu, mainCpu, gc,
                l.table().size(), l.duplicates(), (rt.totalMemory() - rt.freeMemory()) >> 20,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        if (fp) System.out.println("fingerprint " + fingerprint(l));
    }

    static String fingerprint(Readers.Loaded l) {
        PostTable t = l.table();
        long h = 17;
        StringBuilder sb = new StringBuilder();
        h = mix(h, t.size());
        for (int r = 0; r < t.size(); r++) {
            h = mix(h, t.platform(r));
            h = mix(h, t.kind(r));
            h = mix(h, t.time(r));
            h = mix(h, t.post(r));
            h = mix(h, t.account(r));
            h = mix(h, t.repostOf(r));
            h = mix(h, t.replyTo(r));
            h = mix(h, t.quoteOf(r));
            h = mix(h, t.repostOfAccount(r));
            h = mix(h, t.replyToAccount(r));
            h = mix(h, t.quoteOfAccount(r));
            h = mix(h, t.lang(r));
            if (t.hasText()) h = mix(h, t.text(r) == null ? -7 : t.text(r).hashCode());
        }
        sb.append("rows=").append(Long.toHexString(h));
        for (IntLists li : List.of(t.hashtags(), t.urls(), t.hosts(), t.domains(), t.mentions(), t.media())) {
            long g = li.rows();
            for (int r = 0; r < li.rows(); r++) {
                g = mix(g, li.size(r));
                for (int j = li.start(r); j < li.end(r); j++) g = mix(g, li.value(j));
            }
            sb.append(' ').append(Long.toHexString(g));
        }
        for (Interner in : List.of(t.posts(), t.accounts(), t.langs(), t.tags(), t.urlIds(), t.hostIds(), t.domainIds(), t.handles(), t.mediaIds())) {
            long g = in.size();
            for (int i = 0; i < in.size(); i++) g = mix(g, in.get(i).hashCode());
            sb.append(" i").append(in.size()).append(':').append(Long.toHexString(g));
        }
        AccountTable a = t.accountInfo();
        long g = a.size();
        for (int i = 0; i < a.size(); i++) {
            for (String s : new String[] {a.handle[i], a.displayName[i], a.description[i], a.location[i], a.avatarUrl[i]}) {
                g = mix(g, s == null ? -7 : s.hashCode());
            }
            for (long v : new long[] {a.createdAt[i], a.followers[i], a.following[i], a.posts[i], a.snapshotTime[i],
                a.defaultProfile[i], a.defaultAvatar[i], a.verified[i]}) g = mix(g, v);
        }
        sb.append(" acc=").append(Long.toHexString(g));
        sb.append(" dup=").append(l.duplicates());
        var rep = l.report();
        sb.append(" report=").append(rep.posts()).append('/').append(rep.rejected()).append('/').append(rep.problems().hashCode());
        return sb.toString();
    }

    private static long mix(long h, long v) {
        h ^= v;
        h *= 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }
}
