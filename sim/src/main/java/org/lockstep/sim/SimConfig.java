package org.lockstep.sim;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What to simulate.
 *
 * @param scenario name written to the labels ({@code election}, {@code organic}, {@code sockpuppets}, ...)
 * @param operations planted operations (empty for a purely organic stream)
 * @param posts exact number of posts to write
 * @param seed random seed; the same config gives byte-identical output
 * @param startMs first instant of the scenario (UTC ms)
 * @param days length of the scenario in days
 * @param format output format of the posts
 * @param timing operator delays and activity of the planted operations ({@link Timing#DEFAULTS})
 */
public record SimConfig(String scenario, Set<OpType> operations, long posts, long seed, long startMs, double days,
        Format format, Timing timing) {

    /** 2017-05-05T00:00:00Z, two days before the French presidential run-off. */
    public static final long DEFAULT_START_MS = Instant.parse("2017-05-05T00:00:00Z").toEpochMilli();
    public static final double DEFAULT_DAYS = 3.0;

    /** Output formats of the post stream. */
    public enum Format {
        TWITTER_JSON("twitter-json"), TOOLKIT_CSV("toolkit-csv");

        public final String cliName;

        Format(String cliName) {
            this.cliName = cliName;
        }

        public static Format parse(String s) {
            for (Format f : values()) if (f.cliName.equalsIgnoreCase(s.trim())) return f;
            throw new IllegalArgumentException("unknown format '" + s + "' (use twitter-json or toolkit-csv)");
        }
    }

    /** A config with the default {@link Timing}. */
    public SimConfig(String scenario, Set<OpType> operations, long posts, long seed, long startMs, double days,
            Format format) {
        this(scenario, operations, posts, seed, startMs, days, format, Timing.DEFAULTS);
    }

    public SimConfig {
        if (timing == null) throw new IllegalArgumentException("timing is required");
        if (posts < 1) throw new IllegalArgumentException("posts must be at least 1");
        if (!(days >= 0.25 && days <= 60)) throw new IllegalArgumentException("days must be between 0.25 and 60");
        operations = Collections.unmodifiableSet(operations.isEmpty() ? EnumSet.noneOf(OpType.class)
                : EnumSet.copyOf(operations));
        if (!operations.isEmpty() && posts < 2_000) {
            throw new IllegalArgumentException("scenarios with operations need at least 2000 posts");
        }
        if (operations.contains(OpType.HACK_AND_LEAK) && days < 0.25) {
            throw new IllegalArgumentException("the leak needs at least 6 hours");
        }
    }

    /** A named scenario: {@code election} (all operations), {@code organic}, or one operation's short name. */
    public static SimConfig scenario(String name, long posts, long seed) {
        return new SimConfig(name.toLowerCase(Locale.ROOT), operationsOf(name), posts, seed, DEFAULT_START_MS,
                DEFAULT_DAYS, Format.TWITTER_JSON);
    }

    public static Set<OpType> operationsOf(String scenario) {
        switch (scenario.trim().toLowerCase(Locale.ROOT)) {
            case "election": return EnumSet.allOf(OpType.class);
            case "organic": return EnumSet.noneOf(OpType.class);
            default: return EnumSet.of(OpType.parse(scenario));
        }
    }

    public SimConfig withOperations(Set<OpType> ops) {
        return new SimConfig(scenario, ops, posts, seed, startMs, days, format, timing);
    }

    public SimConfig withStart(long ms) {
        return new SimConfig(scenario, operations, posts, seed, ms, days, format, timing);
    }

    public SimConfig withDays(double d) {
        return new SimConfig(scenario, operations, posts, seed, startMs, d, format, timing);
    }

    public SimConfig withFormat(Format f) {
        return new SimConfig(scenario, operations, posts, seed, startMs, days, f, timing);
    }

    public SimConfig withTiming(Timing t) {
        return new SimConfig(scenario, operations, posts, seed, startMs, days, format, t);
    }

    public long endMs() {
        return startMs + (long) (days * 86_400_000L);
    }
}
