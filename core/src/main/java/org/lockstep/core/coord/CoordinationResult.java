package org.lockstep.core.coord;

import java.util.List;

/**
 * What a detection run found: the kept edges with their statistics, per-account columns, Leiden
 * groups, evidence, the work the viral bound dropped, the parameters used and timings.
 *
 * @param config the parameters used
 * @param actions the co-action rows (also the name source for accounts, objects and posts)
 * @param edges the kept edges
 * @param accounts per-account group, component, degree, signals
 * @param groups Leiden communities, largest first
 * @param components number of connected components of the kept network
 * @param evidence post pairs behind each kept edge
 * @param counts how much work was done and dropped
 * @param timings wall-clock time of each stage
 * @param strongestRejected the strongest pairs that were not kept (what to look at when nothing is)
 */
public record CoordinationResult(
        CoordinationConfig config,
        Actions actions,
        Edges edges,
        AccountStats accounts,
        List<GroupStats> groups,
        int components,
        Evidence evidence,
        Counts counts,
        Timings timings,
        List<Candidate> strongestRejected) {

    /**
     * @param actions co-action rows indexed (timed rows and one row per account on each rare object)
     * @param candidatePairs account pairs with at least one co-action or shared rare object
     * @param timingHypotheses the timing test's family: pairs that could reach {@code minRepetitions}
     *        episodes under the jitter null (Tarone 1990)
     * @param sharedHypotheses the co-occurrence test's family: pairs sharing at least {@code minRepetitions}
     *        rare objects
     * @param testedPairs pairs with a p-value
     * @param keptEdges edges kept
     * @param coActionPairs co-action pairs counted
     * @param droppedPairs pairs within the window not counted because of the viral bound
     * @param cappedObjects objects where the viral bound dropped pairs, or too popular to count at any time
     * @param ignoredActions rows ignored because their account had fewer than {@code minParticipation}
     * @param nearTextPairs near-duplicate text pairs confirmed
     * @param skippedBuckets LSH buckets skipped as boilerplate (larger than {@code maxBucket})
     * @param timeResolutionMs the resolution of the input's times (windows are widened by it)
     */
    public record Counts(long actions, long candidatePairs, long timingHypotheses, long sharedHypotheses,
            long testedPairs, long keptEdges, long coActionPairs, long droppedPairs, long cappedObjects,
            long ignoredActions, long nearTextPairs, long skippedBuckets, long timeResolutionMs) {}

    /**
     * A pair that was counted but not kept, with its tests (NaN where a test was not run).
     *
     * @param episodes timed episodes within the window
     * @param coActions co-actions within the window
     * @param sharedObjects rare objects shared at any time (0 when fewer than {@code minRepetitions})
     */
    public record Candidate(int a, int b, int episodes, int coActions, int sharedObjects, double expectedEpisodes,
            double pTiming, double expectedShared, double pShared, double q) {}

    /** Milliseconds spent per stage. */
    public record Timings(long extractMs, long pairsMs, long significanceMs, long groupsMs, long evidenceMs,
            long totalMs) {}

    public String accountName(int account) { return actions.accountName(account); }
    public String objectName(int object) { return actions.objectName(object); }
    public Signal objectSignal(int object) { return actions.objectSignal(object); }
    public String contentName(int content) { return actions.contentName(content); }
    /** Accounts in the kept network. */
    public int accountCount() { return accounts.members.length; }
}
