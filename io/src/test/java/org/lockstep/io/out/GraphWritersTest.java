package org.lockstep.io.out;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class GraphWritersTest {
    static final String EVIL = "<script>alert(1)</script> \"]]> & nul\0 lone\uD800 rtl\u202E ls\u2028 =HYPERLINK(\"x\")";
    static final String EVIL_CLEAN = EVIL.replace('\0', '\uFFFD').replace('\uD800', '\uFFFD');

    static Graph sample() {
        String[] ids = {"a1", "b&2", EVIL};
        return Graph.builder(ids)
                .labels(new String[] {"alice", null, EVIL})
                .colors(new String[] {"#1f77b4", "#ff7f0e", null})
                .description("test " + EVIL)
                .nodeColumn("group", new int[] {1, 1, 2})
                .nodeColumn("handle", new String[] {"alice", null, EVIL})
                .nodeColumn("first_seen", new long[] {1_600_000_000_000L, 2, 3})
                .nodeColumn("score", new double[] {0.5, Double.NaN, 1e-9})
                .nodeColumn("flagged", new boolean[] {true, false, true})
                .edges(new int[] {0, 1}, new int[] {1, 2}, new double[] {3.0, 0.25})
                .edgeColumn("signals", new String[] {"repost,link", EVIL})
                .edgeColumn("co_actions", new int[] {5, 1})
                .edgeColumn("p_value", new double[] {0.001, Double.POSITIVE_INFINITY})
                .build();
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    static NodeList all(Document d, String ns, String name) {
        return d.getElementsByTagNameNS(ns, name);
    }

    @Test
    void gexfParsesBackWithDeclaredAttributes() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GexfWriter.write(sample(), out);
        Document d = parse(out.toByteArray());
        String ns = GexfWriter.NS;
        Element root = d.getDocumentElement();
        assertEquals("gexf", root.getLocalName());
        assertEquals(ns, root.getNamespaceURI());
        assertEquals("1.3", root.getAttribute("version"));
        Element graph = (Element) all(d, ns, "graph").item(0);
        assertEquals("undirected", graph.getAttribute("defaultedgetype"));
        assertEquals("test " + EVIL_CLEAN, all(d, ns, "description").item(0).getTextContent());

        NodeList decls = all(d, ns, "attributes");
        assertEquals(2, decls.getLength());
        Map<String, String[]> nodeDecl = new HashMap<>(), edgeDecl = new HashMap<>();
        for (int k = 0; k < decls.getLength(); k++) {
            Element a = (Element) decls.item(k);
            NodeList attrs = a.getElementsByTagNameNS(ns, "attribute");
            for (int j = 0; j < attrs.getLength(); j++) {
                Element at = (Element) attrs.item(j);
                (a.getAttribute("class").equals("node") ? nodeDecl : edgeDecl)
                        .put(at.getAttribute("id"), new String[] {at.getAttribute("title"), at.getAttribute("type")});
            }
        }
        assertEquals(5, nodeDecl.size());
        assertEquals(3, edgeDecl.size());
        assertEquals("integer", nodeDecl.get("0")[1]);
        assertEquals("string", nodeDecl.get("1")[1]);
        assertEquals("long", nodeDecl.get("2")[1]);
        assertEquals("double", nodeDecl.get("3")[1]);
        assertEquals("boolean", nodeDecl.get("4")[1]);
        assertEquals("signals", edgeDecl.get("0")[0]);

        NodeList nodes = all(d, ns, "node");
        assertEquals(3, nodes.getLength());
        Element n0 = (Element) nodes.item(0), n1 = (Element) nodes.item(1), n2 = (Element) nodes.item(2);
        assertEquals("a1", n0.getAttribute("id"));
        assertEquals("b&2", n1.getAttribute("id"));
        assertEquals("b&2", n1.getAttribute("label"), "label falls back to the id");
        // attribute-value normalisation turns the LS-free string unchanged; only XML-illegal characters are replaced
        assertEquals(EVIL_CLEAN, n2.getAttribute("id"));
        assertEquals(EVIL_CLEAN, n2.getAttribute("label"));
        Map<String, String> v0 = attvalues(n0, ns), v1 = attvalues(n1, ns), v2 = attvalues(n2, ns);
        assertEquals(Map.of("0", "1", "1", "alice", "2", "1600000000000", "3", "0.5", "4", "true"), v0);
        assertNull(v1.get("1"), "missing string is omitted");
        assertNull(v1.get("3"), "NaN is omitted");
        assertEquals(EVIL_CLEAN, v2.get("1"));
        assertEquals(1e-9, Double.parseDouble(v2.get("3")));

        Element color = (Element) n0.getElementsByTagNameNS(GexfWriter.VIZ, "color").item(0);
        assertNotNull(color);
        assertEquals("31", color.getAttribute("r"));
        assertEquals("119", color.getAttribute("g"));
        assertEquals("180", color.getAttribute("b"));
        assertEquals(0, n2.getElementsByTagNameNS(GexfWriter.VIZ, "color").getLength());

        NodeList edges = all(d, ns, "edge");
        assertEquals(2, edges.getLength());
        Element e1 = (Element) edges.item(1);
        assertEquals("b&2", e1.getAttribute("source"));
        assertEquals(EVIL_CLEAN, e1.getAttribute("target"));
        assertEquals(0.25, Double.parseDouble(e1.getAttribute("weight")));
        Map<String, String> ev = attvalues(e1, ns);
        assertEquals(EVIL_CLEAN, ev.get("0"));
        assertEquals("1", ev.get("1"));
        assertNull(ev.get("2"), "infinite p-value omitted");
        assertEquals(3.0, Double.parseDouble(((Element) edges.item(0)).getAttribute("weight")));
        // every node an edge names exists
        for (int k = 0; k < edges.getLength(); k++) {
            Element e = (Element) edges.item(k);
            assertTrue(ids(nodes).contains(e.getAttribute("source")));
            assertTrue(ids(nodes).contains(e.getAttribute("target")));
        }
    }

    @Test
    void graphmlParsesBackWithKeys() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GraphmlWriter.write(sample(), out);
        Document d = parse(out.toByteArray());
        String ns = GraphmlWriter.NS;
        assertEquals("graphml", d.getDocumentElement().getLocalName());
        NodeList keys = all(d, ns, "key");
        Map<String, Element> byId = new HashMap<>();
        for (int k = 0; k < keys.getLength(); k++) byId.put(((Element) keys.item(k)).getAttribute("id"), (Element) keys.item(k));
        assertEquals(4 + 5 + 1 + 3, keys.getLength());
        assertEquals("int", byId.get("n0").getAttribute("attr.type"));
        assertEquals("group", byId.get("n0").getAttribute("attr.name"));
        assertEquals("long", byId.get("n2").getAttribute("attr.type"));
        assertEquals("double", byId.get("weight").getAttribute("attr.type"));
        assertEquals("edge", byId.get("weight").getAttribute("for"));
        assertEquals("boolean", byId.get("n4").getAttribute("attr.type"));

        Element graph = (Element) all(d, ns, "graph").item(0);
        assertEquals("undirected", graph.getAttribute("edgedefault"));
        // GraphML schema order: desc?, key*, graph
        List<String> order = new java.util.ArrayList<>();
        for (org.w3c.dom.Node c = d.getDocumentElement().getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element) order.add(c.getLocalName());
        }
        assertEquals("desc", order.get(0));
        assertEquals("graph", order.get(order.size() - 1));
        assertEquals(keys.getLength(), order.subList(1, order.size() - 1).stream().filter("key"::equals).count());
        NodeList nodes = all(d, ns, "node");
        assertEquals(3, nodes.getLength());
        Map<String, String> n2 = data((Element) nodes.item(2), ns);
        assertEquals(EVIL_CLEAN, ((Element) nodes.item(2)).getAttribute("id"));
        assertEquals(EVIL_CLEAN, n2.get("label"), "text content keeps even ]]> and U+2028");
        assertEquals(EVIL_CLEAN, n2.get("n1"));
        assertNull(n2.get("r"), "uncoloured node has no colour");
        Map<String, String> n0 = data((Element) nodes.item(0), ns);
        assertEquals("31", n0.get("r"));
        assertEquals("1", n0.get("n0"));
        assertEquals("true", n0.get("n4"));
        assertNull(data((Element) nodes.item(1), ns).get("n3"), "NaN omitted");
        NodeList edges = all(d, ns, "edge");
        assertEquals(2, edges.getLength());
        Map<String, String> e0 = data((Element) edges.item(0), ns);
        assertEquals("3.0", e0.get("weight"));
        assertEquals("repost,link", e0.get("e0"));
        assertEquals("5", e0.get("e1"));
        // every data element refers to a declared key
        NodeList datas = all(d, ns, "data");
        for (int k = 0; k < datas.getLength(); k++) assertTrue(byId.containsKey(((Element) datas.item(k)).getAttribute("key")));
    }

    @Test
    void writesFilesAndEmptyGraphs(@TempDir Path dir) throws Exception {
        Graph empty = Graph.builder(new String[0]).build();
        GexfWriter.write(empty, dir.resolve("e.gexf"));
        GraphmlWriter.write(empty, dir.resolve("e.graphml"));
        assertEquals(0, all(parse(Files.readAllBytes(dir.resolve("e.gexf"))), GexfWriter.NS, "node").getLength());
        assertEquals(0, all(parse(Files.readAllBytes(dir.resolve("e.graphml"))), GraphmlWriter.NS, "node").getLength());
    }

    @Test
    void builderRejectsInconsistentColumns() {
        String[] ids = {"a", "b"};
        assertThrows(IllegalArgumentException.class, () -> Graph.builder(ids).nodeColumn("x", new int[1]));
        assertThrows(IllegalArgumentException.class, () -> Graph.builder(ids).edges(new int[] {0}, new int[] {2}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> Graph.builder(ids).colors(new String[] {"red", null}));
        assertThrows(IllegalArgumentException.class,
                () -> Graph.builder(ids).edges(new int[] {0}, new int[] {1}, new double[] {1}).edgeColumn("s", new String[2]).build());
    }

    @Test
    void xmlLegalKeepsValidSupplementaryCharacters() {
        assertEquals("a😀b", Xml.legal("a😀b"));
        assertEquals("\uFFFD\uFFFD\t\n", Xml.legal("\u0001\uDC00\t\n"));
        assertEquals("x\uFFFD", Xml.legal("x\uFFFF"));
    }

    private static java.util.Set<String> ids(NodeList nodes) {
        java.util.Set<String> s = new java.util.HashSet<>();
        for (int k = 0; k < nodes.getLength(); k++) s.add(((Element) nodes.item(k)).getAttribute("id"));
        return s;
    }

    private static Map<String, String> attvalues(Element e, String ns) {
        Map<String, String> m = new HashMap<>();
        NodeList l = e.getElementsByTagNameNS(ns, "attvalue");
        for (int k = 0; k < l.getLength(); k++) {
            Element a = (Element) l.item(k);
            m.put(a.getAttribute("for"), a.getAttribute("value"));
        }
        return m;
    }

    private static Map<String, String> data(Element e, String ns) {
        Map<String, String> m = new HashMap<>();
        NodeList l = e.getElementsByTagNameNS(ns, "data");
        for (int k = 0; k < l.getLength(); k++) {
            Element a = (Element) l.item(k);
            m.put(a.getAttribute("key"), a.getTextContent());
        }
        return m;
    }
}
