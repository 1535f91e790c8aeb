package org.lockstep.io.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class HtmlReportTest {
    static Document parseXml(String markup) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(markup.getBytes(StandardCharsets.UTF_8)));
    }

    static List<String> elementNames(Document d) {
        List<String> names = new ArrayList<>();
        NodeList all = d.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) names.add(all.item(i).getLocalName() != null ? all.item(i).getLocalName() : all.item(i).getNodeName());
        return names;
    }

    @Test
    void hostileTextStaysText() throws Exception {
        String html = Hostile.report().render();
        Document d = parseXml(html); // well-formed: no stray markup from the data
        List<String> names = elementNames(d);
        for (String bad : List.of("script", "img", "style", "iframe", "object", "embed", "link", "base", "form")) {
            long count = names.stream().filter(bad::equals).count();
            assertEquals(bad.equals("style") ? 1 : 0, count, "elements <" + bad + ">");
        }
        // no attribute anywhere is an event handler or a URL into the network
        NodeList all = d.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            for (int a = 0; a < e.getAttributes().getLength(); a++) {
                String name = e.getAttributes().item(a).getNodeName().toLowerCase(Locale.ROOT);
                String value = e.getAttributes().item(a).getNodeValue();
                assertFalse(name.startsWith("on"), "event handler attribute " + name);
                if (name.equals("href")) assertTrue(value.startsWith("#s"), "only in-page links: " + value);
                assertFalse(name.equals("src"), "no src attributes");
            }
        }
        String text = d.getDocumentElement().getTextContent();
        assertTrue(text.contains(Hostile.SCRIPT), "hostile text visible as text");
        assertTrue(text.contains(Hostile.IMG));
        assertTrue(text.contains("rtl[U+202E]gnp.exe"), "bidi override shown, not obeyed");
        assertFalse(text.contains("\u202E"));
        assertFalse(html.contains("\0"));
        assertTrue(text.contains("nul\uFFFDhere"));
        assertTrue(text.contains("lone\uFFFDsurrogate"));
        assertTrue(text.contains("😀 ok"));
        assertTrue(html.contains("Content-Security-Policy"));
        assertTrue(html.contains("default-src 'none'"));
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"));
        assertFalse(html.contains("url(") || html.contains("@import"), "no network references from CSS");
        // contents list links to every top-level section
        NodeList links = d.getElementsByTagName("a");
        assertEquals(4, links.getLength());
        for (int i = 0; i < links.getLength(); i++) {
            String id = ((Element) links.item(i)).getAttribute("href").substring(1);
            assertTrue(html.contains("id=\"" + id + "\""));
        }
    }

    @Test
    void tablesCapRowsAndFormatNumbers() throws Exception {
        HtmlReport r = new HtmlReport("t");
        Table t = new Table("a", "b").maxRows(3).more("see evidence.csv");
        for (int i = 0; i < 10; i++) t.row("x" + i, 1234567L);
        t.row("y".repeat(100_000), 0.000012);
        r.section("s").table(t);
        assertEquals(11, t.size());
        Document d = parseXml(r.render());
        NodeList rows = d.getElementsByTagName("tr");
        assertEquals(1 + 3, rows.getLength());
        String text = d.getDocumentElement().getTextContent();
        assertTrue(text.contains("8 more rows not shown (see evidence.csv)"), text);
        assertTrue(text.contains("1,234,567"));
        Table big = new Table("t");
        big.row("z".repeat(100_000));
        HtmlReport r2 = new HtmlReport("t");
        r2.section("s").table(big);
        assertTrue(r2.render().length() < 10_000, "a huge cell is cut");
        assertTrue(r2.render().contains("z".repeat(1999) + "\u2026"));
        assertEquals("1.20e-05", Table.number(0.000012));
        assertEquals("0.05", Table.number(0.05));
    }

    @Test
    void escapeCoversEveryDangerousCharacter() {
        assertEquals("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;", Html.escape("<a href=\"x\" title='y'>&"));
        assertEquals("a\uFFFDb\uFFFDc", Html.escape("a\0b\u0007c"));
        assertEquals("[U+202E][U+2066][U+200F]", Html.escape("\u202E\u2066\u200F"));
        assertEquals("😀", Html.escape("😀"));
        assertEquals("\uFFFD", Html.escape("\uDBFF"));
        assertEquals("", Html.escape(null));
        String plain = "plain text";
        assertTrue(plain == Html.escape(plain), "no copy when nothing to escape");
        assertEquals("abc\u2026", Html.shorten("abcdef", 4));
        assertEquals("😀\u2026", Html.shorten("😀😀😀", 2));
    }
}
