package org.lockstep.io.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ChartsTest {
    static final String SVG = "http://www.w3.org/2000/svg";

    @Test
    void barsAreProportionalAndLabelsEscaped() throws Exception {
        Svg s = Charts.bars("top", List.of("#a", Hostile.SCRIPT, "c"), new double[] {10, 5, 0}, "#2ca02c");
        Document d = HtmlReportTest.parseXml(s.document());
        NodeList rects = d.getElementsByTagNameNS(SVG, "rect");
        assertEquals(3, rects.getLength());
        double w0 = Double.parseDouble(((Element) rects.item(0)).getAttribute("width"));
        double w1 = Double.parseDouble(((Element) rects.item(1)).getAttribute("width"));
        assertEquals(w0 / 2, w1, 0.2);
        assertTrue(d.getDocumentElement().getTextContent().contains("<script>alert(1)</script>: 5"));
        assertEquals(0, d.getElementsByTagName("script").getLength());
    }

    @Test
    void timeSeriesHistogramAndMarkers() throws Exception {
        long h = 3_600_000L;
        long[] times = {0, 10, 20, h + 5, 2 * h + 1, 2 * h + 2, 2 * h + 3, 2 * h + 4};
        Charts.Series hist = Charts.histogram("posts", times, h, "#1f77b4");
        assertArrayEquals(new double[] {3, 1, 4}, hist.value);
        assertEquals(h / 2, hist.time[0]);
        Svg bars = Charts.timeSeries("posts per hour", "posts", List.of(hist), List.of(new Charts.Marker(h, "flagged")), true);
        Document d = HtmlReportTest.parseXml(bars.document());
        assertEquals(3, d.getElementsByTagNameNS(SVG, "rect").getLength());
        assertTrue(d.getDocumentElement().getTextContent().contains("flagged"));
        Svg lines = Charts.timeSeries("two", "posts", List.of(hist, new Charts.Series("b", new long[] {0, h}, new double[] {1, 2}, "#ff7f0e")),
                List.of(), false);
        Document d2 = HtmlReportTest.parseXml(lines.document());
        assertEquals(2, d2.getElementsByTagNameNS(SVG, "polyline").getLength());
        // taller bar is higher on the page (smaller y)
        NodeList r = d.getElementsByTagNameNS(SVG, "rect");
        double y0 = Double.parseDouble(((Element) r.item(0)).getAttribute("y")), y2 = Double.parseDouble(((Element) r.item(2)).getAttribute("y"));
        assertTrue(y2 < y0);
    }

    @Test
    void niceTicks() {
        assertArrayEquals(new double[] {0, 2, 4, 6, 8, 10}, Charts.niceTicks(9.3, 5));
        assertArrayEquals(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1}, Charts.niceTicks(1, 5), 1e-9);
        assertEquals(60_000, Charts.timeStep(5 * 60_000));
    }
}
