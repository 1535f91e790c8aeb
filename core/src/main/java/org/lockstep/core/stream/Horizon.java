package org.lockstep.core.stream;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.lockstep.core.model.Post;
import org.lockstep.core.model.PostTable;

/**
 * The posts of the horizon (by default the last 7 days of event time), in the order they were read, so
 * that {@link #table} builds exactly the {@code PostTable} batch builds from the same posts: the builder
 * sorts rows by time, stably, and interns ids in the order it meets them, so giving it the posts in read
 * order (by {@code seq}) reproduces batch's row order and ids — and with them batch's network.
 */
public final class Horizon {
    /** A post and its place in the input. */
    public record Entry(long seq, Post post) {}

    private final long horizonMs;
    private final List<Entry> entries = new ArrayList<>();
    private boolean sorted = true;

    public Horizon(long horizonMs) {
        if (horizonMs <= 0) throw new IllegalArgumentException("horizon must be > 0");
        this.horizonMs = horizonMs;
    }

    public void add(long seq, Post p) {
        if (!entries.isEmpty() && entries.get(entries.size() - 1).seq() > seq) sorted = false;
        entries.add(new Entry(seq, p));
    }

    public int size() {
        return entries.size();
    }

    public List<Entry> entries() {
        sort();
        return entries;
    }

    /** Drops posts older than the horizon before {@code now}; true when any was dropped. */
    public boolean expire(long now) {
        long oldest = now - horizonMs;
        return entries.removeIf(e -> e.post().timeMs() <= oldest);
    }

    /**
     * The table of the horizon's posts with time at most {@code upTo} (and within the horizon before it),
     * rows built in read order as batch builds them.
     */
    public PostTable table(long upTo, boolean keepText) {
        sort();
        long oldest = upTo == Long.MAX_VALUE ? Long.MIN_VALUE : upTo - horizonMs;
        PostTable.Builder b = PostTable.builder(keepText, entries.size());
        for (Entry e : entries) {
            long t = e.post().timeMs();
            if (t <= upTo && t > oldest) b.add(e.post());
        }
        return b.build();
    }

    /** Posts with time in {@code (from, to]}, in (time, read order). */
    public List<Post> between(long from, long to) {
        List<Entry> l = new ArrayList<>();
        for (Entry e : entries) {
            long t = e.post().timeMs();
            if (t > from && t <= to) l.add(e);
        }
        l.sort(Comparator.comparingLong((Entry e) -> e.post().timeMs()).thenComparingLong(Entry::seq));
        List<Post> out = new ArrayList<>(l.size());
        for (Entry e : l) out.add(e.post());
        return out;
    }

    private void sort() {
        if (sorted) return;
        entries.sort(Comparator.comparingLong(Entry::seq));
        sorted = true;
    }
}
