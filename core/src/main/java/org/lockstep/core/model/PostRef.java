package org.lockstep.core.model;

/**
 * A reference to another post (the reposted, replied-to or quoted one) and, where the source gives it,
 * its author. Any field but {@code postId} may be null.
 */
public record PostRef(String postId, String accountId, String handle) {
    public PostRef {
        if (postId == null && accountId == null) {
            throw new IllegalArgumentException("a post reference needs a post id or an account id");
        }
    }
}
