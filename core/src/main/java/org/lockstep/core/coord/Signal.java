package org.lockstep.core.coord;

import java.util.Locale;
import java.util.StringJoiner;

/**
 * A kind of co-action: two accounts doing the same thing with the same object. Each signal has its
 * own object space (a reposted post, a normalised URL, a hashtag, a text cluster...) and its own
 * time window; all signals are fused into one account network.
 */
public enum Signal {
    /** Reposting (retweeting, boosting, forwarding) the same post. */
    CO_REPOST("co-repost"),
    /** Replying to the same post. */
    CO_REPLY("co-reply"),
    /** Quoting the same post. */
    CO_QUOTE("co-quote"),
    /** Sharing the same normalised URL ({@link org.lockstep.core.url.UrlNormalizer}). */
    CO_LINK("co-link"),
    /** Sharing links to the same registrable domain (public suffix list). */
    CO_DOMAIN("co-domain"),
    /** Using the same hashtag. */
    CO_HASHTAG("co-hashtag"),
    /** Using exactly the same set of two or more hashtags. */
    HASHTAG_SET("hashtag-set"),
    /** Posting the same text after normalisation (case, URLs, mentions, punctuation, spaces). */
    CO_TEXT("co-text"),
    /** Posting near-identical text (MinHash + LSH candidates confirmed by exact Jaccard). */
    NEAR_TEXT("near-text"),
    /** Posting the same image (same media hash or URL). */
    CO_IMAGE("co-image"),
    /** A generic shared object, as in CooRTweet's {@code object_id} (any referenced post). */
    OBJECT("object");

    private static final Signal[] VALUES = values();
    private final String label;

    Signal(String label) {
        this.label = label;
    }

    /** The name used in options and outputs, e.g. {@code co-repost}. */
    public String label() {
        return label;
    }

    /** This signal's bit in a signals bitmask. */
    public int bit() {
        return 1 << ordinal();
    }

    public static Signal of(int ordinal) {
        return VALUES[ordinal];
    }

    /** The signal with this label (or enum name), case-insensitive; throws when unknown. */
    public static Signal byLabel(String s) {
        String k = s.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Signal v : VALUES) if (v.label.equals(k)) return v;
        throw new IllegalArgumentException("unknown signal '" + s + "'; known: " + labels(-1, ", "));
    }

    /** The labels of the signals in {@code mask}, joined with {@code |}. */
    public static String labels(int mask) {
        return labels(mask, "|");
    }

    static String labels(int mask, String sep) {
        StringJoiner j = new StringJoiner(sep);
        for (Signal v : VALUES) if ((mask & v.bit()) != 0) j.add(v.label);
        return j.toString();
    }
}
