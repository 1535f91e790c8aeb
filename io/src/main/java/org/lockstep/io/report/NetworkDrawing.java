package org.lockstep.io.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * Draws an undirected network as inline SVG, nodes coloured by group ({@link Palette}), each
 * connected component laid out with {@link ForceLayout} and the components packed in rows, largest
 * first. Graphs larger than {@link #maxNodes} are cut to the largest groups (whole groups while they
 * fit, then the best-connected nodes), and the drawing says so in {@link Drawing#note}.
 */
public final class NetworkDrawing {
    private final int n;
    private int[] group;
    private String[] tooltip;
    private int[] src = new int[0], dst = new int[0];
    private double[] weight = new double[0];
    private IntFunction<String> groupName = g -> "group " + g;
    private int maxNodes = 1000, maxEdges = 6000, width = 960, legendEntries = 12;
    private long seed = 1;
    private String title = "Network";

    private NetworkDrawing(int n) {
        this.n = n;
        group = new int[n];
        Arrays.fill(group, -1);
    }

    /** A drawing of nodes {@code 0..nodes-1}. */
    public static NetworkDrawing of(int nodes) {
        return new NetworkDrawing(nodes);
    }

    /** Group per node (negative: none). */
    public NetworkDrawing groups(int[] group) {
        if (group.length != n) throw new IllegalArgumentException("groups: " + group.length + " values for " + n + " nodes");
        this.group = group;
        return this;
    }

    /** Hover text per node (attacker-written text is fine: it is escaped). */
    public NetworkDrawing tooltips(String[] tooltip) {
        if (tooltip.length != n) throw new IllegalArgumentException("tooltips: " + tooltip.length + " values for " + n + " nodes");
        this.tooltip = tooltip;
        return this;
    }

    public NetworkDrawing edges(int[] src, int[] dst, double[] weight) {
        if (src.length != dst.length || src.length != weight.length) throw new IllegalArgumentException("edge columns differ in length");
        this.src = src;
        this.dst = dst;
        this.weight = weight;
        return this;
    }

    /** Name of a group in the legend (escaped). */
    public NetworkDrawing groupNames(IntFunction<String> name) {
        this.groupName = name;
        return this;
    }

    public NetworkDrawing maxNodes(int max) { this.maxNodes = max; return this; }
    public NetworkDrawing maxEdges(int max) { this.maxEdges = max; return this; }
    public NetworkDrawing width(int px) { this.width = px; return this; }
    public NetworkDrawing seed(long seed) { this.seed = seed; return this; }
    public NetworkDrawing title(String title) { this.title = title; return this; }
    public NetworkDrawing legendEntries(int entries) { this.legendEntries = entries; return this; }

    /** The result: the figure, what was left out (null when nothing), and where each drawn node went. */
    public static final class Drawing {
        public final Svg svg;
        public final String note;
        /** Original node index of each drawn node. */
        public final int[] drawnNodes;
        public final int drawnEdges;
        /** Pixel positions {@code [x0, y0, x1, y1, ...]} of the drawn nodes, in {@link #drawnNodes} order. */
        public final double[] positions;

        Drawing(Svg svg, String note, int[] drawnNodes, int drawnEdges, double[] positions) {
            this.svg = svg;
            this.note = note;
            this.drawnNodes = drawnNodes;
            this.drawnEdges = drawnEdges;
            this.positions = positions;
        }
    }

    public Drawing draw() {
        int[] degree = new int[n];
        for (int e = 0; e < src.length; e++) {
            degree[src[e]]++;
            degree[dst[e]]++;
        }
        int[] rank = Palette.groupRanks(group);
        int groupCount = 0;
        for (int r : rank) if (r != Integer.MAX_VALUE) groupCount++;

        // choose nodes: by group rank (ungrouped last), inside a group by degree; whole groups while they fit
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> {
            int ra = group[a] < 0 ? Integer.MAX_VALUE : rank[group[a]], rb = group[b] < 0 ? Integer.MAX_VALUE : rank[group[b]];
            if (ra != rb) return Integer.compare(ra, rb);
            if (degree[a] != degree[b]) return Integer.compare(degree[b], degree[a]);
            return Integer.compare(a, b);
        });
        int take = Math.min(n, maxNodes);
        if (take < n) {
            // stop at a group boundary when that keeps at least half the budget
            int cut = take;
            while (cut > 0 && sameGroup(order[cut - 1], order[cut])) cut--;
            if (cut >= take / 2) take = cut;
        }
        int[] local = new int[n];
        Arrays.fill(local, -1);
        int[] drawn = new int[take];
        for (int i = 0; i < take; i++) {
            drawn[i] = order[i];
            local[order[i]] = i;
        }
        int groupsDrawn = 0;
        boolean[] seenGroup = new boolean[rank.length];
        for (int v : drawn) if (group[v] >= 0 && !seenGroup[group[v]]) { seenGroup[group[v]] = true; groupsDrawn++; }

        // edges among drawn nodes, heaviest first when over budget
        int edgesAmongDrawn = 0;
        int[] among = new int[src.length];
        for (int e = 0; e < src.length; e++) if (local[src[e]] >= 0 && local[dst[e]] >= 0) among[edgesAmongDrawn++] = e;
        among = Arrays.copyOf(among, edgesAmongDrawn);
        if (among.length > maxEdges) among = backbone(among, local, take);
        List<Integer> edgeList = new ArrayList<>(among.length);
        for (int e : among) edgeList.add(e);
        StringBuilder note = new StringBuilder();
        if (take < n) {
            note.append(String.format(Locale.ROOT, "Showing %,d of %,d accounts: the %,d largest of %,d groups", take, n, groupsDrawn, groupCount));
            note.append(" (the last one possibly in part, best-connected accounts first).");
        }
        if (edgeList.size() < edgesAmongDrawn) {
            if (note.length() > 0) note.append(' ');
            note.append(String.format(Locale.ROOT, "Showing %,d of the %,d links among them (each account's two strongest, then the heaviest).",
                    edgeList.size(), edgesAmongDrawn));
        }

        double[] pos = place(take, edgeList, local);
        int legendRows = Math.min(legendEntries, groupsDrawn);
        boolean otherRow = groupsDrawn > legendRows || hasUngrouped(drawn);
        int pad = 12, legendH = legendRows == 0 ? 0 : 18 * (((legendRows + (otherRow ? 1 : 0)) + 2) / 3) + 14;
        double maxY = 0;
        for (int i = 0; i < take; i++) maxY = Math.max(maxY, pos[2 * i + 1]);
        int height = (int) Math.ceil(maxY) + pad + legendH + 4;
        SvgCanvas c = new SvgCanvas(width, Math.max(height, 60), title);
        c.rect(0, 0, width, Math.max(height, 60), "#ffffff", null);
        double maxW = 0;
        for (int e : edgeList) maxW = Math.max(maxW, weight[e]);
        int maxDegree = 1;
        for (int v : drawn) maxDegree = Math.max(maxDegree, degree[v]);
        c.open("edges");
        for (int e : edgeList) {
            int a = local[src[e]], b = local[dst[e]];
            double sw = 0.4 + 1.8 * (maxW > 0 ? weight[e] / maxW : 1);
            c.line(pos[2 * a], pos[2 * a + 1], pos[2 * b], pos[2 * b + 1], "#8a8a8a", sw, 0.55, null);
        }
        c.close();
        c.open("nodes");
        for (int i = 0; i < take; i++) {
            int v = drawn[i];
            String fill = group[v] < 0 ? Palette.NONE : Palette.color(rank[group[v]]);
            double r = 2.5 + 4.5 * Math.sqrt((double) degree[v] / maxDegree);
            String tip = tooltip != null ? tooltip[v] : "node " + v;
            c.circle(pos[2 * i], pos[2 * i + 1], r, fill, tip);
        }
        c.close();
        if (legendRows > 0) {
            c.open("legend");
            double y0 = Math.ceil(maxY) + pad + 12;
            int col = 0;
            double colW = (width - 2.0 * pad) / 3;
            int[] byRank = new int[legendRows];
            int[] sizes = new int[rank.length];
            for (int g : group) if (g >= 0) sizes[g]++;
            for (int g = 0; g < rank.length; g++) if (rank[g] < legendRows) byRank[rank[g]] = g;
            for (int r = 0; r < legendRows; r++, col++) {
                double x = pad + (col % 3) * colW, y = y0 + (col / 3) * 18;
                c.circle(x + 5, y - 4, 5, Palette.color(r), null);
                c.text(x + 15, y, Html.shorten(groupName.apply(byRank[r]), 40) + String.format(Locale.ROOT, " (%,d)", sizes[byRank[r]]),
                        "start", "#333333", null);
            }
            if (otherRow) {
                double x = pad + (col % 3) * colW, y = y0 + (col / 3) * 18;
                c.circle(x + 5, y - 4, 5, Palette.OTHER, null);
                c.text(x + 15, y, "other groups / no group", "start", "#333333", null);
            }
            c.close();
        }
        double[] px = Arrays.copyOf(pos, 2 * take);
        return new Drawing(c.finish(), note.length() == 0 ? null : note.toString(), drawn, edgeList.size(), px);
    }

    /**
     * At most {@link #maxEdges} edges: first each node's two heaviest edges (so every drawn node keeps
     * its strongest ties and no group falls apart into dots), then the heaviest of the rest.
     */
    private int[] backbone(int[] edgeList, int[] local, int nodes) {
        int[] byWeight = edgeList.clone();
        // stable, as the sort of a list was (half a million edges on a storm: unboxed)
        it.unimi.dsi.fastutil.ints.IntArrays.mergeSort(byWeight, (a, b) -> weight[a] != weight[b] ? Double.compare(weight[b], weight[a])
                : Integer.compare(a, b));
        int[] kept = new int[nodes];
        boolean[] take = new boolean[src.length];
        int count = 0;
        for (int e : byWeight) {
            if (count >= maxEdges) break;
            int a = local[src[e]], b = local[dst[e]];
            if (kept[a] < 2 || kept[b] < 2) {
                take[e] = true;
                kept[a]++;
                kept[b]++;
                count++;
            }
        }
        for (int e : byWeight) {
            if (count >= maxEdges) break;
            if (!take[e]) {
                take[e] = true;
                count++;
            }
        }
        int[] out = new int[count];
        int o = 0;
        for (int e : edgeList) if (take[e]) out[o++] = e;
        return out;
    }

    private boolean hasUngrouped(int[] drawn) {
        for (int v : drawn) if (group[v] < 0) return true;
        return false;
    }

    private boolean sameGroup(int a, int b) {
        return group[a] >= 0 && group[a] == group[b];
    }

    /** Lays out each connected component and packs them in rows (shelves); returns pixel positions. */
    private double[] place(int m, List<Integer> edgeList, int[] local) {
        int[] parent = new int[m];
        for (int i = 0; i < m; i++) parent[i] = i;
        for (int e : edgeList) union(parent, local[src[e]], local[dst[e]]);
        int[] comp = new int[m];
        int[] compSize = new int[m];
        int comps = 0;
        int[] rootComp = new int[m];
        Arrays.fill(rootComp, -1);
        for (int i = 0; i < m; i++) {
            int r = find(parent, i);
            if (rootComp[r] < 0) rootComp[r] = comps++;
            comp[i] = rootComp[r];
            compSize[comp[i]]++;
        }
        int[][] members = new int[comps][];
        int[] fill = new int[comps];
        for (int k = 0; k < comps; k++) members[k] = new int[compSize[k]];
        int[] idx = new int[m];
        for (int i = 0; i < m; i++) {
            idx[i] = fill[comp[i]];
            members[comp[i]][fill[comp[i]]++] = i;
        }
        List<List<Integer>> compEdges = new ArrayList<>();
        for (int k = 0; k < comps; k++) compEdges.add(new ArrayList<>());
        for (int e : edgeList) compEdges.get(comp[local[src[e]]]).add(e);

        Integer[] byCompSize = new Integer[comps];
        for (int k = 0; k < comps; k++) byCompSize[k] = k;
        Arrays.sort(byCompSize, (a, b) -> compSize[a] != compSize[b] ? Integer.compare(compSize[b], compSize[a]) : Integer.compare(a, b));

        double pad = 12, inner = width - 2 * pad;
        double scale = Math.min(55, Math.sqrt(0.55 * inner * inner / Math.max(1, m)));
        double[] pos = new double[2 * m];
        double x = pad, y = pad, rowH = 0;
        for (int k : byCompSize) {
            int size = compSize[k];
            List<Integer> ce = compEdges.get(k);
            int[] s = new int[ce.size()], d = new int[ce.size()];
            double[] w = new double[ce.size()];
            for (int j = 0; j < ce.size(); j++) {
                int e = ce.get(j);
                s[j] = idx[local[src[e]]];
                d[j] = idx[local[dst[e]]];
                w[j] = weight[e];
            }
            double[] p = ForceLayout.layout(size, s, d, w, seed + k);
            double side = Math.min(inner, Math.max(size == 1 ? 14 : 36, scale * Math.sqrt(size)));
            if (x + side > pad + inner + 0.5) {
                x = pad;
                y += rowH + 10;
                rowH = 0;
            }
            double margin = size == 1 ? 0 : 8;
            for (int j = 0; j < size; j++) {
                int v = members[k][j];
                pos[2 * v] = x + margin + p[2 * j] * (side - 2 * margin);
                pos[2 * v + 1] = y + margin + p[2 * j + 1] * (side - 2 * margin);
            }
            x += side + 10;
            rowH = Math.max(rowH, side);
        }
        return pos;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a), rb = find(parent, b);
        if (ra != rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
}
