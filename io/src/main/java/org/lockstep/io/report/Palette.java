package org.lockstep.io.report;

import java.util.Arrays;

/**
 * Colours for groups, shared by the report drawing and the GEXF/GraphML files so that a group has
 * the same colour everywhere. Groups are ranked by size (largest first, ties by id); the largest
 * {@link #SIZE} groups get distinct colours, the rest {@link #OTHER}, accounts without a group {@link #NONE}.
 */
public final class Palette {
    private static final String[] COLORS = {
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#393b79",
        "#e6550d", "#31a354", "#843c39", "#7b4173", "#3182bd", "#636363", "#fdae6b", "#74c476", "#9e9ac8", "#fd8d3c",
    };
    public static final int SIZE = COLORS.length;
    public static final String OTHER = "#b0b0b0";
    public static final String NONE = "#dddddd";

    private Palette() {}

    /** The colour of the group of rank {@code rank} (0 = largest). */
    public static String color(int rank) {
        return rank >= 0 && rank < SIZE ? COLORS[rank] : OTHER;
    }

    /**
     * Rank of each group id by size: {@code rank[g]} for group ids {@code 0..max}; groups are the values
     * of {@code group} (negative = none).
     */
    public static int[] groupRanks(int[] group) {
        int max = -1;
        for (int g : group) max = Math.max(max, g);
        int[] size = new int[max + 1];
        for (int g : group) if (g >= 0) size[g]++;
        Integer[] order = new Integer[max + 1];
        for (int g = 0; g <= max; g++) order[g] = g;
        Arrays.sort(order, (a, c) -> size[a] != size[c] ? Integer.compare(size[c], size[a]) : Integer.compare(a, c));
        int[] rank = new int[max + 1];
        Arrays.fill(rank, Integer.MAX_VALUE);
        int r = 0;
        for (Integer g : order) if (size[g] > 0) rank[g] = r++;
        return rank;
    }

    /** One colour per node from its group (see the class comment). */
    public static String[] nodeColors(int[] group) {
        int[] rank = groupRanks(group);
        String[] c = new String[group.length];
        for (int i = 0; i < group.length; i++) c[i] = group[i] < 0 ? NONE : color(rank[group[i]]);
        return c;
    }
}
