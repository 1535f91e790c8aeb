package org.lockstep.core.model;

/** What a post does: an original post, a repost (retweet, reblog, forward), a reply or a quote. */
public enum PostKind {
    POST, REPOST, REPLY, QUOTE;

    private static final PostKind[] VALUES = values();

    public static PostKind of(int ordinal) {
        return VALUES[ordinal];
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
