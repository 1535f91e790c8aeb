package org.lockstep.io.read;

import java.util.Locale;

/** Input formats Lockstep reads. JSON formats are recognised per record, CSV formats by their header. */
public enum Format {
    /** Any JSON: Twitter v1.1 / v2, Bluesky Jetstream, Mastodon, Telegram export, recognised per object. */
    JSON("json"),
    TWITTER_V1("twitter-v1"),
    TWITTER_V2("twitter-v2"),
    TWITTER_IO_CSV("twitter-io-csv"),
    IRA_CSV("ira-csv"),
    COORTWEET_CSV("coortweet-csv"),
    TOOLKIT_CSV("toolkit-csv"),
    BLUESKY_JETSTREAM("bluesky-jetstream"),
    MASTODON("mastodon"),
    TELEGRAM("telegram"),
    MAPPED_CSV("csv");

    private final String label;

    Format(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isCsv() {
        return this == TWITTER_IO_CSV || this == IRA_CSV || this == COORTWEET_CSV || this == TOOLKIT_CSV
                || this == MAPPED_CSV;
    }

    public static Format parse(String s) {
        String l = s.toLowerCase(Locale.ROOT);
        for (Format f : values()) if (f.label.equals(l) || f.name().equalsIgnoreCase(l)) return f;
        throw new IllegalArgumentException("unknown format '" + s + "'");
    }
}
