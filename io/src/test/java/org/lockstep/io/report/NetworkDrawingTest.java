package org.lockstep.io.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class NetworkDrawingTest {
    /** Two 8-cliques joined by one edge, plus 3 isolated pairs. */
    static NetworkDrawing twoCliques() {
        List<int[]> e = new ArrayList<>();
        for (int c = 0; c < 2; c++)
            for (int i = 0; i < 8; i++)
                for (int j = i + 1; j < 8; j++) e.add(new int[] {c * 8 + i, c * 8 + j});
        e.add(new int[] {0, 8});
        for (int p = 0; p < 3; p++) e.add(new int[] {16 + 2 * p, 17 + 2 * p});
        int n = 22;
        int[] s = new int[e.size()], t = new int[e.size()];
        double[] w = new double[e.size()];
        for (int k = 0; k < e.size(); k++) {
            s[k] = e.get(k)[0];
            t[k] = e.get(k)[1];
            w[k] = 1 + k % 3;
        }
        int[] group = new int[n];
        for (int i = 0; i < n; i++) group[i] = i < 8 ? 5 : i < 16 ? 2 : 10 + (i - 16) / 2;
        String[] tips = new String[n];
        for (int i = 0; i < n; i++) tips[i] = "acct" + i;
        return NetworkDrawing.of(n).groups(group).tooltips(tips).edges(s, t, w).seed(42);
    }

    @Test
    void deterministicWithinBoundsAndClustersSeparate() throws Exception {
        NetworkDrawing.Drawing a = twoCliques().draw(), b = twoCliques().draw();
        assertEquals(a.svg.markup(), b.svg.markup(), "same seed, same picture");
        assertArrayEquals(a.positions, b.positions);
        assertNull(a.note);
        assertEquals(22, a.drawnNodes.length);
        assertEquals(28 * 2 + 1 + 3, a.drawnEdges);
        for (int i = 0; i < 22; i++) {
            assertTrue(a.positions[2 * i] > 0 && a.positions[2 * i] < a.svg.width(), "x in bounds");
            assertTrue(a.positions[2 * i + 1] > 0 && a.positions[2 * i + 1] < a.svg.height(), "y in bounds");
        }
        Map<Integer, Integer> at = new HashMap<>();
        for (int i = 0; i < a.drawnNodes.length; i++) at.put(a.drawnNodes[i], i);
        double intra = 0, inter = 0;
        int ni = 0, nx = 0;
        for (int i = 0; i < 16; i++)
            for (int j = i + 1; j < 16; j++) {
                double dx = a.positions[2 * at.get(i)] - a.positions[2 * at.get(j)], dy = a.positions[2 * at.get(i) + 1] - a.positions[2 * at.get(j) + 1];
                double d = Math.hypot(dx, dy);
                if ((i < 8) == (j < 8)) { intra += d; ni++; } else { inter += d; nx++; }
                assertTrue(d > 2, "nodes do not sit on each other");
            }
        assertTrue(intra / ni * 1.5 < inter / nx, "cliques drawn apart: intra " + intra / ni + " inter " + inter / nx);

        Document d = HtmlReportTest.parseXml(a.svg.document());
        NodeList circles = d.getElementsByTagNameNS("http://www.w3.org/2000/svg", "circle");
        // 22 nodes + legend swatches (4 groups in the legend, no "other" row)
        assertEquals(22 + 5, circles.getLength());
        Map<String, String> fillOf = new HashMap<>();
        for (int k = 0; k < circles.getLength(); k++) {
            Element c = (Element) circles.item(k);
            NodeList title = c.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title");
            if (title.getLength() == 1) fillOf.put(title.item(0).getTextContent(), c.getAttribute("fill"));
        }
        // both 8-groups tie in size; the lower id (2) ranks first
        assertEquals(Palette.color(0), fillOf.get("acct8"));
        assertEquals(Palette.color(1), fillOf.get("acct0"));
        assertEquals(Palette.color(2), fillOf.get("acct16"));
        assertEquals(22, fillOf.size());
        assertEquals(60, d.getElementsByTagNameNS("http://www.w3.org/2000/svg", "line").getLength());
    }

    @Test
    void largeGraphsAreCutToTopGroupsAndSaySo() {
        int n = 3000;
        int[] group = new int[n];
        int[] s = new int[n - 1], t = new int[n - 1];
        double[] w = new double[n - 1];
        for (int i = 0; i < n; i++) group[i] = i % 30; // 30 groups of 100
        for (int i = 0; i < n - 1; i++) {
            s[i] = i;
            t[i] = i + 30 < n ? i + 30 : i + 1;
            w[i] = 1;
        }
        NetworkDrawing.Drawing d = NetworkDrawing.of(n).groups(group).edges(s, t, w).maxNodes(450).draw();
        assertEquals(400, d.drawnNodes.length, "stops at a group boundary");
        assertNotNull(d.note);
        assertTrue(d.note.contains("Showing 400 of 3,000 accounts"), d.note);
        assertTrue(d.note.contains("4 largest of 30 groups"), d.note);
        for (int v : d.drawnNodes) assertTrue(group[v] < 4, "only the top groups (ties by id)");
    }

    @Test
    void edgeBudgetKeepsEveryNodesStrongestTies() throws Exception {
        // group 0: a heavy 30-clique (435 edges, weight 100); group 1: a light 30-path (29 edges, weight 1)
        List<int[]> e = new ArrayList<>();
        List<Double> w = new ArrayList<>();
        for (int i = 0; i < 30; i++) for (int j = i + 1; j < 30; j++) { e.add(new int[] {i, j}); w.add(100.0); }
        for (int i = 30; i < 59; i++) { e.add(new int[] {i, i + 1}); w.add(1.0); }
        int[] s = new int[e.size()], t = new int[e.size()];
        double[] wt = new double[e.size()];
        for (int k = 0; k < e.size(); k++) { s[k] = e.get(k)[0]; t[k] = e.get(k)[1]; wt[k] = w.get(k); }
        int[] group = new int[60];
        for (int i = 30; i < 60; i++) group[i] = 1;
        NetworkDrawing.Drawing d = NetworkDrawing.of(60).groups(group).edges(s, t, wt).maxEdges(100).draw();
        assertEquals(100, d.drawnEdges);
        assertTrue(d.note.contains("Showing 100 of the 464 links"), d.note);
        Document doc = HtmlReportTest.parseXml(d.svg.document());
        NodeList lines = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "line");
        // every node is the end of some drawn line: the light path is not dropped for the heavy clique
        java.util.Set<String> ends = new java.util.HashSet<>();
        for (int k = 0; k < lines.getLength(); k++) {
            Element l = (Element) lines.item(k);
            ends.add(l.getAttribute("x1") + "," + l.getAttribute("y1"));
            ends.add(l.getAttribute("x2") + "," + l.getAttribute("y2"));
        }
        for (int i = 0; i < 60; i++) {
            String at = SvgCanvas.num(d.positions[2 * i]) + "," + SvgCanvas.num(d.positions[2 * i + 1]);
            assertTrue(ends.contains(at), "node " + d.drawnNodes[i] + " keeps a drawn edge");
        }
    }

    @Test
    void paletteRanksGroupsBySize() {
        int[] group = {3, 3, 3, 1, 1, 7, -1};
        int[] rank = Palette.groupRanks(group);
        assertEquals(0, rank[3]);
        assertEquals(1, rank[1]);
        assertEquals(2, rank[7]);
        String[] c = Palette.nodeColors(group);
        assertEquals(Palette.color(0), c[0]);
        assertEquals(Palette.NONE, c[6]);
    }

    @Test
    void emptyAndSingleNodeGraphs() throws Exception {
        NetworkDrawing.Drawing e = NetworkDrawing.of(0).draw();
        HtmlReportTest.parseXml(e.svg.document());
        NetworkDrawing.Drawing one = NetworkDrawing.of(1).draw();
        assertEquals(1, one.drawnNodes.length);
        HtmlReportTest.parseXml(one.svg.document());
    }
}
