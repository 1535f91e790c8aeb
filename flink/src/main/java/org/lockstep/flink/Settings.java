package org.lockstep.flink;

import java.io.Serializable;
import java.time.Duration;

/**
 * The job's parameters. Plain and serializable, so operators carry them to the task managers; the analysis
 * itself uses the batch defaults ({@code AnalysisConfig.defaults()}), the same as {@code lockstep detect}
 * without options.
 *
 * @param horizonMs pair and post state is kept this long in event time (default 7 days)
 * @param tickMs the periodic evaluation's event-time period (default 5 min)
 * @param outOfOrdernessMs the watermark's bound on out-of-order arrival (default 30 s); later events are late
 * @param protect text of a protect file (domains whose look-alikes to alert on), or null
 * @param replaySpeed event-time speed-up of the replay (0 = as fast as possible)
 * @param printAlerts print one line per alert on standard output as it fires
 * @param webhook URL each alert is POSTed to as JSON, or null
 */
public record Settings(long horizonMs, long tickMs, long outOfOrdernessMs, String protect, double replaySpeed,
                       boolean printAlerts, String webhook) implements Serializable {
    private static final long serialVersionUID = 1L;

    public Settings {
        if (horizonMs <= 0 || tickMs <= 0 || outOfOrdernessMs < 0 || replaySpeed < 0) {
            throw new IllegalArgumentException("horizon and tick must be > 0, out-of-orderness and replay speed ≥ 0");
        }
    }

    public static Settings defaults() {
        return new Settings(Duration.ofDays(7).toMillis(), Duration.ofMinutes(5).toMillis(), 30_000, null, 0, false, null);
    }

    public Settings withProtect(String p) {
        return new Settings(horizonMs, tickMs, outOfOrdernessMs, p, replaySpeed, printAlerts, webhook);
    }

    public Settings withReplaySpeed(double s) {
        return new Settings(horizonMs, tickMs, outOfOrdernessMs, protect, s, printAlerts, webhook);
    }

    public Settings withPrintAlerts(boolean p) {
        return new Settings(horizonMs, tickMs, outOfOrdernessMs, protect, replaySpeed, p, webhook);
    }

    public Settings withWebhook(String w) {
        return new Settings(horizonMs, tickMs, outOfOrdernessMs, protect, replaySpeed, printAlerts, w);
    }

    public Settings withTickMs(long t) {
        return new Settings(horizonMs, t, outOfOrdernessMs, protect, replaySpeed, printAlerts, webhook);
    }

    public Settings withOutOfOrdernessMs(long o) {
        return new Settings(horizonMs, tickMs, o, protect, replaySpeed, printAlerts, webhook);
    }

    public Settings withHorizonMs(long h) {
        return new Settings(h, tickMs, outOfOrdernessMs, protect, replaySpeed, printAlerts, webhook);
    }
}
