package org.lockstep.io.out;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a {@link Graph} as GEXF 1.3 (the native format of Gephi): declared node and edge attributes,
 * edge weights, and a {@code viz:color} per coloured node. All text goes through {@link Xml#legal}
 * and the stream writer's escaping, so labels cannot break the document.
 */
public final class GexfWriter {
    static final String NS = "http://gexf.net/1.3";
    static final String VIZ = "http://gexf.net/1.3/viz";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private GexfWriter() {}

    public static void write(Graph g, Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            write(g, out);
        }
    }

    /** Writes the document to {@code out} (not closed). */
    public static void write(Graph g, OutputStream out) throws IOException {
        Xml.document(out, "GEXF", w -> {
            w.setDefaultNamespace(NS);
            w.setPrefix("viz", VIZ);
            w.writeStartElement(NS, "gexf");
            w.writeDefaultNamespace(NS);
            w.writeNamespace("viz", VIZ);
            w.writeNamespace("xsi", XSI);
            w.writeAttribute(XSI, "schemaLocation", NS + " http://gexf.net/1.3/gexf.xsd");
            w.writeAttribute("version", "1.3");
            nl(w, 1);
            w.writeStartElement(NS, "meta");
            w.writeAttribute("lastmodifieddate", LocalDate.now(ZoneOffset.UTC).toString());
            text(w, "creator", "Lockstep");
            if (g.description != null) text(w, "description", g.description);
            w.writeEndElement();
            nl(w, 1);
            w.writeStartElement(NS, "graph");
            w.writeAttribute("mode", "static");
            w.writeAttribute("defaultedgetype", "undirected");
            declare(w, "node", g.nodeColumns);
            declare(w, "edge", g.edgeColumns);
            nl(w, 2);
            w.writeStartElement(NS, "nodes");
            for (int i = 0; i < g.nodeCount(); i++) {
                nl(w, 3);
                w.writeStartElement(NS, "node");
                w.writeAttribute("id", Xml.legal(g.nodeId[i]));
                String label = g.nodeLabel != null && g.nodeLabel[i] != null ? g.nodeLabel[i] : g.nodeId[i];
                w.writeAttribute("label", Xml.legal(label));
                values(w, g.nodeColumns, i);
                if (g.nodeColor != null && g.nodeColor[i] != null) {
                    int rgb = Integer.parseInt(g.nodeColor[i].substring(1), 16);
                    w.writeEmptyElement(VIZ, "color");
                    w.writeAttribute("r", Integer.toString(rgb >> 16 & 0xff));
                    w.writeAttribute("g", Integer.toString(rgb >> 8 & 0xff));
                    w.writeAttribute("b", Integer.toString(rgb & 0xff));
                }
                w.writeEndElement();
            }
            nl(w, 2);
            w.writeEndElement();
            nl(w, 2);
            w.writeStartElement(NS, "edges");
            for (int e = 0; e < g.edgeCount(); e++) {
                nl(w, 3);
                w.writeStartElement(NS, "edge");
                w.writeAttribute("id", Integer.toString(e));
                w.writeAttribute("source", Xml.legal(g.nodeId[g.source[e]]));
                w.writeAttribute("target", Xml.legal(g.nodeId[g.target[e]]));
                w.writeAttribute("weight", Numbers.of(g.weight[e]));
                values(w, g.edgeColumns, e);
                w.writeEndElement();
            }
            nl(w, 2);
            w.writeEndElement();
            nl(w, 1);
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndElement();
        });
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

    private static void declare(XMLStreamWriter w, String cls, java.util.List<Graph.Column> cols) throws XMLStreamException {
        if (cols.isEmpty()) return;
        nl(w, 2);
        w.writeStartElement(NS, "attributes");
        w.writeAttribute("class", cls);
        for (int a = 0; a < cols.size(); a++) {
            nl(w, 3);
            w.writeEmptyElement(NS, "attribute");
            w.writeAttribute("id", Integer.toString(a));
            w.writeAttribute("title", Xml.legal(cols.get(a).name));
            w.writeAttribute("type", gexfType(cols.get(a).type));
        }
        nl(w, 2);
        w.writeEndElement();
    }

    private static void values(XMLStreamWriter w, java.util.List<Graph.Column> cols, int i) throws XMLStreamException {
        boolean open = false;
        for (int a = 0; a < cols.size(); a++) {
            String v = cols.get(a).text(i);
            if (v == null) continue;
            if (!open) {
                w.writeStartElement(NS, "attvalues");
                open = true;
            }
            w.writeEmptyElement(NS, "attvalue");
            w.writeAttribute("for", Integer.toString(a));
            w.writeAttribute("value", Xml.legal(v));
        }
        if (open) w.writeEndElement();
    }

    private static void text(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(NS, name);
        w.writeCharacters(Xml.legal(text));
        w.writeEndElement();
    }

    private static void nl(XMLStreamWriter w, int depth) throws XMLStreamException {
        Xml.nl(w, depth);
    }
}
