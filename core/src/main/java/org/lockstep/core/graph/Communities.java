package org.lockstep.core.graph;

import java.util.Random;
import nl.cwts.networkanalysis.Clustering;
import nl.cwts.networkanalysis.LeidenAlgorithm;
import nl.cwts.networkanalysis.Network;
import nl.cwts.util.LargeDoubleArray;
import nl.cwts.util.LargeIntArray;

/**
 * Leiden communities (Traag, Waltman &amp; van Eck 2019) maximising modularity, with the CWTS reference
 * implementation ({@code nl.cwts.networkanalysis}). Leiden guarantees connected communities, so a
 * community never spans two components. Deterministic for a given seed.
 */
public final class Communities {
    private Communities() {}

    /**
     * @param nodes size of the node id space
     * @param a first endpoint of each edge (a ≠ b, each pair once)
     * @param b second endpoint
     * @param w positive edge weights
     * @param edges number of edges
     * @param resolution modularity resolution γ (1 = standard modularity)
     * @param iterations Leiden iterations
     * @param seed random seed
     * @return community id per node (dense, by decreasing size, ties by smallest node), -1 for nodes without edges
     */
    public static int[] leiden(int nodes, int[] a, int[] b, double[] w, int edges, double resolution, int iterations,
            long seed) {
        int[] local = new int[nodes];
        java.util.Arrays.fill(local, -1);
        int m = 0;
        int[] global = new int[Math.max(1, Math.min(nodes, 2 * edges))];
        for (int e = 0; e < edges; e++) {
            if (local[a[e]] < 0) { local[a[e]] = m; global[m++] = a[e]; }
            if (local[b[e]] < 0) { local[b[e]] = m; global[m++] = b[e]; }
        }
        int[] out = new int[nodes];
        java.util.Arrays.fill(out, -1);
        if (m == 0) return out;
        int[] from = new int[edges], to = new int[edges];
        double[] ww = new double[edges];
        double total = 0;
        for (int e = 0; e < edges; e++) {
            from[e] = local[a[e]];
            to[e] = local[b[e]];
            ww[e] = w[e];
            total += w[e];
        }
        Network net = new Network(m, true, new LargeIntArray[] {new LargeIntArray(from), new LargeIntArray(to)},
                new LargeDoubleArray(ww), false, true);
        // modularity in CPM form: resolution / (2 · total edge weight), node weights = strengths
        LeidenAlgorithm leiden = new LeidenAlgorithm(resolution / (2 * total), Math.max(1, iterations),
                LeidenAlgorithm.DEFAULT_RANDOMNESS, new Random(seed));
        Clustering cl = new Clustering(m);
        leiden.improveClustering(net, cl);
        int[] c = cl.getClusters();
        // renumber: by size desc, ties by smallest global node id
        int k = cl.getNClusters();
        int[] size = new int[k], minNode = new int[k];
        java.util.Arrays.fill(minNode, Integer.MAX_VALUE);
        for (int v = 0; v < m; v++) {
            size[c[v]]++;
            minNode[c[v]] = Math.min(minNode[c[v]], global[v]);
        }
        int[] ids = new int[k];
        int used = 0;
        for (int i = 0; i < k; i++) if (size[i] > 0) ids[used++] = i;
        int[] order = java.util.Arrays.copyOf(ids, used);
        it.unimi.dsi.fastutil.ints.IntArrays.quickSort(order, (x, y) -> size[x] != size[y]
                ? Integer.compare(size[y], size[x]) : Integer.compare(minNode[x], minNode[y]));
        int[] rank = new int[k];
        for (int i = 0; i < order.length; i++) rank[order[i]] = i;
        for (int v = 0; v < m; v++) out[global[v]] = rank[c[v]];
        return out;
    }
}
