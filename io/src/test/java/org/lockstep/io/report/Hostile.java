package org.lockstep.io.report;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Attacker-written strings and a report full of them, shared by the report tests. */
final class Hostile {
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMG = "<img src=x onerror=\"document.title='PWNED'\">";
    static final String[] STRINGS = {
        SCRIPT, IMG, "=HYPERLINK(\"http://evil.example\",\"x\")", "\"]]>", "nul\0here", "ls\u2028ps\u2029",
        "rtl\u202Egnp.exe", "</style><style>body{display:none}</style>", "' onmouseover='alert(1)", "&amp; &lt;",
        "</svg><script>alert(2)</script>", "lone\uD800surrogate", "😀 ok",
    };

    private Hostile() {}

    static HtmlReport report() {
        HtmlReport r = new HtmlReport("Report " + SCRIPT).subtitle("case " + IMG).generatedAt(Instant.parse("2026-01-01T00:00:00Z"));
        r.keyFigure("accounts", 6).keyFigure(SCRIPT, IMG);
        Section params = r.section("Parameters " + SCRIPT);
        Map<String, Object> kv = new LinkedHashMap<>();
        kv.put("window", 60);
        kv.put(IMG, SCRIPT);
        kv.put("alpha", 0.05);
        params.keyValues(kv);
        int n = 6;
        int[] group = {0, 0, 0, 1, 1, -1};
        String[] tips = new String[n];
        for (int i = 0; i < n; i++) tips[i] = STRINGS[i % STRINGS.length];
        NetworkDrawing.Drawing d = NetworkDrawing.of(n).groups(group).tooltips(tips)
                .edges(new int[] {0, 1, 0, 3}, new int[] {1, 2, 2, 4}, new double[] {3, 1, 2, 5})
                .groupNames(g -> "group " + g + " " + IMG).title("Network " + SCRIPT).draw();
        r.section("Network").figure(d.svg, "coloured by group " + SCRIPT);
        Section groups = r.section("Groups");
        Section g0 = groups.subsection("Group 0 " + IMG);
        Table t = new Table("handle", "post", "text", "n", "p");
        for (String s : STRINGS) t.row(s, Table.code(s), s, 3, 1e-7);
        g0.table(t);
        g0.details("Evidence " + SCRIPT, false).paragraph(IMG).note(SCRIPT);
        r.section("Charts").figure(Charts.bars("Top " + SCRIPT, List.of(STRINGS), new double[STRINGS.length], "#1f77b4"), SCRIPT)
                .figure(Charts.timeSeries("Posts " + IMG, "posts", List.of(
                        new Charts.Series(SCRIPT, new long[] {0, 60_000, 120_000}, new double[] {1, 5, 2}, "#ff7f0e")),
                        List.of(new Charts.Marker(60_000, IMG)), true), null);
        return r;
    }
}
