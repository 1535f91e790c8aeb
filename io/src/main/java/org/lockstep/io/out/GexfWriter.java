package org.lockstep.io.out;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Writes a {@link Graph} as GEXF 1.3 (the native format of Gephi): declared node and edge attributes,
 * edge weights, and a {@code viz:color} per coloured node. All text goes through {@link Xml#legal} and is
 * escaped as the JDK's {@code XMLStreamWriter} escapes it ({@code & < >}, and {@code "} in attribute
 * values), so labels cannot break the document.
 *
 * <p>The markup is written directly into a character buffer: the document is the same, byte for byte, as
 * the JDK's stream writer made it, at a fraction of its cost on a network of half a million edges (the
 * stream writer checks names and namespaces on every element and attribute).
 */
public final class GexfWriter {
    static final String NS = "http://gexf.net/1.3";
    static final String VIZ = "http://gexf.net/1.3/viz";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final String[] INDENT = {"\n", "\n  ", "\n    ", "\n      "};

    private GexfWriter() {}

    public static void write(Graph g, Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            write(g, out);
        }
    }

    /** Writes the document to {@code out} (flushed, not closed). */
    public static void write(Graph g, OutputStream out) throws IOException {
        java.io.Writer w = new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8);
        StringBuilder b = new StringBuilder(1 << 17);
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<gexf xmlns=\"").append(NS).append("\" xmlns:viz=\"").append(VIZ).append("\" xmlns:xsi=\"").append(XSI)
                .append("\" xsi:schemaLocation=\"").append(NS).append(" http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">");
        b.append(INDENT[1]).append("<meta lastmodifieddate=\"").append(LocalDate.now(ZoneOffset.UTC)).append("\"><creator>Lockstep</creator>");
        if (g.description != null) text(b.append("<description>"), Xml.legal(g.description)).append("</description>");
        b.append("</meta>");
        b.append(INDENT[1]).append("<graph mode=\"static\" defaultedgetype=\"undirected\">");
        declare(b, "node", g.nodeColumns);
        declare(b, "edge", g.edgeColumns);
        b.append(INDENT[2]).append("<nodes>");
        for (int i = 0; i < g.nodeCount(); i++) {
            b.append(INDENT[3]).append("<node id=\"");
            attr(b, Xml.legal(g.nodeId[i])).append("\" label=\"");
            String label = g.nodeLabel != null && g.nodeLabel[i] != null ? g.nodeLabel[i] : g.nodeId[i];
            attr(b, Xml.legal(label)).append("\">");
            values(b, g.nodeColumns, i);
            if (g.nodeColor != null && g.nodeColor[i] != null) {
                int rgb = Integer.parseInt(g.nodeColor[i].substring(1), 16);
                b.append("<viz:color r=\"").append(rgb >> 16 & 0xff).append("\" g=\"").append(rgb >> 8 & 0xff).append("\" b=\"")
                        .append(rgb & 0xff).append("\"/>");
            }
            b.append("</node>");
            if (b.length() >= 1 << 16) flush(b, w);
        }
        b.append(INDENT[2]).append("</nodes>");
        b.append(INDENT[2]).append("<edges>");
        for (int e = 0; e < g.edgeCount(); e++) {
            b.append(INDENT[3]).append("<edge id=\"").append(e).append("\" source=\"");
            attr(b, Xml.legal(g.nodeId[g.source[e]])).append("\" target=\"");
            attr(b, Xml.legal(g.nodeId[g.target[e]])).append("\" weight=\"").append(Numbers.of(g.weight[e])).append("\">");
            values(b, g.edgeColumns, e);
            b.append("</edge>");
            if (b.length() >= 1 << 16) flush(b, w);
        }
        b.append(INDENT[2]).append("</edges>");
        b.append(INDENT[1]).append("</graph>\n</gexf>");
        flush(b, w);
        w.flush();
    }

    private static void flush(StringBuilder b, java.io.Writer w) throws IOException {
        w.append(b);
        b.setLength(0);
    }

    static String gexfType(Graph.Type t) {
        switch (t) {
            case INT: return "integer";
            case LONG: return "long";
            case DOUBLE: return "double";
            case BOOLEAN: return "boolean";
            default: return "string";
        }
    }

    private static void declare(StringBuilder b, String cls, java.util.List<Graph.Column> cols) {
        if (cols.isEmpty()) return;
        b.append(INDENT[2]).append("<attributes class=\"").append(cls).append("\">");
        for (int a = 0; a < cols.size(); a++) {
            b.append(INDENT[3]).append("<attribute id=\"").append(a).append("\" title=\"");
            attr(b, Xml.legal(cols.get(a).name)).append("\" type=\"").append(gexfType(cols.get(a).type)).append("\"/>");
        }
        b.append(INDENT[2]).append("</attributes>");
    }

    private static void values(StringBuilder b, java.util.List<Graph.Column> cols, int i) {
        boolean open = false;
        for (int a = 0; a < cols.size(); a++) {
            String v = cols.get(a).text(i);
            if (v == null) continue;
            if (!open) {
                b.append("<attvalues>");
                open = true;
            }
            b.append("<attvalue for=\"").append(a).append("\" value=\"");
            attr(b, Xml.legal(v)).append("\"/>");
        }
        if (open) b.append("</attvalues>");
    }

    /** An attribute value as the stream writer escaped it: {@code & < > "}. */
    static StringBuilder attr(StringBuilder b, String v) {
        return escape(b, v, true);
    }

    /** Character data as the stream writer escaped it: {@code & < >}. */
    static StringBuilder text(StringBuilder b, String v) {
        return escape(b, v, false);
    }

    private static StringBuilder escape(StringBuilder b, String v, boolean quotes) {
        int from = 0, n = v.length();
        for (int i = 0; i < n; i++) {
            char c = v.charAt(i);
            String r = c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;" : c == '"' && quotes ? "&quot;" : null;
            if (r == null) continue;
            b.append(v, from, i).append(r);
            from = i + 1;
        }
        return b.append(v, from, n);
    }
}
