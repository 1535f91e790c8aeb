package org.lockstep.core.model;

/**
 * What the source says about a post's author at the time of the post. Unknown numbers are
 * {@link #UNKNOWN}, unknown flags and strings null.
 */
public record AccountSnapshot(
        String id,
        String handle,
        String displayName,
        String description,
        String location,
        String lang,
        long createdAtMs,
        long followers,
        long following,
        long posts,
        Boolean defaultProfile,
        Boolean defaultAvatar,
        Boolean verified,
        String avatarUrl) {

    public static final long UNKNOWN = Long.MIN_VALUE;

    /** A snapshot that knows only the id and handle. */
    public static AccountSnapshot minimal(String id, String handle) {
        return new AccountSnapshot(id, handle, null, null, null, null,
                UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN, null, null, null, null);
    }
}
