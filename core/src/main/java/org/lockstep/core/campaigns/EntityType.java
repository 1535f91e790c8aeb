package org.lockstep.core.campaigns;

import java.util.Locale;

/** What a campaign pushes: a hashtag, a normalised URL, a registrable domain, a near-duplicate narrative, or one original post (its reposts and quotes). */
public enum EntityType {
    HASHTAG, URL, DOMAIN, NARRATIVE, POST;

    private static final EntityType[] VALUES = values();

    public static EntityType of(int ordinal) { return VALUES[ordinal]; }

    public String label() { return name().toLowerCase(Locale.ROOT); }
}
