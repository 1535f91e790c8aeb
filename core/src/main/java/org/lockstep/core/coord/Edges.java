package org.lockstep.core.coord;

/**
 * The kept edges of a coordination network as parallel primitive columns; edge {@code e} joins
 * accounts {@code a[e] < b[e]}. Gaps are in milliseconds; "first" counts how often each side acted
 * first in a co-action (ties count for neither). Unknown statistics are NaN.
 */
public final class Edges {
    public final int size;
    public final int[] a, b;
    /** Distinct objects the pair co-acted on (the repetition count). */
    public final int[] objects;
    /**
     * Episodes: runs of co-actions on one object with consecutive co-actions at most the episode gap apart;
     * the repetition count that {@code minRepetitions} and the p-value use.
     */
    public final int[] episodes;
    /** Co-action pairs (post pairs within the window); CooRTweet's weight. */
    public final int[] coActions;
    /** Co-actions within the optional fast window (0 when off). */
    public final int[] fastCoActions;
    public final long[] minGapMs;
    /** Exact median gap over all co-actions found (computed in a second pass over the kept edges). */
    public final long[] medianGapMs;
    public final double[] meanGapMs;
    public final int[] aFirst, bFirst;
    /** Bitmask of {@link Signal#bit()}. */
    public final int[] signals;
    /** Expected number of episodes under the jitter null (λ); NaN when the timing test was not run. */
    public final double[] expected;
    /**
     * The edge's p-value (the smaller of its timing and co-occurrence p-values, times the number of them it
     * has) and q-value (the smaller of the two Benjamini–Hochberg q-values); NaN outside significance selection.
     */
    public final double[] pValue, qValue;
    /** Rare objects (shared by few accounts) the two accounts both acted on, at any time. */
    public final int[] sharedObjects;
    /** Expected shared rare objects under the configuration model; NaN when not tested. */
    public final double[] expectedShared;
    /** The timing (jitter) test's and the co-occurrence test's p-values; NaN when not run for this pair. */
    public final double[] pTiming, pShared;
    /** The weight used for communities and drawing: −log10(p) under significance, else the co-action count. */
    public final double[] weight;

    Edges(int size, int[] a, int[] b, int[] objects, int[] episodes, int[] coActions, int[] fastCoActions, long[] minGapMs,
            long[] medianGapMs, double[] meanGapMs, int[] aFirst, int[] bFirst, int[] signals, double[] expected,
            double[] pValue, double[] qValue, double[] weight, int[] sharedObjects, double[] expectedShared,
            double[] pTiming, double[] pShared) {
        this.sharedObjects = sharedObjects;
        this.expectedShared = expectedShared;
        this.pTiming = pTiming;
        this.pShared = pShared;
        this.size = size;
        this.a = a;
        this.b = b;
        this.objects = objects;
        this.episodes = episodes;
        this.coActions = coActions;
        this.fastCoActions = fastCoActions;
        this.minGapMs = minGapMs;
        this.medianGapMs = medianGapMs;
        this.meanGapMs = meanGapMs;
        this.aFirst = aFirst;
        this.bFirst = bFirst;
        this.signals = signals;
        this.expected = expected;
        this.pValue = pValue;
        this.qValue = qValue;
        this.weight = weight;
    }

    public int size() { return size; }

    /** Share of co-actions in which {@code a} acted first, in [0, 1], NaN when all were ties. */
    public double aFirstShare(int e) {
        int n = aFirst[e] + bFirst[e];
        return n == 0 ? Double.NaN : (double) aFirst[e] / n;
    }
}
