package org.lockstep.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Positions for the network explorer, computed once on the server so that the browser draws 10,000 nodes
 * without running a layout: each group is a disc (area proportional to its size) placed on a sunflower
 * spiral, largest first at the centre; its members fill the disc on a smaller sunflower, highest degree in
 * the middle. Deterministic: the same run is always drawn the same way.
 */
final class Layout {
    private static final double GOLDEN = Math.PI * (3 - Math.sqrt(5));
    /** Distance between neighbouring members of a group, in layout units. */
    private static final double SPACING = 2.0;

    private Layout() {}

    /** Adds {@code x} and {@code y} to every node; nodes arrive grouped (group order, then degree). */
    static void place(List<Map<String, Object>> nodes) {
        Map<Object, List<Map<String, Object>>> groups = new LinkedHashMap<>();
        for (Map<String, Object> n : nodes) groups.computeIfAbsent(n.get("group_id"), k -> new ArrayList<>()).add(n);
        List<List<Map<String, Object>>> order = new ArrayList<>(groups.values());
        order.sort((a, b) -> Integer.compare(b.size(), a.size()));
        double placedArea = 0;
        for (int g = 0; g < order.size(); g++) {
            List<Map<String, Object>> m = order.get(g);
            double radius = SPACING * Math.sqrt(m.size());
            // the disc's centre: far enough out on the spiral to clear the area already used
            double r = g == 0 ? 0 : Math.sqrt(placedArea / Math.PI) + radius;
            double cx = r * Math.cos(g * GOLDEN), cy = r * Math.sin(g * GOLDEN);
            placedArea += Math.PI * (radius + SPACING) * (radius + SPACING);
            for (int i = 0; i < m.size(); i++) {
                double rr = SPACING * Math.sqrt(i + 0.5);
                m.get(i).put("x", round(cx + rr * Math.cos(i * GOLDEN)));
                m.get(i).put("y", round(cy + rr * Math.sin(i * GOLDEN)));
            }
        }
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
