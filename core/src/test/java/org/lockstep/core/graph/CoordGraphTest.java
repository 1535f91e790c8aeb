package org.lockstep.core.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** Components and Leiden communities on graphs whose answer is known by construction. */
class CoordGraphTest {

    @Test
    void componentsBySizeThenSmallestNode() {
        // nodes 0..7: {5,6,7} triangle, {0,1} edge, 2 and 3 joined, 4 isolated
        int[] a = {5, 6, 5, 0, 2};
        int[] b = {6, 7, 7, 1, 3};
        int[] c = Components.of(8, a, b, a.length);
        assertArrayEquals(new int[] {1, 1, 2, 2, -1, 0, 0, 0}, c);
        assertEquals(3, Components.count(c));
    }

    @Test
    void leidenSplitsTwoCliquesJoinedByOneEdge() {
        // two 5-cliques {0..4} and {5..9} joined by the edge 4-5: modularity puts each clique in its own group
        int m = 0;
        int[] a = new int[21], b = new int[21];
        for (int base = 0; base <= 5; base += 5) {
            for (int i = 0; i < 5; i++) {
                for (int j = i + 1; j < 5; j++) { a[m] = base + i; b[m] = base + j; m++; }
            }
        }
        a[m] = 4; b[m] = 5; m++;
        double[] w = new double[m];
        java.util.Arrays.fill(w, 1);
        int[] g = Communities.leiden(12, a, b, w, m, 1.0, 10, 42);
        for (int i = 1; i < 5; i++) assertEquals(g[0], g[i]);
        for (int i = 6; i < 10; i++) assertEquals(g[5], g[i]);
        assertNotEquals(g[0], g[5]);
        assertEquals(-1, g[10]);
        assertEquals(-1, g[11]);
        // same seed, same answer
        assertArrayEquals(g, Communities.leiden(12, a, b, w, m, 1.0, 10, 42));
    }

    @Test
    void leidenNeverJoinsComponents() {
        int[] a = {0, 2};
        int[] b = {1, 3};
        int[] g = Communities.leiden(4, a, b, new double[] {1, 1}, 2, 0.01, 5, 1);
        assertEquals(g[0], g[1]);
        assertEquals(g[2], g[3]);
        assertNotEquals(g[0], g[2]);
    }
}
