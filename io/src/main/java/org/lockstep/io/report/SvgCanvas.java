package org.lockstep.io.report;

import java.util.Locale;

/** Appends SVG elements with escaped text and checked colours; coordinates are rounded to 0.1 px. */
final class SvgCanvas {
    private final StringBuilder b = new StringBuilder(4096);
    private final int width, height;

    SvgCanvas(int width, int height, String label) {
        this.width = width;
        this.height = height;
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(label))
                .append("\" font-family=\"system-ui, sans-serif\" font-size=\"11\">");
        b.append("<title>").append(Html.escape(label)).append("</title>");
    }

    static String num(double v) {
        if (!Double.isFinite(v)) v = 0;
        double r = Math.round(v * 10) / 10.0;
        if (r == Math.rint(r)) return Long.toString((long) r);
        return String.format(Locale.ROOT, "%.1f", r);
    }

    static String color(String c) {
        if (c == null || !c.matches("#[0-9a-fA-F]{6}")) throw new IllegalArgumentException("colour must be #rrggbb: " + c);
        return c;
    }

    SvgCanvas open(String cls) {
        b.append("<g class=\"").append(cls).append("\">");
        return this;
    }

    SvgCanvas close() {
        b.append("</g>");
        return this;
    }

    SvgCanvas line(double x1, double y1, double x2, double y2, String stroke, double width, double opacity, String title) {
        b.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"").append(num(x2))
                .append("\" y2=\"").append(num(y2)).append("\" stroke=\"").append(color(stroke)).append("\" stroke-width=\"")
                .append(num2(width)).append('"');
        if (opacity < 1) b.append(" stroke-opacity=\"").append(num2(opacity)).append('"');
        return end("line", title);
    }

    SvgCanvas circle(double cx, double cy, double r, String fill, String title) {
        b.append("<circle cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy)).append("\" r=\"").append(num(r))
                .append("\" fill=\"").append(color(fill)).append("\" stroke=\"#ffffff\" stroke-width=\"0.7\"");
        return end("circle", title);
    }

    SvgCanvas rect(double x, double y, double w, double h, String fill, String title) {
        b.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"").append(num(Math.max(0, w)))
                .append("\" height=\"").append(num(Math.max(0, h))).append("\" fill=\"").append(color(fill)).append('"');
        return end("rect", title);
    }

    /** A polyline through the points (x[i], y[i]). */
    SvgCanvas polyline(double[] x, double[] y, String stroke, double width, String title) {
        b.append("<polyline fill=\"none\" stroke=\"").append(color(stroke)).append("\" stroke-width=\"").append(num2(width))
                .append("\" stroke-linejoin=\"round\" points=\"");
        for (int i = 0; i < x.length; i++) {
            if (i > 0) b.append(' ');
            b.append(num(x[i])).append(',').append(num(y[i]));
        }
        b.append('"');
        return end("polyline", title);
    }

    /** Text from anywhere (escaped); {@code anchor} is start, middle or end. */
    SvgCanvas text(double x, double y, String text, String anchor, String fill, String extra) {
        b.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" text-anchor=\"")
                .append(anchor.equals("middle") || anchor.equals("end") ? anchor : "start").append("\" fill=\"")
                .append(color(fill)).append('"');
        if (extra != null) b.append(' ').append(extra);
        b.append('>').append(Html.escape(text)).append("</text>");
        return this;
    }

    private SvgCanvas end(String tag, String title) {
        if (title == null) {
            b.append("/>");
        } else {
            b.append("><title>").append(Html.escape(title)).append("</title></").append(tag).append('>');
        }
        return this;
    }

    private static String num2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    Svg finish() {
        b.append("</svg>");
        return new Svg(width, height, b.toString());
    }
}
