package org.lockstep.core.model;

/** Where a post was published. {@link #GENERIC} is for CSV input that names no platform. */
public enum Platform {
    TWITTER, BLUESKY, MASTODON, TELEGRAM, FACEBOOK, GENERIC;

    private static final Platform[] VALUES = values();

    public static Platform of(int ordinal) {
        return VALUES[ordinal];
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
