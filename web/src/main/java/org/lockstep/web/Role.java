package org.lockstep.web;

import java.util.Locale;

/** What a user may do: viewers read, analysts also label and run analyses, admins also manage users. */
public enum Role {
    VIEWER, ANALYST, ADMIN;

    boolean atLeast(Role r) {
        return ordinal() >= r.ordinal();
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role named (admin, analyst, viewer), or IllegalArgumentException. */
    public static Role of(String s) {
        for (Role r : values()) if (r.key().equals(s)) return r;
        throw new IllegalArgumentException("unknown role " + s + " (admin, analyst or viewer)");
    }
}
