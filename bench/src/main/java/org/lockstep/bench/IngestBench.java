package org.lockstep.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.lockstep.io.read.ReadOptions;
import org.lockstep.io.read.ReadReport;
import org.lockstep.io.read.Readers;
import org.lockstep.io.store.CaseDb;
import org.lockstep.io.store.IngestReport;

/**
 * Ingest throughput into the DuckDB case database, in posts per second, on generated data: Twitter
 * v1.1 JSON lines and the coordination network toolkit's CSV. For each format it times reading alone
 * (posts to a counting sink), a first ingest of {@code files} files of {@code posts} posts each into a
 * fresh database (so later files meet a growing table), and a re-ingest of the first file (all
 * duplicates). Wall-clock, one run after a warm-up on a small file; run under {@code taskset -c 0} for
 * one core.
 *
 * <pre>java -cp 'bench/target/classes:bench/target/lib/*' org.lockstep.bench.IngestBench [posts] [files] [batch] [dir]</pre>
 */
public final class IngestBench {
    private static final DateTimeFormatter V1_TIME =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final long T0 = 1_494_000_000_000L;

    private IngestBench() {}

    public static void main(String[] args) throws IOException {
        int posts = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int files = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : CaseDb.DEFAULT_BATCH;
        Path dir = Path.of(args.length > 3 ? args[3] : "target/ingest-bench");
        Files.createDirectories(dir);
        System.out.printf(Locale.ROOT, "posts/file=%,d files=%d batch=%,d cpus=%d java=%s%n", posts, files, batch,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        for (String format : new String[] {"v1", "csv"}) {
            List<Path> inputs = new ArrayList<>();
            for (int f = 0; f < files; f++) {
                Path p = dir.resolve(format + "-" + f + (format.equals("v1") ? ".jsonl" : ".csv"));
                if (!Files.exists(p)) write(p, format, f, posts);
                inputs.add(p);
            }
            Path warm = dir.resolve(format + "-warm" + (format.equals("v1") ? ".jsonl" : ".csv"));
            if (!Files.exists(warm)) write(warm, format, 99, 20_000);
            Path warmDb = dir.resolve(format + "-warm.duckdb");
            Files.deleteIfExists(warmDb);
            try (CaseDb db = CaseDb.open(warmDb)) {
                db.ingest(List.of(warm.toString()), ReadOptions.defaults(), batch, null, null);
            }
            long t = System.nanoTime();
            long c = cpu();
            ReadReport rr = Readers.read(List.of(inputs.get(0).toString()), ReadOptions.defaults(), p -> {}, p -> {});
            double s = (System.nanoTime() - t) / 1e9;
            double cs = (cpu() - c) / 1e9;
            System.out.printf(Locale.ROOT, "%-4s read only        %,10d posts %7.2f s %,10.0f posts/s  cpu %6.2f s %,10.0f posts/cpu-s  (%,d MB)%n",
                    format, rr.posts(), s, rr.posts() / s, cs, rr.posts() / cs, Files.size(inputs.get(0)) >> 20);
            Path dbFile = dir.resolve(format + ".duckdb");
            Files.deleteIfExists(dbFile);
            Files.deleteIfExists(dir.resolve(format + ".duckdb.wal"));
            try (CaseDb db = CaseDb.open(dbFile)) {
                for (int f = 0; f < files; f++) {
                    long c1 = cpu();
                    IngestReport r = db.ingest(List.of(inputs.get(f).toString()), ReadOptions.defaults(), batch, null, null);
                    double cs1 = (cpu() - c1) / 1e9;
                    System.out.printf(Locale.ROOT, "%-4s ingest file %d     %,10d posts %7.2f s %,10.0f posts/s  cpu %6.2f s %,10.0f posts/cpu-s  stored %,d, db now %,d%n",
                            format, f + 1, r.postsRead(), r.seconds(), r.postsRead() / r.seconds(), cs1, r.postsRead() / cs1, r.stored(), db.postCount());
                }
                long c2 = cpu();
                IngestReport again = db.ingest(List.of(inputs.get(0).toString()), ReadOptions.defaults(), batch, null, null);
                double cs2 = (cpu() - c2) / 1e9;
                System.out.printf(Locale.ROOT, "%-4s re-ingest file 1  %,10d posts %7.2f s %,10.0f posts/s  cpu %6.2f s %,10.0f posts/cpu-s  duplicates %,d%n",
                        format, again.postsRead(), again.seconds(), again.postsRead() / again.seconds(), cs2, again.postsRead() / cs2, again.duplicates());
            }
            System.out.printf(Locale.ROOT, "%-4s database file %,d MB%n", format, Files.size(dbFile) >> 20);
        }
    }

    /** CPU time of the whole process (Java and DuckDB's native threads), in ns. */
    static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * Writes {@code n} posts of file number {@code f}: 50,000 accounts, one post a second, 30% retweets of
     * earlier posts, a hashtag of 200 on every post, a link of 1,000 on 40%, a mention on 30%.
     */
    static void write(Path p, String format, int f, int n) throws IOException {
        SplittableRandom rnd = new SplittableRandom(42 + f);
        try (BufferedWriter w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
            if (format.equals("csv")) w.write("message_id,user_id,username,repost_id,reply_id,message,timestamp,urls\n");
            for (int i = 0; i < n; i++) {
                long id = (long) f * 100_000_000L + i + 1;
                int user = rnd.nextInt(50_000);
                long ms = T0 + ((long) f * n + i) * 1000L;
                String tag = "tag" + rnd.nextInt(200);
                String url = rnd.nextInt(10) < 4 ? "https://site" + rnd.nextInt(1000) + ".example.com/a/" + rnd.nextInt(100) : null;
                String mention = rnd.nextInt(10) < 3 ? "user" + rnd.nextInt(50_000) : null;
                long rt = i > 10 && rnd.nextInt(10) < 3 ? id - 1 - rnd.nextInt(10) : 0;
                String text = "Some words about the election #" + tag + (mention != null ? " @" + mention : "")
                        + " number " + i + (url != null ? " " + url : "");
                if (format.equals("csv")) {
                    w.write(id + "," + user + ",user" + user + "," + (rt > 0 ? rt : "") + ",,\"" + text + "\","
                            + (ms / 1000) + "," + (url != null ? url : "") + "\n");
                } else {
                    StringBuilder sb = new StringBuilder(700);
                    sb.append("{\"created_at\":\"").append(V1_TIME.format(Instant.ofEpochMilli(ms))).append("\",\"id\":").append(id)
                            .append(",\"id_str\":\"").append(id).append("\",\"text\":\"").append(text)
                            .append("\",\"lang\":\"en\",\"source\":\"web\",\"user\":{\"id\":").append(user)
                            .append(",\"id_str\":\"").append(user).append("\",\"screen_name\":\"user").append(user)
                            .append("\",\"name\":\"User ").append(user).append("\",\"followers_count\":").append(user % 977)
                            .append(",\"friends_count\":").append(user % 331).append(",\"statuses_count\":").append(user % 5003)
                            .append(",\"created_at\":\"Thu May 04 10:00:00 +0000 2017\",\"default_profile\":false,\"verified\":false}");
                    if (rt > 0) {
                        sb.append(",\"retweeted_status\":{\"created_at\":\"").append(V1_TIME.format(Instant.ofEpochMilli(ms - 5000)))
                                .append("\",\"id_str\":\"").append(rt).append("\",\"text\":\"orig\",\"user\":{\"id_str\":\"")
                                .append(user ^ 1).append("\",\"screen_name\":\"user").append(user ^ 1).append("\"}}");
                    }
                    sb.append(",\"entities\":{\"hashtags\":[{\"text\":\"").append(tag).append("\"}],\"urls\":[");
                    if (url != null) sb.append("{\"url\":\"https://t.co/x\",\"expanded_url\":\"").append(url).append("\"}");
                    sb.append("],\"user_mentions\":[");
                    if (mention != null) sb.append("{\"screen_name\":\"").append(mention).append("\"}");
                    sb.append("]}}\n");
                    w.write(sb.toString());
                }
            }
        }
    }
}
