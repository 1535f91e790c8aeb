package org.lockstep.core.model;

/**
 * A reference to another post (the reposted, replied-to or quoted one) and, where the source gives it,
 * its author. Any field but {@code postId} may be null.
 *
 * <p>{@code derived} is true when the source did not name the original and a reader made the id up
 * from what it did give (e.g. a retweet's original author handle and text, see {@code docs/formats.md}):
 * two posts with the same derived id reposted the same text, which is very likely, but not certainly,
 * the same original.
 */
public record PostRef(String postId, String accountId, String handle, boolean derived) {
    public PostRef {
        if (postId == null && accountId == null) {
            throw new IllegalArgumentException("a post reference needs a post id or an account id");
        }
    }

    /** A reference the source names (not derived). */
    public PostRef(String postId, String accountId, String handle) {
        this(postId, accountId, handle, false);
    }
}
