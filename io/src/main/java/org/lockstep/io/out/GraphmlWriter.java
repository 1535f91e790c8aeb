package org.lockstep.io.out;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a {@link Graph} as GraphML with {@code <key>} declarations for every attribute. Keys named
 * {@code label} and {@code weight}, and {@code r}/{@code g}/{@code b} for colours, are the ones Gephi,
 * yEd, igraph and NetworkX pick up by name.
 */
public final class GraphmlWriter {
    static final String NS = "http://graphml.graphdrawing.org/xmlns";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private GraphmlWriter() {}

    public static void write(Graph g, Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            write(g, out);
        }
    }

    /** Writes the document to {@code out} (not closed). */
    public static void write(Graph g, OutputStream out) throws IOException {
        Xml.document(out, "GraphML", w -> {
            w.setDefaultNamespace(NS);
            w.writeStartElement(NS, "graphml");
            w.writeDefaultNamespace(NS);
            w.writeNamespace("xsi", XSI);
            w.writeAttribute(XSI, "schemaLocation", NS + " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
            // the schema wants <desc> first, then the <key>s, then the graph
            if (g.description != null) {
                nl(w, 1);
                w.writeStartElement(NS, "desc");
                w.writeCharacters(Xml.legal(g.description));
                w.writeEndElement();
            }
            boolean colors = g.nodeColor != null;
            key(w, "label", "node", "label", "string");
            if (colors) {
                key(w, "r", "node", "r", "int");
                key(w, "g", "node", "g", "int");
                key(w, "b", "node", "b", "int");
            }
            for (int a = 0; a < g.nodeColumns.size(); a++) {
                Graph.Column c = g.nodeColumns.get(a);
                key(w, "n" + a, "node", c.name, type(c.type));
            }
            key(w, "weight", "edge", "weight", "double");
            for (int a = 0; a < g.edgeColumns.size(); a++) {
                Graph.Column c = g.edgeColumns.get(a);
                key(w, "e" + a, "edge", c.name, type(c.type));
            }
            nl(w, 1);
            w.writeStartElement(NS, "graph");
            w.writeAttribute("id", "G");
            w.writeAttribute("edgedefault", "undirected");
            for (int i = 0; i < g.nodeCount(); i++) {
                nl(w, 2);
                w.writeStartElement(NS, "node");
                w.writeAttribute("id", Xml.legal(g.nodeId[i]));
                String label = g.nodeLabel != null && g.nodeLabel[i] != null ? g.nodeLabel[i] : g.nodeId[i];
                data(w, "label", label);
                if (colors && g.nodeColor[i] != null) {
                    int rgb = Integer.parseInt(g.nodeColor[i].substring(1), 16);
                    data(w, "r", Integer.toString(rgb >> 16 & 0xff));
                    data(w, "g", Integer.toString(rgb >> 8 & 0xff));
                    data(w, "b", Integer.toString(rgb & 0xff));
                }
                values(w, "n", g.nodeColumns, i);
                w.writeEndElement();
            }
            for (int e = 0; e < g.edgeCount(); e++) {
                nl(w, 2);
                w.writeStartElement(NS, "edge");
                w.writeAttribute("id", "e" + e);
                w.writeAttribute("source", Xml.legal(g.nodeId[g.source[e]]));
                w.writeAttribute("target", Xml.legal(g.nodeId[g.target[e]]));
                data(w, "weight", Numbers.of(g.weight[e]));
                values(w, "e", g.edgeColumns, e);
                w.writeEndElement();
            }
            nl(w, 1);
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndElement();
        });
    }

    static String type(Graph.Type t) {
        switch (t) {
            case INT: return "int";
            case LONG: return "long";
            case DOUBLE: return "double";
            case BOOLEAN: return "boolean";
            default: return "string";
        }
    }

    private static void key(XMLStreamWriter w, String id, String forWhat, String name, String type) throws XMLStreamException {
        nl(w, 1);
        w.writeEmptyElement(NS, "key");
        w.writeAttribute("id", id);
        w.writeAttribute("for", forWhat);
        w.writeAttribute("attr.name", Xml.legal(name));
        w.writeAttribute("attr.type", type);
    }

    private static void values(XMLStreamWriter w, String prefix, List<Graph.Column> cols, int i) throws XMLStreamException {
        for (int a = 0; a < cols.size(); a++) {
            String v = cols.get(a).text(i);
            if (v != null) data(w, prefix + a, v);
        }
    }

    private static void data(XMLStreamWriter w, String key, String value) throws XMLStreamException {
        w.writeStartElement(NS, "data");
        w.writeAttribute("key", key);
        w.writeCharacters(Xml.legal(value));
        w.writeEndElement();
    }

    private static void nl(XMLStreamWriter w, int depth) throws XMLStreamException {
        Xml.nl(w, depth);
    }
}
