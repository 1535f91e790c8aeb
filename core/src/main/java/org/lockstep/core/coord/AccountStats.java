package org.lockstep.core.coord;

/**
 * Per-account columns over the whole account id space; accounts outside the network have
 * {@code group = component = -1} and degree 0.
 */
public final class AccountStats {
    public final int[] group, component, degree, signals;
    /** Co-action rows each account contributed to the pair kernel. */
    public final int[] actions;
    /** Accounts in the network (degree > 0), ascending. */
    public final int[] members;

    AccountStats(int[] group, int[] component, int[] degree, int[] signals, int[] actions, int[] members) {
        this.group = group;
        this.component = component;
        this.degree = degree;
        this.signals = signals;
        this.actions = actions;
        this.members = members;
    }

    public int size() { return group.length; }
}
