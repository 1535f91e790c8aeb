package org.lockstep.io.out;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A small, column-oriented description of an undirected weighted graph for the graph writers: nodes
 * with id, label, optional colour and typed attributes, edges between node indices with a weight and
 * typed attributes. Columns are the caller's arrays (not copied), so large results are not duplicated.
 */
public final class Graph {
    /** Attribute types that GEXF, GraphML and Gephi all understand. */
    public enum Type { STRING, INT, LONG, DOUBLE, BOOLEAN }

    /** One typed attribute column; {@code values} is a {@code String[]}, {@code int[]}, {@code long[]}, {@code double[]} or {@code boolean[]}. */
    public static final class Column {
        public final String name;
        public final Type type;
        final Object values;

        Column(String name, Type type, Object values) {
            this.name = Objects.requireNonNull(name);
            this.type = type;
            this.values = values;
        }

        int length() {
            switch (type) {
                case STRING: return ((String[]) values).length;
                case INT: return ((int[]) values).length;
                case LONG: return ((long[]) values).length;
                case DOUBLE: return ((double[]) values).length;
                default: return ((boolean[]) values).length;
            }
        }

        /** The value at {@code i} as text, or null when missing (null string, NaN or infinite double). */
        public String text(int i) {
            switch (type) {
                case STRING: return ((String[]) values)[i];
                case INT: return Integer.toString(((int[]) values)[i]);
                case LONG: return Long.toString(((long[]) values)[i]);
                case DOUBLE: {
                    double d = ((double[]) values)[i];
                    return Double.isFinite(d) ? Numbers.of(d) : null;
                }
                default: return Boolean.toString(((boolean[]) values)[i]);
            }
        }
    }

    public final String[] nodeId;
    public final String[] nodeLabel;
    /** Colour per node as {@code #rrggbb}, or null for none. */
    public final String[] nodeColor;
    public final int[] source, target;
    public final double[] weight;
    public final List<Column> nodeColumns, edgeColumns;
    public final String description;

    private Graph(Builder b) {
        nodeId = b.nodeId;
        nodeLabel = b.nodeLabel;
        nodeColor = b.nodeColor;
        source = b.source;
        target = b.target;
        weight = b.weight;
        nodeColumns = List.copyOf(b.nodeColumns);
        edgeColumns = List.copyOf(b.edgeColumns);
        description = b.description;
    }

    public int nodeCount() { return nodeId.length; }
    public int edgeCount() { return source.length; }

    /** Starts a graph over nodes with these (unique) ids. */
    public static Builder builder(String[] nodeIds) {
        return new Builder(nodeIds);
    }

    /** Collects columns and checks their lengths. */
    public static final class Builder {
        private final String[] nodeId;
        private String[] nodeLabel, nodeColor;
        private int[] source = new int[0], target = new int[0];
        private double[] weight = new double[0];
        private final List<Column> nodeColumns = new ArrayList<>(), edgeColumns = new ArrayList<>();
        private String description;

        private Builder(String[] nodeId) {
            this.nodeId = Objects.requireNonNull(nodeId);
        }

        public Builder labels(String[] labels) {
            nodeLabel = check(labels, labels.length, nodeId.length, "labels");
            return this;
        }

        public Builder colors(String[] colors) {
            for (String c : colors) {
                if (c != null && !c.matches("#[0-9a-fA-F]{6}")) throw new IllegalArgumentException("colour must be #rrggbb: " + c);
            }
            nodeColor = check(colors, colors.length, nodeId.length, "colors");
            return this;
        }

        public Builder description(String text) {
            description = text;
            return this;
        }

        /** Edges between node indices; weights must be finite. */
        public Builder edges(int[] source, int[] target, double[] weight) {
            if (source.length != target.length || source.length != weight.length) throw new IllegalArgumentException("edge columns differ in length");
            for (int e = 0; e < source.length; e++) {
                if (source[e] < 0 || source[e] >= nodeId.length || target[e] < 0 || target[e] >= nodeId.length) {
                    throw new IllegalArgumentException("edge " + e + " refers to a missing node");
                }
                if (!Double.isFinite(weight[e])) throw new IllegalArgumentException("edge " + e + " has weight " + weight[e]);
            }
            this.source = source;
            this.target = target;
            this.weight = weight;
            return this;
        }

        public Builder nodeColumn(String name, String[] v) { return node(name, Type.STRING, v, v.length); }
        public Builder nodeColumn(String name, int[] v) { return node(name, Type.INT, v, v.length); }
        public Builder nodeColumn(String name, long[] v) { return node(name, Type.LONG, v, v.length); }
        public Builder nodeColumn(String name, double[] v) { return node(name, Type.DOUBLE, v, v.length); }
        public Builder nodeColumn(String name, boolean[] v) { return node(name, Type.BOOLEAN, v, v.length); }

        /** Edge columns are checked against the edges when {@link #build} runs, so give the edges first or last. */
        public Builder edgeColumn(String name, String[] v) { return edge(name, Type.STRING, v); }
        public Builder edgeColumn(String name, int[] v) { return edge(name, Type.INT, v); }
        public Builder edgeColumn(String name, long[] v) { return edge(name, Type.LONG, v); }
        public Builder edgeColumn(String name, double[] v) { return edge(name, Type.DOUBLE, v); }
        public Builder edgeColumn(String name, boolean[] v) { return edge(name, Type.BOOLEAN, v); }

        private Builder node(String name, Type type, Object v, int length) {
            check(v, length, nodeId.length, name);
            unique(nodeColumns, name);
            nodeColumns.add(new Column(name, type, v));
            return this;
        }

        private Builder edge(String name, Type type, Object v) {
            unique(edgeColumns, name);
            edgeColumns.add(new Column(name, type, v));
            return this;
        }

        private static void unique(List<Column> cols, String name) {
            for (Column c : cols) if (c.name.equals(name)) throw new IllegalArgumentException("duplicate column " + name);
        }

        private static <T> T check(T v, int length, int expected, String what) {
            if (length != expected) throw new IllegalArgumentException(what + " has " + length + " values, expected " + expected);
            return v;
        }

        public Graph build() {
            for (Column c : edgeColumns) check(c, c.length(), source.length, c.name);
            return new Graph(this);
        }
    }
}
