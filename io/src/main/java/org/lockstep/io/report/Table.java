package org.lockstep.io.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A table for a report. Cells are numbers (right-aligned, formatted), {@link #code} (monospace, e.g.
 * post ids) or any other object shown as escaped text. At most {@link #maxRows} rows are shown; the
 * rest are counted in a note.
 */
public final class Table {
    /** Longer cell text is cut (with an ellipsis) so that one huge post cannot bloat a report. */
    static final int MAX_CELL = 2000;
    final String[] headers;
    final List<Object[]> rows = new ArrayList<>();
    int maxRows = 200;
    long hiddenRows;
    String caption, moreNote;

    public Table(String... headers) {
        this.headers = headers.clone();
    }

    /** Monospace text (ids, URLs): still escaped. */
    public static Object code(String text) {
        return new Code(text);
    }

    record Code(String text) {}

    public Table row(Object... cells) {
        if (cells.length != headers.length) throw new IllegalArgumentException("row has " + cells.length + " cells, table has " + headers.length);
        if (rows.size() < maxRows) rows.add(cells.clone());
        else hiddenRows++;
        return this;
    }

    /**
     * Counts {@code count} rows as added without giving them, for a caller that stops building rows once
     * {@link #maxRows} are shown (a storm has millions); only allowed then, so the table reads as if they were added.
     */
    public Table hidden(long count) {
        if (count < 0) throw new IllegalArgumentException("negative count " + count);
        if (count > 0 && rows.size() < maxRows) throw new IllegalStateException("rows are hidden only once " + maxRows + " are shown");
        hiddenRows += count;
        return this;
    }

    /** Whether the next row would be hidden (the table shows {@link #maxRows} already). */
    public boolean full() {
        return rows.size() >= maxRows;
    }

    public Table caption(String text) {
        this.caption = text;
        return this;
    }

    /** Shown rows; rows beyond are counted, not kept. */
    public Table maxRows(int max) {
        this.maxRows = max;
        return this;
    }

    /** Where the rest can be found, e.g. "see evidence.csv" (shown after the count of hidden rows). */
    public Table more(String where) {
        this.moreNote = where;
        return this;
    }

    /** Rows added (shown and hidden). */
    public long size() {
        return rows.size() + hiddenRows;
    }

    void render(StringBuilder b) {
        b.append("<div class=\"tw\"><table>");
        if (caption != null) b.append("<caption>").append(Html.escape(caption)).append("</caption>");
        b.append("<thead><tr>");
        for (String h : headers) b.append("<th>").append(Html.escape(h)).append("</th>");
        b.append("</tr></thead><tbody>");
        for (Object[] r : rows) {
            b.append("<tr>");
            for (Object c : r) cell(b, c);
            b.append("</tr>");
        }
        b.append("</tbody></table></div>");
        if (hiddenRows > 0) {
            b.append("<p class=\"note\">").append(String.format(Locale.ROOT, "%,d more rows not shown", hiddenRows));
            if (moreNote != null) b.append(" (").append(Html.escape(moreNote)).append(')');
            b.append(".</p>");
        }
    }

    static void cell(StringBuilder b, Object c) {
        if (c instanceof Number) {
            b.append("<td class=\"n\">").append(Html.escape(number((Number) c))).append("</td>");
        } else if (c instanceof Code) {
            b.append("<td><code>").append(Html.escape(Html.shorten(((Code) c).text(), MAX_CELL))).append("</code></td>");
        } else {
            b.append("<td>").append(Html.escape(c == null ? "" : Html.shorten(c.toString(), MAX_CELL))).append("</td>");
        }
    }

    static String number(Number n) {
        if (n instanceof Double || n instanceof Float) {
            double v = n.doubleValue();
            if (!Double.isFinite(v)) return "";
            if (v != 0 && Math.abs(v) < 1e-3) return String.format(Locale.ROOT, "%.2e", v);
            return Charts.format(v);
        }
        return String.format(Locale.ROOT, "%,d", n.longValue());
    }
}
