package org.lockstep.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lockstep.core.coord.AccountStats;
import org.lockstep.core.coord.CoordinationResult;
import org.lockstep.core.coord.Edges;
import org.lockstep.core.coord.Evidence;
import org.lockstep.core.coord.GroupStats;
import org.lockstep.io.read.Problem;
import org.lockstep.io.report.Charts;
import org.lockstep.io.report.HtmlReport;
import org.lockstep.io.report.NetworkDrawing;
import org.lockstep.io.report.Palette;
import org.lockstep.io.report.Section;
import org.lockstep.io.report.Table;

/** The coordination part of report.html: network drawing, top groups with their evidence, edges, parameters, input. */
final class DetectReport {
    private final DetectOutputs o;
    private final CoordinationResult r;

    DetectReport(DetectOutputs outputs) {
        this.o = outputs;
        this.r = outputs.r;
    }

    HtmlReport build() {
        HtmlReport rep = new HtmlReport("Lockstep: accounts acting in lockstep");
        String range = o.table.size() > 0 ? " · posts from " + DetectOutputs.iso(o.table.time(0)) + " to "
                + DetectOutputs.iso(o.table.time(o.table.size() - 1)) : "";
        rep.subtitle("Input: " + o.source + range);
        rep.keyFigure("accounts in the network", r.accountCount()).keyFigure("links (edges)", r.edges().size())
                .keyFigure("groups", r.groups().size()).keyFigure("components", r.components())
                .keyFigure("posts read", o.table.size());
        if (!o.fromDatabase) rep.keyFigure("records rejected", o.loaded.report().rejected());
        addTo(rep);
        return rep;
    }

    /** Adds the coordination sections to a report (so that other commands can combine reports). */
    void addTo(HtmlReport rep) {
        network(rep.section("Network"));
        groups(rep.section("Top groups"));
        edges(rep.section("Strongest links"));
        parameters(rep.section("Parameters and input"));
        method(rep.section("How to read this"));
    }

    /** Never a silent zero: why nothing was kept, and the strongest pairs with both tests. */
    @SuppressWarnings("unchecked")
    private void whyNothing(Section s) {
        Map<String, Object> why = o.whyNothing();
        for (Object reason : (List<Object>) why.get("reasons")) s.paragraph(String.valueOf(reason));
        List<Map<String, Object>> top = (List<Map<String, Object>>) why.get("strongest_pairs");
        if (!top.isEmpty()) {
            Table t = new Table("account A", "account B", "episodes", "co-actions", "rare objects shared", "p timing",
                    "p co-occurrence", "q").caption("The strongest pairs that were not kept");
            for (Map<String, Object> x : top) {
                t.row(x.get("account_a"), x.get("account_b"), x.get("episodes"), x.get("co_actions"), x.get("shared_objects"),
                        x.get("p_timing"), x.get("p_cooccurrence"), x.get("q_value"));
            }
            s.table(t);
        }
        s.note(String.valueOf(why.get("try")));
    }

    private void network(Section s) {
        AccountStats acc = r.accounts();
        Edges e = r.edges();
        int n = acc.members.length;
        if (n == 0) {
            s.paragraph("No coordinated accounts were found with these parameters.");
            whyNothing(s);
            return;
        }
        if (o.drawNodes == 0) {
            s.note("Drawing switched off (--draw-nodes 0); open network.gexf in Gephi.");
            return;
        }
        int[] group = new int[n];
        String[] tips = new String[n];
        for (int i = 0; i < n; i++) {
            int a = acc.members[i];
            group[i] = acc.group[a];
            tips[i] = o.name(a) + " (id " + r.accountName(a) + ")\ngroup " + acc.group[a] + ", component " + acc.component[a] + ", degree "
                    + acc.degree[a] + "\nsignals: " + DetectOutputs.signals(acc.signals[a]);
        }
        int[] src = new int[e.size()], dst = new int[e.size()];
        for (int k = 0; k < e.size(); k++) {
            src[k] = o.node[e.a[k]];
            dst[k] = o.node[e.b[k]];
        }
        NetworkDrawing.Drawing d = NetworkDrawing.of(n).groups(group).tooltips(tips).edges(src, dst, e.weight).maxNodes(o.drawNodes)
                .seed(r.config().seed()).groupNames(g -> "group " + g).title("Coordination network").draw();
        s.figure(d.svg, "Each dot is an account, each line a pair of accounts that repeatedly acted alike within the window; colours are "
                + "groups (Leiden communities), the largest first; line width is the edge weight (" + o.weightMeaning()
                + "). Hover over a dot for the account. Open network.gexf in Gephi to explore it.");
        if (d.note != null) s.note(d.note);
    }

    private void groups(Section s) {
        List<GroupStats> groups = r.groups();
        if (groups.isEmpty()) {
            s.paragraph("No groups.");
            return;
        }
        if (groups.size() > 1) {
            int k = Math.min(15, groups.size());
            List<String> labels = new ArrayList<>();
            double[] sizes = new double[k];
            for (int i = 0; i < k; i++) {
                labels.add("group " + groups.get(i).id());
                sizes[i] = groups.get(i).size();
            }
            s.figure(Charts.bars("Accounts per group (largest " + k + " of " + groups.size() + ")", labels, sizes, Palette.color(0)), null);
        }
        int shown = Math.min(o.reportGroups, groups.size());
        if (shown < groups.size()) s.note("The " + shown + " largest of " + groups.size() + " groups are shown; all are in groups.csv.");
        Edges e = r.edges();
        // edges of each shown group, in edge order (sorted strongest first below)
        int[] count = new int[shown];
        for (int k = 0; k < e.size(); k++) {
            int g = o.edgeGroup(k);
            if (g >= 0 && g < shown) count[g]++;
        }
        int[][] edgesOf = new int[shown][];
        for (int g = 0; g < shown; g++) edgesOf[g] = new int[count[g]];
        Arrays.fill(count, 0);
        for (int k = 0; k < e.size(); k++) {
            int g = o.edgeGroup(k);
            if (g >= 0 && g < shown) edgesOf[g][count[g]++] = k;
        }
        Map<Integer, it.unimi.dsi.fastutil.longs.LongArrayList> memberTimes = memberTimes(shown);
        for (int i = 0; i < shown; i++) {
            GroupStats g = groups.get(i);
            Section gs = s.subsection(String.format(Locale.ROOT, "Group %d: %,d accounts, %,d links", g.id(), g.size(), g.edges()));
            Map<String, Object> kv = new LinkedHashMap<>();
            kv.put("component", g.component());
            kv.put("density", g.density());
            kv.put("signals", DetectOutputs.signals(g.signals()));
            kv.put("co-actions", g.coActions());
            kv.put("active", span(g.firstMs(), g.lastMs()));
            if (g.createdKnown() > 0) {
                kv.put("accounts created", DetectOutputs.iso(g.createdMinMs()) + " … " + DetectOutputs.iso(g.createdMaxMs()) + " (median "
                        + DetectOutputs.iso(g.createdMedianMs()) + ", known for " + g.createdKnown() + ")");
            }
            gs.keyValues(kv);
            int[] ge = g.id() >= 0 && g.id() < shown ? edgesOf[g.id()] : new int[0];
            org.lockstep.io.report.Svg timeline = timeline(g, memberTimes.get(g.id()), ge);
            if (timeline != null) gs.figure(timeline, "Posts by the group's members (all of them) and the distinct posts in its evidence (capped per link), over time (UTC).");
            if (!g.topObjects().isEmpty()) {
                Table t = new Table("signal", "object", "co-actions").caption("What they acted on together");
                for (GroupStats.ObjectCount oc : g.topObjects()) t.row(oc.signal().label(), Table.code(clip(oc.name())), oc.coActions());
                gs.table(t);
            }
            if (!g.leaders().isEmpty()) {
                Table t = new Table("account", "times first").caption("Who acted first most often");
                for (GroupStats.Leader l : g.leaders()) t.row(o.name(l.account()), l.timesFirst());
                gs.table(t);
            }
            int[] m = g.members().clone();
            boolean handles = false, created = false;
            for (int a : m) {
                handles |= o.handle(a) != null;
                created |= o.createdAt(a) != org.lockstep.core.model.AccountSnapshot.UNKNOWN;
            }
            List<String> cols = new ArrayList<>();
            if (handles) cols.add("handle");
            cols.addAll(List.of("account id", "degree", "signals", "posts"));
            if (created) cols.add("created");
            Table members = new Table(cols.toArray(new String[0])).maxRows(50).more("see accounts.csv");
            AccountStats acc = r.accounts();
            Integer[] order = Arrays.stream(m).boxed().toArray(Integer[]::new);
            Arrays.sort(order, (x, y) -> acc.degree[x] != acc.degree[y] ? Integer.compare(acc.degree[y], acc.degree[x]) : Integer.compare(x, y));
            for (int a : order) {
                List<Object> row = new ArrayList<>();
                if (handles) row.add(o.handle(a) == null ? "" : o.handle(a));
                row.addAll(List.of(Table.code(r.accountName(a)), acc.degree[a], DetectOutputs.signals(acc.signals[a]), o.posts[a]));
                if (created) row.add(nz(DetectOutputs.iso(o.createdAt(a))));
                members.row(row.toArray());
            }
            gs.details("Members (" + g.size() + ")", g.size() <= 12).table(members);
            // a stable sort, as List.sort was
            it.unimi.dsi.fastutil.ints.IntArrays.mergeSort(ge, (x, y) -> e.weight[x] != e.weight[y] ? Double.compare(e.weight[y], e.weight[x])
                    : Integer.compare(x, y));
            gs.details("Evidence: post pairs behind its strongest links", true).table(evidence(ge, 40));
        }
    }

    /** Post times of the members of the first {@code groups} groups, by group id (one pass over the posts). */
    private Map<Integer, it.unimi.dsi.fastutil.longs.LongArrayList> memberTimes(int groups) {
        Map<Integer, it.unimi.dsi.fastutil.longs.LongArrayList> out = new java.util.HashMap<>();
        if (!o.sameSpace) return out;
        int[] group = r.accounts().group;
        for (int row = 0; row < o.table.size(); row++) {
            int a = o.table.account(row);
            if (a < 0 || a >= group.length) continue;
            int g = group[a];
            if (g >= 0 && g < groups) out.computeIfAbsent(g, x -> new it.unimi.dsi.fastutil.longs.LongArrayList()).add(o.table.time(row));
        }
        return out;
    }

    /** Members' posts and evidence posts per time bin (about 100 bins over the active span), or null when there is no span. */
    private org.lockstep.io.report.Svg timeline(GroupStats g, it.unimi.dsi.fastutil.longs.LongArrayList posts, int[] edges) {
        // each evidence post once, however many pairs it is in
        it.unimi.dsi.fastutil.longs.LongArrayList ev = new it.unimi.dsi.fastutil.longs.LongArrayList();
        it.unimi.dsi.fastutil.ints.IntOpenHashSet seen = new it.unimi.dsi.fastutil.ints.IntOpenHashSet();
        Evidence e = r.evidence();
        for (int k : edges) {
            for (int p = e.start(k); p < e.end(k); p++) {
                if (seen.add(e.rowA[p])) ev.add(e.timeA[p]);
                if (seen.add(e.rowB[p])) ev.add(e.timeB[p]);
            }
        }
        long lo = Long.MAX_VALUE, hi = Long.MIN_VALUE;
        for (it.unimi.dsi.fastutil.longs.LongArrayList l : java.util.Arrays.asList(posts, ev)) {
            if (l == null) continue;
            for (int i = 0; i < l.size(); i++) {
                lo = Math.min(lo, l.getLong(i));
                hi = Math.max(hi, l.getLong(i));
            }
        }
        if (lo >= hi) return null;
        long bin = binFor(hi - lo);
        List<Charts.Series> series = new ArrayList<>();
        if (posts != null && !posts.isEmpty()) series.add(Charts.histogram("all posts by members", posts.toLongArray(), bin, Palette.color(0)));
        if (!ev.isEmpty()) series.add(Charts.histogram("posts in the evidence", ev.toLongArray(), bin, Palette.color(3)));
        return Charts.timeSeries("Group " + g.id() + " over time", "posts per " + binName(bin), series, List.of(), false);
    }

    static long binFor(long span) {
        long[] bins = {60_000, 300_000, 900_000, 3_600_000, 3 * 3_600_000L, 6 * 3_600_000L, 86_400_000L, 7 * 86_400_000L};
        for (long b : bins) if (span / b <= 150) return b;
        return 30 * 86_400_000L;
    }

    static String binName(long bin) {
        if (bin < 3_600_000) return (bin / 60_000) + " min";
        if (bin < 86_400_000L) return (bin / 3_600_000) + " h";
        return (bin / 86_400_000L) + " d";
    }

    /** Post pairs of the given edges (in order), at most {@code max} rows shown. */
    private Table evidence(int[] edges, int max) {
        Table t = new Table("time A (UTC)", "account A", "post A", "text A", "gap s", "account B", "post B", "text B", "signal", "object")
                .maxRows(max).more("see evidence.csv");
        Evidence ev = r.evidence();
        Edges e = r.edges();
        for (int k : edges) {
            if (t.full()) {
                // the rest is only counted: no need to format millions of rows that are not shown
                t.hidden(ev.count(k));
                continue;
            }
            for (int p = ev.start(k); p < ev.end(k); p++) {
                if (t.full()) {
                    t.hidden(ev.end(k) - p);
                    break;
                }
                t.row(DetectOutputs.iso(ev.timeA[p]), o.name(e.a[k]), Table.code(nz(r.contentName(ev.contentA[p]))), clip(o.text(ev.rowA[p])),
                        ev.gapMs(p) / 1000.0, o.name(e.b[k]), Table.code(nz(r.contentName(ev.contentB[p]))), clip(o.text(ev.rowB[p])),
                        r.objectSignal(ev.object[p]).label(), Table.code(clip(r.objectName(ev.object[p]))));
            }
        }
        return t;
    }

    private void edges(Section s) {
        Edges e = r.edges();
        if (e.size() == 0) {
            s.paragraph("No links.");
            return;
        }
        int[] order = new int[e.size()];
        for (int k = 0; k < order.length; k++) order[k] = k;
        // a stable sort, as Arrays.sort of objects was
        it.unimi.dsi.fastutil.ints.IntArrays.mergeSort(order, (x, y) -> e.weight[x] != e.weight[y] ? Double.compare(e.weight[y], e.weight[x])
                : Integer.compare(x, y));
        Table t = new Table("account A", "account B", "weight", "co-actions", "episodes", "signals", "median gap s", "A first", "B first",
                "p-value", "q-value", "group").maxRows(50).more("see edges.csv");
        for (int i = 0; i < order.length; i++) {
            if (t.full()) {
                t.hidden(order.length - i);
                break;
            }
            int k = order[i];
            t.row(o.name(e.a[k]), o.name(e.b[k]), e.weight[k], e.coActions[k], e.episodes[k], DetectOutputs.signals(e.signals[k]),
                    DetectOutputs.gapSeconds(e.medianGapMs[k]), e.aFirst[k], e.bFirst[k], e.pValue[k], e.qValue[k], o.edgeGroup(k));
        }
        s.table(t);
    }

    private void parameters(Section s) {
        Map<String, Object> flat = new LinkedHashMap<>();
        o.parameters().forEach((k, v) -> flat.put(k, v == null ? "off" : v instanceof Map ? mapText((Map<?, ?>) v) : v));
        s.subsection("Parameters used").keyValues(flat);
        Map<String, Object> in = new LinkedHashMap<>();
        o.inputCounts().forEach((k, v) -> in.put(k.replace('_', ' '), v == null ? "" : v instanceof Map ? mapText((Map<?, ?>) v) : v));
        CoordinationResult.Counts c = r.counts();
        in.put("co-action rows", c.actions());
        in.put("candidate pairs", c.candidatePairs());
        in.put("hypotheses (timing, co-occurrence)", c.timingHypotheses() + ", " + c.sharedHypotheses());
        in.put("pairs tested", c.testedPairs());
        in.put("time resolution (s)", c.timeResolutionMs() / 1000.0);
        in.put("pairs dropped by the viral bound", c.droppedPairs());
        in.put("objects capped by the viral bound", c.cappedObjects());
        in.put("rows ignored (min participation)", c.ignoredActions());
        s.subsection("Input and work").keyValues(in);
        if (!o.loaded.report().problems().isEmpty()) {
            Table t = new Table("file", "line", "problem", "reason").maxRows(30).more("use --quarantine FILE to keep rejected records");
            for (Problem p : o.loaded.report().problems()) t.row(p.file(), p.line(), p.severity().name().toLowerCase(Locale.ROOT), p.reason());
            s.subsection("Input problems").table(t);
        }
    }

    private void method(Section s) {
        s.paragraph("Two accounts are linked when they repeatedly did the same thing (reposted the same post, shared the same link, "
                + "posted the same text, ...) within the time window of that signal, in several separate episodes. Each link is tested "
                + "against chance: the null model moves every action by a random amount (jitter), which keeps each account's volume, "
                + "objects and coarse rhythm (daily cycle, reacting to news within minutes) and removes only the fine alignment, and asks "
                + "how likely these two accounts would still meet that often; p-values are corrected for testing many pairs "
                + "(Benjamini-Hochberg q-values). "
                + "Groups are Leiden communities of the kept links; components are connected parts of the network.");
        s.paragraph("Every link can be checked: evidence.csv lists the post pairs behind it (capped per link; the true number is in "
                + "co_actions). A link is evidence of synchronised behaviour, not of intent: look at the posts before drawing conclusions.");
        s.paragraph("Files: summary.json (counts, parameters, run time), accounts.csv, edges.csv, groups.csv, evidence.csv, "
                + "network.gexf (Gephi, NetworkX; network.graphml for yEd and igraph with --graphml).");
    }

    private static String mapText(Map<?, ?> m) {
        StringBuilder b = new StringBuilder();
        m.forEach((k, v) -> {
            if (b.length() > 0) b.append(", ");
            b.append(k).append('=').append(v);
        });
        return b.toString();
    }

    private static String span(long first, long last) {
        if (first == Long.MIN_VALUE || last == Long.MIN_VALUE) return "";
        Duration d = Duration.ofMillis(Math.max(0, last - first));
        String len = d.toDays() > 0 ? d.toDays() + " d " + d.toHoursPart() + " h" : d.toHours() > 0 ? d.toHours() + " h " + d.toMinutesPart() + " min"
                : d.toMinutes() + " min " + d.toSecondsPart() + " s";
        return DetectOutputs.iso(first) + " … " + DetectOutputs.iso(last) + " (" + len + ")";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String clip(String s) {
        if (s == null) return "";
        return org.lockstep.io.report.Html.shorten(s, 280);
    }
}
