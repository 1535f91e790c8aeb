package org.lockstep.core.coord;

/**
 * The post pairs behind each kept edge, at most {@code evidencePerEdge} per edge (earliest first), with
 * the true numbers in {@link Edges#coActions} and {@link Edges#sharedObjects}. Pair {@code k} of edge {@code e} is at index
 * {@code start(e) + k}; side "a" is the action of {@link Edges#a}. Rows are {@link Actions#row(int)}
 * values (PostTable rows, or input row numbers for generic input); contents are post ids
 * (names via {@link CoordinationResult#contentName(int)}).
 */
public final class Evidence {
    private final int[] offsets;
    public final int[] object, rowA, rowB, contentA, contentB;
    public final long[] timeA, timeB;
    /**
     * Whether pair {@code k} is a co-action within the window; false for a rare object the two accounts
     * shared further apart (the co-occurrence test's evidence).
     */
    public final boolean[] withinWindow;

    Evidence(int[] offsets, int[] object, int[] rowA, int[] rowB, int[] contentA, int[] contentB,
            long[] timeA, long[] timeB, boolean[] withinWindow) {
        this.withinWindow = withinWindow;
        this.offsets = offsets;
        this.object = object;
        this.rowA = rowA;
        this.rowB = rowB;
        this.contentA = contentA;
        this.contentB = contentB;
        this.timeA = timeA;
        this.timeB = timeB;
    }

    public int start(int edge) { return offsets[edge]; }
    public int end(int edge) { return offsets[edge + 1]; }
    /** Pairs stored for an edge (≤ the cap). */
    public int count(int edge) { return offsets[edge + 1] - offsets[edge]; }
    /** Signed gap of pair {@code k}: time of b minus time of a. */
    public long gapMs(int k) { return timeB[k] - timeA[k]; }
    public int total() { return offsets[offsets.length - 1]; }
}
