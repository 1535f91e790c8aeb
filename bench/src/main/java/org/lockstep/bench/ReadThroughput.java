package org.lockstep.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.lockstep.core.model.Post;
import org.lockstep.core.model.PostTable;
import org.lockstep.io.read.ReadOptions;
import org.lockstep.io.read.ReadReport;
import org.lockstep.io.read.Readers;

/**
 * Reader throughput, posts per second on one thread, through the real entry point
 * ({@link Readers#read}: format detection, line splitting, UTF-8 checks, parsing, mapping to
 * {@link Post}). Inputs are generated once into a directory (page cache warm): Twitter v1.1 JSON
 * lines (realistic ~1.5 KB tweets with a full user object and entities, a third retweets with the
 * whole original nested), CooRTweet's 4-column CSV and the coordination network toolkit's CSV.
 * Each input is read once to warm up, then {@code --runs} times; the median and best are printed.
 * {@code --table} also stores every post in a {@link PostTable} (what analysis without a database does).
 *
 * <pre>java -cp 'bench/target/classes:bench/target/lib/*' org.lockstep.bench.ReadThroughput --posts 200000</pre>
 */
public final class ReadThroughput {
    private static final String[] TAGS = {"Election2024", "vote", "MacronLeaks", "StopTheSteal", "Wahl2025", "news",
        "breaking", "FakeNews", "democracy", "polls"};
    private static final String[] DOMAINS = {"news.example.com", "leaks.example.org", "video.example.net", "blog.example.de",
        "t.example.fr"};
    private static final String[] WORDS = ("the vote count is wrong and they know it please share before it is deleted "
            + "live results now from the capital city officials confirm turnout record high low polls close at eight").split(" ");

    /** With {@code --table}, posts go into a {@link PostTable} (interning, URL normalisation) instead of a counter. */
    private static boolean table;

    private ReadThroughput() {}

    public static void main(String[] args) throws IOException {
        int posts = 200_000;
        int runs = 5;
        Path dir = null;
        String only = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--posts" -> posts = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                case "--only" -> only = args[++i];
                case "--table" -> table = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (dir == null) dir = Files.createTempDirectory("lockstep-read-bench");
        Files.createDirectories(dir);
        Path v1 = dir.resolve("v1-" + posts + ".jsonl");
        Path coor = dir.resolve("coortweet-" + posts + ".csv");
        Path toolkit = dir.resolve("toolkit-" + posts + ".csv");
        if (!Files.exists(v1)) writeV1(v1, posts);
        if (!Files.exists(coor)) writeCooRTweet(coor, posts);
        if (!Files.exists(toolkit)) writeToolkit(toolkit, posts);
        System.out.printf(Locale.ROOT, "java %s, %s, %d posts per input, %d runs%n", System.getProperty("java.version"),
                System.getProperty("os.arch"), posts, runs);
        for (Path f : List.of(v1, coor, toolkit)) {
            if (only == null || f.getFileName().toString().startsWith(only)) measure(f, runs);
        }
    }

    private static void measure(Path f, int runs) throws IOException {
        long bytes = Files.size(f);
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        run(f); // warm-up
        double[] wall = new double[runs];
        double[] cpu = new double[runs];
        double[] proc = new double[runs];
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long n = 0;
        for (int r = 0; r < runs; r++) {
            long p0 = os.getProcessCpuTime();
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            n = run(f);
            long dt = System.nanoTime() - t0;
            long dc = mx.getCurrentThreadCpuTime() - c0;
            long dp = os.getProcessCpuTime() - p0;
            proc[r] = n / (dp / 1e9);
            wall[r] = n / (dt / 1e9);
            cpu[r] = n / (dc / 1e9);
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        Arrays.sort(proc);
        System.out.printf(Locale.ROOT, "%-24s %6.1f MB %7d posts | posts per CPU-second: reading thread median %,9.0f best %,9.0f,"
                + " whole process (incl. GC, JIT) median %,9.0f | wall clock median %,9.0f best %,9.0f posts/s%n",
                f.getFileName(), bytes / 1e6, n, cpu[runs / 2], cpu[runs - 1], proc[runs / 2], wall[runs / 2], wall[runs - 1]);
    }

    /** Reads the file through {@link Readers}; the sink touches every post so nothing is optimised away. */
    private static long run(Path f) throws IOException {
        if (table) {
            PostTable.Builder b = PostTable.builder(false);
            ReadReport rep = Readers.read(List.of(f.toString()), ReadOptions.defaults(), b::add, p -> { });
            PostTable t = b.build();
            if (rep.rejected() != 0 || t.size() + b.duplicates() != rep.posts()) throw new IllegalStateException("bench input rejected");
            return rep.posts();
        }
        long[] sink = new long[2];
        ReadReport rep = Readers.read(List.of(f.toString()), ReadOptions.defaults(), (Post p) -> {
            sink[0]++;
            sink[1] += p.timeMs() + p.id().length() + p.urls().size();
        }, p -> { });
        if (rep.rejected() != 0 || rep.posts() != sink[0]) throw new IllegalStateException("bench input rejected: " + rep.problems());
        if (sink[1] == 42) System.out.print("");
        return sink[0];
    }

    // ---- inputs ----

    private static final long T0 = 1_714_000_000L; // 2024-04-24T23:06:40Z

    private static String twitterTime(long epochSeconds) {
        return java.time.format.DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss +0000 yyyy", Locale.ROOT)
                .format(java.time.Instant.ofEpochSecond(epochSeconds).atOffset(java.time.ZoneOffset.UTC));
    }

    private static String text(SplittableRandom rnd, int words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) sb.append(' ');
            sb.append(WORDS[rnd.nextInt(WORDS.length)]);
        }
        return sb.toString();
    }

    private static void user(StringBuilder sb, long uid, SplittableRandom rnd) {
        String handle = "user_" + uid;
        sb.append("{\"id\":").append(uid).append(",\"id_str\":\"").append(uid).append("\",\"name\":\"User ").append(uid)
                .append("\",\"screen_name\":\"").append(handle).append("\",\"location\":\"Somewhere, Earth\",")
                .append("\"description\":\"").append(text(rnd, 12)).append("\",\"url\":null,")
                .append("\"entities\":{\"description\":{\"urls\":[]}},\"protected\":false,\"followers_count\":")
                .append(rnd.nextInt(100_000)).append(",\"friends_count\":").append(rnd.nextInt(5000))
                .append(",\"listed_count\":").append(rnd.nextInt(50)).append(",\"created_at\":\"")
                .append(twitterTime(1_300_000_000L + uid % 300_000_000L)).append("\",\"favourites_count\":")
                .append(rnd.nextInt(20000)).append(",\"utc_offset\":null,\"time_zone\":null,\"geo_enabled\":false,")
                .append("\"verified\":false,\"statuses_count\":").append(rnd.nextInt(90000))
                .append(",\"lang\":null,\"contributors_enabled\":false,\"is_translator\":false,")
                .append("\"profile_background_color\":\"F5F8FA\",\"profile_image_url\":\"http://pbs.twimg.com/profile_images/")
                .append(uid).append("/a_normal.jpg\",\"profile_image_url_https\":\"https://pbs.twimg.com/profile_images/")
                .append(uid).append("/a_normal.jpg\",\"profile_link_color\":\"1DA1F2\",\"profile_use_background_image\":true,")
                .append("\"default_profile\":").append(rnd.nextInt(4) == 0).append(",\"default_profile_image\":")
                .append(rnd.nextInt(10) == 0).append(",\"following\":null,\"follow_request_sent\":null,\"notifications\":null}");
    }

    private static void tweetBody(StringBuilder sb, long id, long uid, long time, SplittableRandom rnd) {
        String tag = TAGS[rnd.nextInt(TAGS.length)];
        String domain = DOMAINS[rnd.nextInt(DOMAINS.length)];
        long mention = 1000 + rnd.nextInt(50_000);
        String body = text(rnd, 10) + " #" + tag + " @user_" + mention;
        sb.append("\"created_at\":\"").append(twitterTime(time)).append("\",\"id\":").append(id).append(",\"id_str\":\"")
                .append(id).append("\",\"text\":\"").append(body).append(" https://t.co/").append(Long.toString(id, 36))
                .append("\",\"source\":\"<a href=\\\"http://twitter.com/download/android\\\" rel=\\\"nofollow\\\">Twitter for Android</a>\",")
                .append("\"truncated\":false,\"in_reply_to_status_id\":null,\"in_reply_to_status_id_str\":null,")
                .append("\"in_reply_to_user_id\":null,\"in_reply_to_user_id_str\":null,\"in_reply_to_screen_name\":null,\"user\":");
        user(sb, uid, rnd);
        sb.append(",\"geo\":null,\"coordinates\":null,\"place\":null,\"contributors\":null,\"is_quote_status\":false,")
                .append("\"quote_count\":0,\"reply_count\":").append(rnd.nextInt(10)).append(",\"retweet_count\":")
                .append(rnd.nextInt(100)).append(",\"favorite_count\":").append(rnd.nextInt(500))
                .append(",\"entities\":{\"hashtags\":[{\"text\":\"").append(tag).append("\",\"indices\":[60,72]}],")
                .append("\"urls\":[{\"url\":\"https://t.co/").append(Long.toString(id, 36)).append("\",\"expanded_url\":\"https://")
                .append(domain).append("/story/").append(id % 5000).append("?utm_source=twitter\",\"display_url\":\"")
                .append(domain).append("/story/…\",\"indices\":[90,113]}],\"user_mentions\":[{\"screen_name\":\"user_")
                .append(mention).append("\",\"name\":\"User ").append(mention).append("\",\"id\":").append(mention)
                .append(",\"id_str\":\"").append(mention).append("\",\"indices\":[73,85]}],\"symbols\":[]},")
                .append("\"favorited\":false,\"retweeted\":false,\"possibly_sensitive\":false,\"filter_level\":\"low\",\"lang\":\"en\"");
    }

    static void writeV1(Path f, int n) throws IOException {
        SplittableRandom rnd = new SplittableRandom(1);
        long bytes = 0;
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            StringBuilder sb = new StringBuilder(8192);
            for (int i = 0; i < n; i++) {
                sb.setLength(0);
                long id = 1_780_000_000_000_000_000L + i;
                long uid = 1000 + rnd.nextInt(50_000);
                long time = T0 + i / 20;
                sb.append('{');
                tweetBody(sb, id, uid, time, rnd);
                if (i % 4 == 3) {
                    sb.append(",\"retweeted_status\":{");
                    tweetBody(sb, id - 1000, 1000 + rnd.nextInt(50_000), time - 60, rnd);
                    sb.append('}');
                }
                sb.append(",\"timestamp_ms\":\"").append(time * 1000).append("\"}\n");
                bytes += sb.length();
                w.append(sb);
            }
        }
        System.out.printf(Locale.ROOT, "wrote %s: %d tweets, %.0f bytes per tweet%n", f, n, bytes / (double) n);
    }

    static void writeCooRTweet(Path f, int n) throws IOException {
        SplittableRandom rnd = new SplittableRandom(2);
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            w.write("object_id,account_id,content_id,timestamp_share\n");
            for (int i = 0; i < n; i++) {
                w.write("1" + (700_000_000_000_000_000L + rnd.nextInt(20_000)) + "," + (1000 + rnd.nextInt(50_000)) + ","
                        + (1_780_000_000_000_000_000L + i) + "," + (T0 + i / 20) + "\n");
            }
        }
    }

    static void writeToolkit(Path f, int n) throws IOException {
        SplittableRandom rnd = new SplittableRandom(3);
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            w.write("message_id,user_id,username,repost_id,reply_id,message,timestamp,urls\n");
            for (int i = 0; i < n; i++) {
                long uid = 1000 + rnd.nextInt(50_000);
                String msg = text(rnd, 12) + " #" + TAGS[rnd.nextInt(TAGS.length)] + " @user_" + (1000 + rnd.nextInt(50_000));
                String repost = i % 3 == 2 ? String.valueOf(1_780_000_000_000_000_000L + i - 1000) : "";
                w.write((1_780_000_000_000_000_000L + i) + "," + uid + ",user_" + uid + "," + repost + ",,\"" + msg + ", \"\"quoted\"\"\","
                        + (T0 + i / 20) + ",https://" + DOMAINS[rnd.nextInt(DOMAINS.length)] + "/story/" + (i % 5000) + "\n");
            }
        }
    }

}
