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
        Timings timings) {

    /**
     * @param actions co-action rows fed to the pair kernel
     * @param candidateEdges account pairs with at least one co-action (the hypotheses tested)
     * @param testedEdges pairs with at least {@code minRepetitions} objects (p-values computed; others get p = 1)
     * @param keptEdges edges kept
     * @param coActionPairs co-action pairs counted
     * @param droppedPairs pairs within the window not counted because of the viral bound
     * @param cappedObjects objects where the viral bound dropped pairs
     * @param ignoredActions rows ignored because their account had fewer than {@code minParticipation}
     * @param nearTextPairs near-duplicate text pairs confirmed
     * @param skippedBuckets LSH buckets skipped as boilerplate (larger than {@code maxBucket})
     */
    public record Counts(long actions, long candidateEdges, long testedEdges, long keptEdges, long coActionPairs,
            long droppedPairs, long cappedObjects, long ignoredActions, long nearTextPairs, long skippedBuckets) {}

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
