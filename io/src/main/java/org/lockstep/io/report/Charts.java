package org.lockstep.io.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Small static SVG charts for reports: horizontal bars and time series with markers (UTC). */
public final class Charts {
    private Charts() {}

    /** Horizontal bars, one per label, in the given order; labels are shortened and escaped. */
    public static Svg bars(String title, List<String> labels, double[] values, String color) {
        if (labels.size() != values.length) throw new IllegalArgumentException("labels and values differ in length");
        int width = 720, labelW = 220, row = 20, top = 24;
        int height = top + row * values.length + 10;
        double max = 0;
        for (double v : values) if (Double.isFinite(v)) max = Math.max(max, v);
        SvgCanvas c = new SvgCanvas(width, height, title);
        c.text(4, 15, title, "start", "#222222", "font-weight=\"600\"");
        double barMax = width - labelW - 80;
        for (int i = 0; i < values.length; i++) {
            double y = top + i * row;
            double v = Double.isFinite(values[i]) ? values[i] : 0;
            double w = max > 0 ? barMax * v / max : 0;
            String label = labels.get(i);
            c.text(labelW - 6, y + 13, Html.shorten(label, 34), "end", "#333333", null);
            c.rect(labelW, y + 3, Math.max(1, w), row - 6, SvgCanvas.color(color), label + ": " + format(v));
            c.text(labelW + w + 5, y + 13, format(v), "start", "#555555", null);
        }
        return c.finish();
    }

    /** A series of values at times (epoch milliseconds, ascending). */
    public static final class Series {
        final String name;
        final long[] time;
        final double[] value;
        final String color;

        public Series(String name, long[] time, double[] value, String color) {
            if (time.length != value.length) throw new IllegalArgumentException("time and value differ in length");
            this.name = name;
            this.time = time;
            this.value = value;
            this.color = SvgCanvas.color(color);
        }
    }

    /** A labelled vertical line at a time, e.g. "first flagged". */
    public static final class Marker {
        final long time;
        final String label;

        public Marker(long time, String label) {
            this.time = time;
            this.label = label;
        }
    }

    /**
     * Time series as lines (or bars when {@code bars} and there is one series) over a shared UTC time
     * axis, with a y axis from zero, a legend and vertical markers.
     */
    public static Svg timeSeries(String title, String yLabel, List<Series> series, List<Marker> markers, boolean bars) {
        int width = 760, height = 260, left = 56, right = 16, top = 28, bottom = 44;
        long t0 = Long.MAX_VALUE, t1 = Long.MIN_VALUE;
        double vmax = 0;
        for (Series s : series) {
            for (int i = 0; i < s.time.length; i++) {
                t0 = Math.min(t0, s.time[i]);
                t1 = Math.max(t1, s.time[i]);
                if (Double.isFinite(s.value[i])) vmax = Math.max(vmax, s.value[i]);
            }
        }
        for (Marker m : markers) {
            t0 = Math.min(t0, m.time);
            t1 = Math.max(t1, m.time);
        }
        if (t0 == Long.MAX_VALUE) {
            t0 = 0;
            t1 = 1;
        }
        if (t1 == t0) t1 = t0 + 60_000;
        double[] yTicks = niceTicks(vmax <= 0 ? 1 : vmax, 5);
        double ymax = yTicks[yTicks.length - 1];
        int pw = width - left - right, ph = height - top - bottom;
        final long ft0 = t0, ft1 = t1;
        java.util.function.LongToDoubleFunction xOf = t -> left + pw * (double) (t - ft0) / (ft1 - ft0);
        java.util.function.DoubleUnaryOperator yOf = v -> top + ph * (1 - v / ymax);

        SvgCanvas c = new SvgCanvas(width, height, title);
        c.text(4, 16, title, "start", "#222222", "font-weight=\"600\"");
        for (double v : yTicks) {
            double y = yOf.applyAsDouble(v);
            c.line(left, y, left + pw, y, "#e4e4e4", 1, 1, null);
            c.text(left - 6, y + 4, format(v), "end", "#555555", null);
        }
        c.text(12, top + ph / 2.0, yLabel, "middle", "#555555", "transform=\"rotate(-90 12 " + SvgCanvas.num(top + ph / 2.0) + ")\"");
        long step = timeStep(t1 - t0);
        long first = (t0 + step - 1) / step * step;
        DateTimeFormatter fmt = DateTimeFormatter.ofPattern(step >= 86_400_000L ? "yyyy-MM-dd" : "MM-dd HH:mm", Locale.ROOT);
        int ticks = 0;
        for (long t = first; t <= t1 && ticks < 12; t += step, ticks++) {
            double x = xOf.applyAsDouble(t);
            c.line(x, top + ph, x, top + ph + 4, "#888888", 1, 1, null);
            c.text(x, top + ph + 16, fmt.format(ZonedDateTime.ofInstant(Instant.ofEpochMilli(t), ZoneOffset.UTC)), "middle", "#555555", null);
        }
        c.line(left, top + ph, left + pw, top + ph, "#888888", 1, 1, null);
        c.text(left + pw, height - 4, "time (UTC)", "end", "#777777", null);
        for (Series s : series) {
            if (bars && series.size() == 1) {
                double bw = s.time.length > 1 ? Math.max(1, pw / (double) s.time.length * 0.9) : 8;
                for (int i = 0; i < s.time.length; i++) {
                    double v = Double.isFinite(s.value[i]) ? s.value[i] : 0;
                    double x = xOf.applyAsDouble(s.time[i]), y = yOf.applyAsDouble(v);
                    c.rect(x - bw / 2, y, bw, top + ph - y, s.color, utc(s.time[i]) + ": " + format(v));
                }
            } else {
                double[] xs = new double[s.time.length], ys = new double[s.time.length];
                for (int i = 0; i < xs.length; i++) {
                    xs[i] = xOf.applyAsDouble(s.time[i]);
                    ys[i] = yOf.applyAsDouble(Double.isFinite(s.value[i]) ? s.value[i] : 0);
                }
                c.polyline(xs, ys, s.color, 1.8, s.name);
            }
        }
        for (Marker m : markers) {
            double x = xOf.applyAsDouble(m.time);
            c.line(x, top, x, top + ph, "#d62728", 1.2, 1, m.label + " at " + utc(m.time));
            c.text(x + 3, top + 10, Html.shorten(m.label, 30), "start", "#d62728", null);
        }
        if (series.size() > 1) {
            double x = left + 8;
            for (Series s : series) {
                String name = Html.shorten(s.name, 24);
                c.rect(x, 22, 10, 3, s.color, null);
                c.text(x + 14, 26, name, "start", "#333333", null);
                x += 26 + 6.5 * name.length();
            }
        }
        return c.finish();
    }

    /** Counts of events per bin: {@code [binStartMs..., counts...]} helper for time series. */
    public static Series histogram(String name, long[] times, long binMs, String color) {
        if (times.length == 0) return new Series(name, new long[0], new double[0], color);
        long lo = Long.MAX_VALUE, hi = Long.MIN_VALUE;
        for (long t : times) {
            lo = Math.min(lo, t);
            hi = Math.max(hi, t);
        }
        long start = Math.floorDiv(lo, binMs) * binMs;
        int bins = (int) Math.min(100_000, (hi - start) / binMs + 1);
        double[] v = new double[bins];
        for (long t : times) {
            int b = (int) Math.min(bins - 1, (t - start) / binMs);
            v[b]++;
        }
        long[] ts = new long[bins];
        for (int i = 0; i < bins; i++) ts[i] = start + i * binMs + binMs / 2;
        return new Series(name, ts, v, color);
    }

    static String utc(long ms) {
        return DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochMilli(ms));
    }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.format(Locale.ROOT, "%,d", (long) v);
        if (Math.abs(v) >= 100) return String.format(Locale.ROOT, "%,.0f", v);
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    static double[] niceTicks(double max, int target) {
        double raw = max / target;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = mag;
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * mag >= raw) {
                step = m * mag;
                break;
            }
        }
        List<Double> t = new ArrayList<>();
        for (double v = 0; v < max + step * 0.999; v += step) t.add(v);
        if (t.size() < 2) t.add(step);
        double[] r = new double[t.size()];
        for (int i = 0; i < r.length; i++) r[i] = t.get(i);
        return r;
    }

    static long timeStep(long span) {
        long[] steps = {1_000, 5_000, 15_000, 60_000, 300_000, 900_000, 1_800_000, 3_600_000, 3 * 3_600_000L, 6 * 3_600_000L,
            12 * 3_600_000L, 86_400_000L, 7 * 86_400_000L, 30 * 86_400_000L, 365 * 86_400_000L};
        for (long s : steps) if (span / s <= 8) return s;
        return span / 8;
    }
}
