package org.lockstep.core.coord;

import java.util.List;

/**
 * One Leiden community of the kept network (groups never span components). Times are UTC ms.
 *
 * @param id group number, 0 = largest
 * @param component the connected component it lies in
 * @param members account ids, ascending
 * @param edges kept edges inside the group
 * @param density edges / possible pairs
 * @param signals bitmask of the signals of its edges
 * @param firstMs first co-action of any of its edges (from the evidence)
 * @param lastMs last co-action
 * @param coActions sum of co-actions of its edges
 * @param topObjects objects most co-acted on inside the group
 * @param leaders accounts most often first in the group's co-actions
 * @param createdKnown members with a known account creation time
 * @param createdMinMs earliest creation time (Long.MIN_VALUE when unknown)
 * @param createdMaxMs latest creation time
 * @param createdMedianMs median creation time
 */
public record GroupStats(
        int id,
        int component,
        int[] members,
        int edges,
        double density,
        int signals,
        long firstMs,
        long lastMs,
        long coActions,
        List<ObjectCount> topObjects,
        List<Leader> leaders,
        int createdKnown,
        long createdMinMs,
        long createdMaxMs,
        long createdMedianMs) {

    public int size() { return members.length; }

    /** An object with the number of co-actions of the group's edges on it. */
    public record ObjectCount(int object, Signal signal, String name, int coActions) {}

    /** An account and how often it acted first in the group's co-actions. */
    public record Leader(int account, int timesFirst) {}
}
