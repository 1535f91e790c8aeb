package org.lockstep.core.stream;

import java.util.HashMap;
import java.util.HashSet;

/**
 * One pair's co-actions over the horizon, reduced to episodes as batch counts them: a run of co-actions of
 * the pair on one object whose consecutive co-actions are at most {@code episodeGapMs} apart is one
 * episode, and a co-action whose earlier post already appeared in an earlier co-action of the pair does
 * not start one (the same two posts seen through another signal). Used by the stream to know when a pair
 * has repeated often enough ({@code minRepetitions}) for the significance tests to be worth re-running.
 */
public final class PairEpisodes {
    /** Per object key: time of the pair's last co-action on it. */
    public HashMap<String, Long> lastOnObject = new HashMap<>();
    /** Earlier posts of the pair's co-actions so far. */
    public HashSet<String> earlierPosts = new HashSet<>();
    public int episodes, coActions;
    public long last;

    public PairEpisodes() {}

    /**
     * Adds a co-action on {@code object} at {@code t} whose earlier post is {@code earlierPost}; true when
     * it starts a new episode.
     */
    public boolean add(String object, long t, String earlierPost, long episodeGapMs) {
        coActions++;
        last = Math.max(last, t);
        Long prev = lastOnObject.put(object, t);
        boolean seenPost = !earlierPosts.add(earlierPost);
        boolean newEpisode = (prev == null || t - prev > episodeGapMs) && !seenPost;
        if (newEpisode) episodes++;
        return newEpisode;
    }
}
