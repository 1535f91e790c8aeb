package org.lockstep.flink;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Entry point of the job jar ({@code flink/target/lockstep-flink-job.jar}, built with {@code -Pjob-jar}):
 *
 * <pre>
 * flink run -p 2 flink/target/lockstep-flink-job.jar --out /shared/alerts [--tick-min 5] [--horizon-days 7]
 *     [--out-of-order-s 30] [--protect protect.txt] [--checkpoint-ms 60000] posts.jsonl.gz ...
 * </pre>
 *
 * The inputs are read on the client with the batch readers and shipped with the job; alerts are written by
 * the one alert-sink task to {@code OUT/alerts.jsonl} on its task manager's file system (use a shared
 * mount). Checkpoint storage, state backend and restart strategy come from the cluster's configuration
 * ({@code execution.checkpointing.dir}, {@code state.backend.type}); {@code --checkpoint-ms} sets the interval.
 * Run outside a cluster (plain {@code java -cp}), it runs in a local environment.
 */
public final class JobMain {
    private JobMain() {}

    public static void main(String[] args) throws Exception {
        Settings s = Settings.defaults();
        Path out = null;
        long checkpointMs = 0;
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--out" -> out = Path.of(args[++i]);
                case "--tick-min" -> s = s.withTickMs(Duration.ofMinutes(Long.parseLong(args[++i])).toMillis());
                case "--horizon-days" -> s = s.withHorizonMs(Duration.ofDays(Long.parseLong(args[++i])).toMillis());
                case "--out-of-order-s" -> s = s.withOutOfOrdernessMs(Long.parseLong(args[++i]) * 1000);
                case "--protect" -> s = s.withProtect(Files.readString(Path.of(args[++i])));
                case "--checkpoint-ms" -> checkpointMs = Long.parseLong(args[++i]);
                case "--webhook" -> s = s.withWebhook(args[++i]);
                default -> inputs.add(a);
            }
        }
        if (out == null || inputs.isEmpty()) {
            System.err.println("usage: JobMain --out DIR [--tick-min N] [--horizon-days N] [--out-of-order-s N] "
                    + "[--protect FILE] [--checkpoint-ms N] [--webhook URL] INPUT...");
            System.exit(2);
        }
        List<Events.PostEnvelope> posts = StreamJob.read(inputs, p -> System.err.println(p));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        if (checkpointMs > 0) env.enableCheckpointing(checkpointMs);
        StreamJob.build(env, StreamJob.source(env, posts, 0), s, out.toAbsolutePath(), null);
        env.execute("lockstep stream");
    }
}
