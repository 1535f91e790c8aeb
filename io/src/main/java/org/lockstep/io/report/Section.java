package org.lockstep.io.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A titled part of a report: paragraphs, key/value lists, tables, figures and nested sections. */
public final class Section {
    private final String title;
    private final int level;
    private final boolean collapsible, open;
    final String anchor;
    private final List<Object> blocks = new ArrayList<>();

    Section(String title, int level, String anchor, boolean collapsible, boolean open) {
        this.title = title;
        this.level = level;
        this.anchor = anchor;
        this.collapsible = collapsible;
        this.open = open;
    }

    String title() { return title; }

    private record Paragraph(String text, String cls) {}

    private record KeyValues(Map<String, ?> values) {}

    private record Figure(Svg svg, String caption) {}

    public Section paragraph(String text) {
        blocks.add(new Paragraph(text, null));
        return this;
    }

    /** A muted remark, e.g. what a figure leaves out. */
    public Section note(String text) {
        blocks.add(new Paragraph(text, "note"));
        return this;
    }

    /** A two-column list of names and values, in the map's order. */
    public Section keyValues(Map<String, ?> values) {
        blocks.add(new KeyValues(values));
        return this;
    }

    public Section table(Table table) {
        blocks.add(table);
        return this;
    }

    public Section figure(Svg svg, String caption) {
        blocks.add(new Figure(svg, caption));
        return this;
    }

    /** A nested section (shown open). */
    public Section subsection(String title) {
        Section s = new Section(title, Math.min(level + 1, 4), null, false, true);
        blocks.add(s);
        return s;
    }

    /** A nested section that readers can fold and unfold (no script: {@code <details>}). */
    public Section details(String title, boolean open) {
        Section s = new Section(title, Math.min(level + 1, 4), null, true, open);
        blocks.add(s);
        return s;
    }

    void render(StringBuilder b) {
        String h = "h" + level;
        if (collapsible) {
            b.append("<details").append(open ? " open=\"\"" : "").append("><summary><").append(h).append('>')
                    .append(Html.escape(title)).append("</").append(h).append("></summary>");
        } else {
            b.append("<section").append(anchor != null ? " id=\"" + anchor + "\"" : "").append('>');
            b.append('<').append(h).append('>').append(Html.escape(title)).append("</").append(h).append('>');
        }
        for (Object o : blocks) {
            if (o instanceof Paragraph) {
                Paragraph p = (Paragraph) o;
                b.append(p.cls() == null ? "<p>" : "<p class=\"" + p.cls() + "\">").append(Html.escape(p.text())).append("</p>");
            } else if (o instanceof KeyValues) {
                b.append("<table class=\"kv\"><tbody>");
                for (Map.Entry<String, ?> e : ((KeyValues) o).values().entrySet()) {
                    b.append("<tr><th>").append(Html.escape(e.getKey())).append("</th>");
                    Table.cell(b, e.getValue());
                    b.append("</tr>");
                }
                b.append("</tbody></table>");
            } else if (o instanceof Table) {
                ((Table) o).render(b);
            } else if (o instanceof Figure) {
                Figure f = (Figure) o;
                b.append("<figure>").append(f.svg().markup);
                if (f.caption() != null) b.append("<figcaption>").append(Html.escape(f.caption())).append("</figcaption>");
                b.append("</figure>");
            } else if (o instanceof Section) {
                ((Section) o).render(b);
            }
        }
        b.append(collapsible ? "</details>" : "</section>");
    }
}
