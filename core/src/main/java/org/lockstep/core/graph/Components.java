package org.lockstep.core.graph;

/**
 * Connected components of an undirected graph given as edge lists, by union-find with path halving
 * and union by size (Tarjan 1975). Component ids are dense, numbered by decreasing size (ties: smallest
 * node first); nodes without edges get -1.
 */
public final class Components {
    private Components() {}

    /**
     * @param nodes size of the node id space
     * @param a first endpoint of each edge
     * @param b second endpoint
     * @param edges number of edges to read
     * @return component id per node, -1 for isolated nodes
     */
    public static int[] of(int nodes, int[] a, int[] b, int edges) {
        int[] parent = new int[nodes];
        int[] size = new int[nodes];
        boolean[] touched = new boolean[nodes];
        for (int i = 0; i < nodes; i++) { parent[i] = i; size[i] = 1; }
        for (int e = 0; e < edges; e++) {
            int x = find(parent, a[e]), y = find(parent, b[e]);
            touched[a[e]] = touched[b[e]] = true;
            if (x == y) continue;
            if (size[x] < size[y]) { int t = x; x = y; y = t; }
            parent[y] = x;
            size[x] += size[y];
        }
        // order roots by size desc, then by smallest member
        int[] rootMin = new int[nodes];
        java.util.Arrays.fill(rootMin, -1);
        int roots = 0;
        for (int v = 0; v < nodes; v++) {
            if (!touched[v]) continue;
            int r = find(parent, v);
            if (rootMin[r] < 0) { rootMin[r] = v; roots++; }
        }
        int[] list = new int[roots];
        int k = 0;
        for (int v = 0; v < nodes; v++) if (touched[v] && rootMin[v] >= 0 && find(parent, v) == v) list[k++] = v;
        final int[] sz = size, rm = rootMin;
        it.unimi.dsi.fastutil.ints.IntArrays.quickSort(list, (x, y) -> sz[x] != sz[y] ? Integer.compare(sz[y], sz[x])
                : Integer.compare(rm[x], rm[y]));
        int[] id = new int[nodes];
        java.util.Arrays.fill(id, -1);
        int[] rootId = new int[nodes];
        for (int i = 0; i < list.length; i++) rootId[list[i]] = i;
        for (int v = 0; v < nodes; v++) if (touched[v]) id[v] = rootId[find(parent, v)];
        return id;
    }

    /** Number of components in a labelling from {@link #of}. */
    public static int count(int[] component) {
        int max = -1;
        for (int c : component) if (c > max) max = c;
        return max + 1;
    }

    private static int find(int[] p, int x) {
        while (p[x] != x) {
            p[x] = p[p[x]];
            x = p[x];
        }
        return x;
    }
}
