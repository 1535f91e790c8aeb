package org.lockstep.sim;

import java.util.Locale;

/** The planted operation types and their names in labels and on the command line. */
public enum OpType {
    SOCKPUPPET_NETWORK("sockpuppet_network", "sockpuppets"),
    HACK_AND_LEAK("hack_and_leak", "leak"),
    COPYPASTA("copypasta", "narrative"),
    LOOKALIKE_DOMAINS("lookalike_domains", "lookalike");

    /** Name in the labels file. */
    public final String label;
    /** Short name for {@code --scenario} and {@code --ops}. */
    public final String shortName;

    OpType(String label, String shortName) {
        this.label = label;
        this.shortName = shortName;
    }

    /** Accepts the short name or the label name, case-insensitively. */
    public static OpType parse(String s) {
        String x = s.trim().toLowerCase(Locale.ROOT);
        for (OpType t : values()) if (t.shortName.equals(x) || t.label.equals(x)) return t;
        throw new IllegalArgumentException("unknown operation '" + s + "' (use sockpuppets, leak, narrative, lookalike)");
    }
}
