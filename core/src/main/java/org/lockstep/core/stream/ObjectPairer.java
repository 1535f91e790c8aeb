package org.lockstep.core.stream;

import java.util.Arrays;

/**
 * The co-actions on one object, found as its actions arrive in time order: each new action is paired with
 * every buffered earlier action at most {@code windowMs} before it, by another account, exactly as the
 * batch kernel ({@code PairKernel}) pairs them — exact times, no bins, each unordered pair once. The viral
 * bound is the batch one: an action takes at most {@code maxPartners} later actions (its nearest followers;
 * followers by the same account count towards the bound, as in batch), and the pairs beyond are counted
 * as dropped, not visited. Only the actions of the last window are buffered.
 *
 * <p>Actions must be added in order of (time, sequence); the stream operator releases them so, at the
 * watermark. Plain fields (arrays), so any state backend can serialise an instance.
 */
public final class ObjectPairer {
    /** Receives a co-action: the earlier action's account and post, then the later one's. */
    public interface Sink {
        void pair(String accountA, String postA, long timeA, String accountB, String postB, long timeB);
    }

    public long windowMs;
    public int maxPartners;
    public long[] time = new long[4];
    public String[] account = new String[4];
    public String[] post = new String[4];
    /** Later actions each buffered action has been offered (the viral bound counts positions). */
    public int[] partners = new int[4];
    public int start, end;
    public long droppedPairs;

    /** For serialisers. */
    public ObjectPairer() {}

    public ObjectPairer(long windowMs, int maxPartners) {
        this.windowMs = windowMs;
        this.maxPartners = maxPartners;
    }

    /** Adds an action at {@code t} (not before the last one added) and hands its co-actions to {@code sink}. */
    public void add(long t, String acc, String postId, Sink sink) {
        while (start < end && t - time[start] > windowMs) start++;
        for (int i = start; i < end; i++) {
            if (partners[i] >= maxPartners) {
                droppedPairs++;
                continue;
            }
            partners[i]++;
            if (!account[i].equals(acc)) sink.pair(account[i], post[i], time[i], acc, postId, t);
        }
        if (start > 0 && (end == time.length || start > end / 2)) compact();
        if (end == time.length) grow();
        time[end] = t;
        account[end] = acc;
        post[end] = postId;
        partners[end] = 0;
        end++;
    }

    /** Buffered actions (the state size of this object). */
    public int buffered() {
        return end - start;
    }

    /** Forgets actions older than the window before {@code t}: nothing later can pair with them. */
    public void expire(long t) {
        while (start < end && t - time[start] > windowMs) start++;
        if (start == end) start = end = 0;
    }

    private void compact() {
        int n = end - start;
        System.arraycopy(time, start, time, 0, n);
        System.arraycopy(account, start, account, 0, n);
        System.arraycopy(post, start, post, 0, n);
        System.arraycopy(partners, start, partners, 0, n);
        Arrays.fill(account, n, end, null);
        Arrays.fill(post, n, end, null);
        start = 0;
        end = n;
    }

    private void grow() {
        int n = time.length * 2;
        time = Arrays.copyOf(time, n);
        account = Arrays.copyOf(account, n);
        post = Arrays.copyOf(post, n);
        partners = Arrays.copyOf(partners, n);
    }
}
