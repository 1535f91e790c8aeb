package org.lockstep.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.lockstep.core.stream.StreamEvaluator;
import org.lockstep.flink.Finisher;
import org.lockstep.flink.Settings;
import org.lockstep.flink.StreamJob;
import org.lockstep.io.read.ReadReport;
import org.lockstep.io.read.Readers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lockstep stream}: the streaming job in-process (Flink's local environment), replaying files or
 * standard input in event time. Alerts go to {@code OUT/alerts.jsonl} (and the terminal) as they fire; at
 * the end the final network is written in the same files as {@code lockstep detect} ({@link DetectOutputs}).
 */
@Command(name = "stream", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Replays posts in event time through the streaming job (in-process, no cluster): prints alerts "
                + "as they fire (new or grown coordinated groups, campaigns flagged, look-alike domains), writes them "
                + "to OUT/alerts.jsonl, and at the end writes the final network as detect does.")
final class StreamCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "FILE|DIR|-", description = "Posts (any format the readers know); - is standard input.")
    List<String> inputs = new java.util.ArrayList<>();

    @Option(names = "--kafka", paramLabel = "BOOTSTRAP", description = "Read posts from Kafka (host:port,...) instead of files.")
    String kafka;

    @Option(names = "--topic", paramLabel = "T", description = "Kafka topic of the posts (JSON messages, any format the readers know).")
    String topic;

    @Option(names = "--alerts-topic", paramLabel = "T", description = "Also write alerts to this Kafka topic (key = alert id).")
    String alertsTopic;

    @Option(names = "--group", paramLabel = "ID", defaultValue = "lockstep-stream", description = "Kafka consumer group (default ${DEFAULT-VALUE}).")
    String group;

    @Option(names = "--jetstream", paramLabel = "URL", description = "Read the live Bluesky Jetstream at URL "
            + "(e.g. wss://jetstream2.us-east.bsky.network/subscribe?wantedCollections=app.bsky.feed.post).")
    String jetstream;

    @Option(names = "--mastodon", paramLabel = "URL", description = "Read a live Mastodon stream at URL "
            + "(e.g. wss://HOST/api/v1/streaming?stream=public).")
    String mastodon;

    @Option(names = "--max-posts", paramLabel = "N", defaultValue = "0",
            description = "Live sources: stop after N posts and write the final network (0 = run until stopped).")
    long maxPosts;

    @Option(names = "--bounded", description = "Kafka: stop at the offsets current at the start (a replay of the topic).")
    boolean bounded;

    @Option(names = "--exactly-once", description = "Kafka alerts topic: transactional writes, committed at checkpoints (needs --checkpoints).")
    boolean exactlyOnce;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Option(names = "--replay", paramLabel = "SPEED|max", defaultValue = "max",
            description = "Event-time speed-up of the replay (e.g. 600 = ten minutes of data per second), or max (default).")
    String replay;

    @Option(names = "--protect", paramLabel = "FILE", description = "Protect file: alert on look-alikes of these domains.")
    Path protect;

    @Option(names = "--tick", paramLabel = "DURATION", defaultValue = "5m",
            description = "Event-time period of the evaluation (default ${DEFAULT-VALUE}).")
    String tick;

    @Option(names = "--horizon", paramLabel = "DURATION", defaultValue = "7d", description = "State horizon (default ${DEFAULT-VALUE}).")
    String horizon;

    @Option(names = "--out-of-order", paramLabel = "DURATION", defaultValue = "30s",
            description = "Watermark bound on out-of-order posts (default ${DEFAULT-VALUE}); later posts are reported as late.")
    String outOfOrder;

    @Option(names = "--parallelism", paramLabel = "N", defaultValue = "1", description = "Parallelism of the pairing operators.")
    int parallelism;

    @Option(names = "--checkpoints", paramLabel = "DIR", description = "Take checkpoints (every 10 s) into DIR.")
    Path checkpoints;

    @Option(names = "--webhook", paramLabel = "URL", description = "POST each alert (JSON) to this URL.")
    String webhook;

    @Option(names = "--quiet", description = "Do not print alerts as they fire.")
    boolean quiet;

    static long duration(String s) {
        String t = s.trim().toLowerCase(java.util.Locale.ROOT);
        long n = Long.parseLong(t.replaceAll("[a-z]+$", ""));
        String unit = t.replaceAll("^[0-9]+", "");
        return switch (unit) {
            case "ms" -> n;
            case "s", "" -> n * 1000;
            case "m", "min" -> Duration.ofMinutes(n).toMillis();
            case "h" -> Duration.ofHours(n).toMillis();
            case "d" -> Duration.ofDays(n).toMillis();
            default -> throw new IllegalArgumentException("unknown duration unit in " + s + " (use ms, s, m, h, d)");
        };
    }

    /** Writes the final network as detect does, and stream.json with what the stream saw. */
    record DetectFinisher(String dir, String source) implements Finisher {
        @Override
        public void finish(StreamEvaluator.Final f, Counts counts) throws Exception {
            long t0 = System.nanoTime();
            Path d = Path.of(dir);
            // the run's files through OutputDir (atomic, listed in the manifest); alerts.jsonl is the sink's own
            org.lockstep.io.out.OutputDir od = org.lockstep.io.out.OutputDir.open(d, "stream", DetectOutputs.ALWAYS);
            ObjectNode s = DetectOutputs.JSON.createObjectNode();
            s.put("posts_in_horizon", counts.posts());
            s.put("late_posts_not_analysed", counts.late());
            s.put("evaluations", counts.evaluations());
            s.put("coordination_runs", counts.coordinationRuns());
            s.put("campaign_runs", counts.campaignRuns());
            s.put("table_ms", counts.tableMs());
            s.put("coordination_ms", counts.coordinationMs());
            s.put("campaign_ms", counts.campaignMs());
            od.write("stream.json", tmp -> Files.writeString(tmp, DetectOutputs.JSON.writeValueAsString(s) + "\n", StandardCharsets.UTF_8));
            if (f.result().coordination() != null) {
                Readers.Loaded loaded = new Readers.Loaded(f.table(), new ReadReport(), 0);
                new DetectOutputs(loaded, source, false, f.result().coordination(), 0, 1000, 10).writeAll(od, t0);
            } else {
                od.commit();
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        double speed;
        Settings s;
        try {
            speed = replay.equalsIgnoreCase("max") ? 0 : Double.parseDouble(replay);
            if (!(speed >= 0)) throw new IllegalArgumentException("--replay must be a positive number or max");
            if (parallelism < 1) throw new IllegalArgumentException("--parallelism must be ≥ 1");
            s = new Settings(duration(horizon), duration(tick), duration(outOfOrder),
                    protect == null ? null : Files.readString(protect), speed, !quiet, webhook);
            int sources = (kafka != null ? 1 : 0) + (jetstream != null ? 1 : 0) + (mastodon != null ? 1 : 0) + (inputs.isEmpty() ? 0 : 1);
            if (sources != 1) throw new IllegalArgumentException("give one source: input files, -, --kafka, --jetstream or --mastodon");
            if (kafka != null && (topic == null || !inputs.isEmpty())) throw new IllegalArgumentException("--kafka needs --topic and no input files");
            if (alertsTopic != null && kafka == null) throw new IllegalArgumentException("--alerts-topic needs --kafka");
            if (exactlyOnce && checkpoints == null) throw new IllegalArgumentException("--exactly-once needs --checkpoints");
        } catch (IllegalArgumentException e) {
            System.err.println("lockstep stream: " + e.getMessage());
            return Main.USAGE;
        }
        Files.createDirectories(out);
        Files.deleteIfExists(out.resolve("alerts.jsonl"));
        Files.deleteIfExists(out.resolve("problems.txt"));
        Files.deleteIfExists(out.resolve("late.txt"));
        boolean live = jetstream != null || mastodon != null;
        List<org.lockstep.flink.Events.PostEnvelope> posts = kafka != null || live ? List.of()
                : StreamJob.read(inputs, p -> System.err.println("lockstep stream: " + Terminal.safe(p.toString())));
        if (live) {
            System.err.println("lockstep stream: reading " + Terminal.safe(jetstream != null ? jetstream : mastodon)
                    + (maxPosts > 0 ? " for " + maxPosts + " posts" : " until stopped (Ctrl-C)"));
        } else if (kafka == null) {
            System.err.printf("lockstep stream: %,d posts read; replaying %s%n", posts.size(),
                    speed == 0 ? "as fast as possible" : "at " + replay + "× event time");
        } else {
            System.err.println("lockstep stream: reading topic " + Terminal.safe(topic) + " from " + Terminal.safe(kafka)
                    + (bounded ? " up to its current end" : " until stopped (Ctrl-C)"));
        }
        Configuration conf = new Configuration();
        if (checkpoints != null) conf.setString("execution.checkpointing.dir", checkpoints.toAbsolutePath().toUri().toString());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
        if (checkpoints != null) env.enableCheckpointing(10_000);
        long t0 = System.nanoTime();
        var source = kafka != null ? org.lockstep.flink.KafkaIO.source(env, kafka, topic, group, bounded)
                : live ? env.fromSource(new org.lockstep.flink.LiveFlinkSource(jetstream != null
                        ? org.lockstep.io.live.LiveSource.Kind.JETSTREAM : org.lockstep.io.live.LiveSource.Kind.MASTODON,
                        jetstream != null ? jetstream : mastodon, maxPosts),
                        org.apache.flink.api.common.eventtime.WatermarkStrategy.noWatermarks(), "live")
                        .returns(org.apache.flink.api.common.typeinfo.TypeInformation.of(org.lockstep.flink.Events.PostEnvelope.class))
                : StreamJob.source(env, posts, speed);
        var alertStream = StreamJob.build(env, source, s, out.toAbsolutePath(),
                new DetectFinisher(out.toAbsolutePath().toString(), kafka != null ? "kafka:" + topic
                        : live ? (jetstream != null ? jetstream : mastodon) : String.join(" ", inputs)));
        if (alertsTopic != null) org.lockstep.flink.KafkaIO.sink(alertStream, kafka, alertsTopic, exactlyOnce);
        env.execute("lockstep stream");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long bytes = 0;
        for (var e : posts) bytes += e.post.length + 24;
        long alerts = Files.exists(out.resolve("alerts.jsonl")) ? Files.lines(out.resolve("alerts.jsonl")).count() : 0;
        System.err.printf("lockstep stream: %,d alerts in %.1f s (%,.0f posts/s); posts kept in state: %,d bytes encoded "
                + "(%.0f MB per million posts); final network in %s%n", alerts, ms / 1000.0,
                posts.size() * 1000.0 / Math.max(1, ms), bytes, bytes / 1e6 / Math.max(1, posts.size()) * 1e6, out);
        return Main.OK;
    }
}
