package org.lockstep.io.out;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamWriter;
import org.junit.jupiter.api.Test;

/**
 * The GEXF writer writes its markup itself: its escaping must be the JDK stream writer's, which wrote the
 * same documents before, for every character an adversary may put in a label.
 */
class GexfEscapeTest {
    static final String[] HOSTILE = {"plain", "", "a&b", "<script>alert(1)</script>", "\"quoted\" and 'single'", "]]>", "&amp;",
        "tab\tnew\nline\rreturn", "émoji 🗳️ Ελληνικά", "\uFFFD", "x > y < z", "\"", "&#x26;", "a\u2028b", "=1+2"};

    @Test
    void attributesAndTextAreEscapedAsTheStreamWriterEscapesThem() throws Exception {
        for (String h : HOSTILE) {
            String v = Xml.legal(h);
            StringWriter s = new StringWriter();
            XMLStreamWriter w = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(s);
            w.writeStartElement("e");
            w.writeAttribute("v", v);
            w.writeCharacters(v);
            w.writeEndElement();
            w.flush();
            StringBuilder mine = new StringBuilder("<e v=\"");
            GexfWriter.attr(mine, v).append("\">");
            GexfWriter.text(mine, v).append("</e>");
            assertEquals(s.toString(), mine.toString(), h);
        }
    }
}
