package org.lockstep.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lockstep.core.coord.AccountStats;
import org.lockstep.core.coord.CoordinationConfig;
import org.lockstep.core.coord.CoordinationResult;
import org.lockstep.core.coord.Edges;
import org.lockstep.core.coord.Evidence;
import org.lockstep.core.coord.GroupStats;
import org.lockstep.core.coord.Signal;
import org.lockstep.core.model.AccountSnapshot;
import org.lockstep.core.model.PostTable;
import org.lockstep.io.out.CsvWriter;
import org.lockstep.io.out.GexfWriter;
import org.lockstep.io.out.Graph;
import org.lockstep.io.out.GraphmlWriter;
import org.lockstep.io.read.ReadReport;
import org.lockstep.io.read.Readers;
import org.lockstep.io.report.HtmlReport;
import org.lockstep.io.report.Palette;

/**
 * Writes a detection result as files: summary.json, accounts.csv, edges.csv, groups.csv, evidence.csv,
 * network.gexf, network.graphml and report.html. Times are ISO-8601 UTC, gaps in seconds; every
 * account of the network is a node, named by its source id.
 */
final class DetectOutputs {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    final Readers.Loaded loaded;
    final String source;
    final boolean fromDatabase;
    final PostTable table;
    final CoordinationResult r;
    final long readMs;
    final int drawNodes, reportGroups;
    /** Per account id: posts in the input, first and last post time (ms). */
    final int[] posts;
    final long[] firstPost, lastPost;
    /** Per account id: sum of the co-actions of its edges, and its node index (-1 outside the network). */
    final long[] coActions;
    final int[] node;
    /** Whether the result's account ids are the table's, so handles and account snapshots apply. */
    final boolean sameSpace;

    private final boolean graphml;

    record Written(String summaryJson, long totalMs, Map<String, Object> whyNothing) {}

    DetectOutputs(Readers.Loaded loaded, String source, boolean fromDatabase, CoordinationResult r, long readMs, int drawNodes,
            int reportGroups) {
        this(loaded, source, fromDatabase, r, readMs, drawNodes, reportGroups, false);
    }

    /** @param graphml also write network.graphml (GEXF is always written) */
    DetectOutputs(Readers.Loaded loaded, String source, boolean fromDatabase, CoordinationResult r, long readMs, int drawNodes,
            int reportGroups, boolean graphml) {
        this.graphml = graphml;
        this.loaded = loaded;
        this.source = source;
        this.fromDatabase = fromDatabase;
        this.table = loaded.table();
        this.r = r;
        this.readMs = readMs;
        this.drawNodes = drawNodes;
        this.reportGroups = reportGroups;
        int n = r.accounts().size();
        sameSpace = sameAccountSpace();
        posts = new int[n];
        firstPost = new long[n];
        lastPost = new long[n];
        java.util.Arrays.fill(firstPost, Long.MAX_VALUE);
        java.util.Arrays.fill(lastPost, Long.MIN_VALUE);
        if (sameSpace) {
            for (int row = 0; row < table.size(); row++) {
                int a = table.account(row);
                if (a < 0 || a >= n) continue;
                posts[a]++;
                firstPost[a] = Math.min(firstPost[a], table.time(row));
                lastPost[a] = Math.max(lastPost[a], table.time(row));
            }
        }
        coActions = new long[n];
        Edges e = r.edges();
        for (int k = 0; k < e.size(); k++) {
            coActions[e.a[k]] += e.coActions[k];
            coActions[e.b[k]] += e.coActions[k];
        }
        node = new int[n];
        java.util.Arrays.fill(node, -1);
        int[] members = r.accounts().members;
        for (int i = 0; i < members.length; i++) node[members[i]] = i;
    }

    /** Whether the result's account ids are the table's (true when the engine ran on the table). */
    private boolean sameAccountSpace() {
        int n = r.accounts().size();
        if (n != table.accounts().size()) return false;
        for (int a = 0; a < Math.min(n, 8); a++) if (!table.accounts().get(a).equals(r.accountName(a))) return false;
        return true;
    }

    String handle(int account) {
        if (sameSpace && account < table.accountInfo().size()) {
            String h = table.accountInfo().handle[account];
            if (h != null) return h;
        }
        return null;
    }

    long createdAt(int account) {
        if (sameSpace && account < table.accountInfo().size()) return table.accountInfo().createdAt[account];
        return AccountSnapshot.UNKNOWN;
    }

    /** Whether the post's repost target was derived by the reader (no original id in the source). */
    boolean derived(int row) {
        return sameSpace && row >= 0 && row < table.size() && table.derived(row);
    }

    String text(int row) {
        return table.hasText() && row >= 0 && row < table.size() ? table.text(row) : null;
    }

    static String iso(long ms) {
        if (ms == Long.MIN_VALUE || ms == Long.MAX_VALUE || ms == AccountSnapshot.UNKNOWN) return null;
        return org.lockstep.io.out.IsoTime.of(ms);
    }

    static double seconds(long ms) {
        return ms / 1000.0;
    }

    /** An edge's gap statistic in seconds; NaN (a missing value) when unknown (-1). */
    static double gapSeconds(long ms) {
        return ms < 0 ? Double.NaN : ms / 1000.0;
    }

    static double seconds(double ms) {
        return ms / 1000.0;
    }

    static String signals(int mask) {
        return Signal.labels(mask);
    }

    /** The files every run writes (others depend on size and options). */
    static final java.util.List<String> ALWAYS = java.util.List.of("summary.json", "accounts.csv", "edges.csv", "groups.csv",
            "evidence.csv", "report.html");

    /** The network files written: GEXF always, GraphML on request; gzip-compressed on a big network. */
    java.util.List<String> graphFiles() {
        String z = r.edges().size() > GZIP_GRAPH_EDGES ? ".gz" : "";
        return graphml ? java.util.List.of("network.gexf" + z, "network.graphml" + z) : java.util.List.of("network.gexf" + z);
    }

    /**
     * Writes every file into {@code od} (each under a temporary name, then renamed) and commits it: the
     * manifest lists what this run wrote, files of an earlier run it did not write are removed.
     */
    Written writeAll(org.lockstep.io.out.OutputDir od, long t0Nanos) throws IOException {
        long w0 = System.nanoTime();
        edgeOrder(); // worked out before the evidence thread starts, which reads it
        // the evidence (the largest tables on a storm) on a thread of its own while the rest is written; it
        // only reads the result and writes its own files. Its failure fails the run, as any other write's.
        java.util.concurrent.FutureTask<Void> evidence = new java.util.concurrent.FutureTask<>(() -> {
            od.write("evidence.csv", this::writeEvidence);
            if (evidenceCut) od.write("evidence.parquet", this::writeEvidenceParquet);
            tick("evidence");
            return null;
        });
        Thread et = new Thread(evidence, "lockstep-evidence-writer");
        et.setDaemon(true);
        et.start();
        try {
            od.write("accounts.csv", this::writeAccounts);
            od.write("edges.csv", this::writeEdges);
            od.write("groups.csv", this::writeGroups);
            if (edgesCut) od.write("edges.parquet", this::writeEdgesParquet);
            tick("csv");
            Graph g = graph();
            for (String f : graphFiles()) {
                od.write(f, tmp -> {
                    try (java.io.OutputStream out = f.endsWith(".gz")
                            ? new FastGzip(new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))
                            : new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                        if (f.startsWith("network.gexf")) GexfWriter.write(g, out);
                        else GraphmlWriter.write(g, out);
                    }
                });
            }
            tick("graphs");
            HtmlReport report = new DetectReport(this).build();
            tick("report built");
            od.write("report.html", report::write);
            tick("report written");
            evidence.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing the evidence", e);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) throw io;
            if (c instanceof RuntimeException re) throw re;
            if (c instanceof Error err) throw err;
            throw new IOException(c);
        } finally {
            if (!evidence.isDone()) {
                // a failure of the other writes: wait for the evidence writer to finish its file before the
                // caller reports (it writes under a temporary name; nothing half-written is left)
                try {
                    et.join();
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        long writeMs = (System.nanoTime() - w0) / 1_000_000;
        long totalMs = (System.nanoTime() - t0Nanos) / 1_000_000;
        String json = JSON.writeValueAsString(summary(writeMs, totalMs));
        od.write("summary.json", tmp -> Files.writeString(tmp, json + "\n", StandardCharsets.UTF_8));
        od.commit();
        return new Written(json, totalMs, r.edges().size() == 0 ? whyNothing() : null);
    }

    private final long tick0 = System.nanoTime();

    private void tick(String what) {
        long now = System.nanoTime();
        if (System.getenv("LOCKSTEP_DEBUG") != null) System.err.printf("lockstep detect: %s done at %d ms%n", what, (now - tick0) / 1_000_000);
    }

    /**
     * gzip at the fastest level: a network file of half a million edges compresses about as well (GEXF is
     * repetitive XML) in a fraction of the default level's time.
     */
    private static final class FastGzip extends java.util.zip.GZIPOutputStream {
        FastGzip(java.io.OutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(java.util.zip.Deflater.BEST_SPEED);
        }
    }

    void writeAccounts(Path file) throws IOException {
        AccountStats s = r.accounts();
        try (CsvWriter w = CsvWriter.open(file, "account_id", "handle", "group", "component", "degree", "signals", "co_actions",
                "actions", "posts", "first_post", "last_post", "created_at", "followers", "display_name")) {
            for (int a : membersByGroup()) {
                w.cell(r.accountName(a)).cell(handle(a)).cell(s.group[a]).cell(s.component[a]).cell(s.degree[a]).cell(signals(s.signals[a]))
                        .cell(coActions[a]).cell(s.actions[a]).cell(posts[a]).cell(iso(firstPost[a])).cell(iso(lastPost[a]))
                        .cell(iso(createdAt(a)));
                long f = sameSpace && a < table.accountInfo().size() ? table.accountInfo().followers[a] : AccountSnapshot.UNKNOWN;
                if (f == AccountSnapshot.UNKNOWN) w.cell((String) null);
                else w.cell(f);
                w.cell(sameSpace && a < table.accountInfo().size() ? table.accountInfo().displayName[a] : null).endRow();
            }
        }
    }

    /** Network members ordered by group (ungrouped last), then degree (highest first), then id. */
    int[] membersByGroup() {
        AccountStats s = r.accounts();
        Integer[] m = new Integer[s.members.length];
        for (int i = 0; i < m.length; i++) m[i] = s.members[i];
        java.util.Arrays.sort(m, (x, y) -> {
            int gx = s.group[x] < 0 ? Integer.MAX_VALUE : s.group[x], gy = s.group[y] < 0 ? Integer.MAX_VALUE : s.group[y];
            if (gx != gy) return Integer.compare(gx, gy);
            if (s.degree[x] != s.degree[y]) return Integer.compare(s.degree[y], s.degree[x]);
            return Integer.compare(x, y);
        });
        int[] out = new int[m.length];
        for (int i = 0; i < m.length; i++) out[i] = m[i];
        return out;
    }

    int edgeGroup(int e) {
        int ga = r.accounts().group[r.edges().a[e]], gb = r.accounts().group[r.edges().b[e]];
        return ga == gb ? ga : -1;
    }

    static final String[] EDGE_HEADER = {"account_a", "account_b", "weight", "co_actions", "signals", "median_gap_s", "p_value",
            "q_value", "objects", "episodes", "fast_co_actions", "min_gap_s", "mean_gap_s", "a_first", "b_first", "expected_episodes",
            "shared_objects", "expected_shared", "p_timing", "p_cooccurrence", "handle_a", "handle_b", "group", "component",
            "evidence_pairs"};
    private static final String EDGE_TYPES = "TTDLTDDDLLLDDLLDLDDDTTLLL";

    /** Rows a CSV holds at most: a spreadsheet opens 1,048,576 (header included); room is left. */
    static final long CSV_MAX_ROWS = 1_000_000;
    /** Bytes a CSV holds at most (50 MB); a row starts only while the file is under this less a margin. */
    static final long CSV_MAX_BYTES = 50_000_000, CSV_ROW_MARGIN = 2_000_000;
    /** Networks with more edges are written as gzip-compressed GEXF (Gephi and NetworkX read it). */
    static final int GZIP_GRAPH_EDGES = 50_000;

    /** Edges in edges.csv, evidence rows and edges in evidence.csv; whether each was cut to the spreadsheet budget. */
    long edgesInCsv, evidenceRowsInCsv, evidenceEdgesInCsv;
    boolean edgesCut, evidenceCut;
    private int[] order;

    /**
     * The order edges are written in: as the engine gives them, or, when the network is big enough that a CSV
     * may be cut, strongest first (weight, then smaller p-value), so a cut CSV holds the edges a person would
     * read first.
     */
    int[] edgeOrder() {
        if (order != null) return order;
        Edges e = r.edges();
        int n = e.size();
        long evidenceRows = r.evidence().total();
        int[] o = new int[n];
        for (int i = 0; i < n; i++) o[i] = i;
        if (n > strongestFirstAbove || evidenceRows > 3L * strongestFirstAbove) {
            it.unimi.dsi.fastutil.ints.IntArrays.quickSort(o, (x, y) -> {
                int c = Double.compare(e.weight[y], e.weight[x]);
                if (c != 0) return c;
                c = Double.compare(e.pValue[x], e.pValue[y]);
                return c != 0 ? c : Integer.compare(x, y);
            });
        }
        order = o;
        return order;
    }

    /** The budget of each CSV (tests lower it to see the cut on small data) and the size above which edges go strongest first. */
    long csvMaxRows = CSV_MAX_ROWS, csvMaxBytes = CSV_MAX_BYTES;
    int strongestFirstAbove = 100_000;

    boolean full(CsvWriter w) {
        return w.rows() >= csvMaxRows || w.bytes() >= csvMaxBytes - Math.min(CSV_ROW_MARGIN, csvMaxBytes / 10);
    }

    void writeEdges(Path file) throws IOException {
        try (CsvWriter w = CsvWriter.open(file, EDGE_HEADER)) {
            for (int k : edgeOrder()) {
                if (full(w)) {
                    edgesCut = true;
                    break;
                }
                edgeRow(w, k);
            }
            edgesInCsv = w.rows();
        }
    }

    /** Every edge, in the engine's order, as Parquet. */
    void writeEdgesParquet(Path file) throws IOException {
        try (org.lockstep.io.out.ParquetWriter w = org.lockstep.io.out.ParquetWriter.open(file, columns(EDGE_HEADER, EDGE_TYPES))) {
            for (int k = 0; k < r.edges().size(); k++) edgeRow(w, k);
        }
    }

    static java.util.List<org.lockstep.io.out.ParquetWriter.Column> columns(String[] names, String types) {
        java.util.List<org.lockstep.io.out.ParquetWriter.Column> cs = new java.util.ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            cs.add(new org.lockstep.io.out.ParquetWriter.Column(names[i], switch (types.charAt(i)) {
                case 'T' -> org.lockstep.io.out.ParquetWriter.Type.TEXT;
                case 'L' -> org.lockstep.io.out.ParquetWriter.Type.LONG;
                case 'D' -> org.lockstep.io.out.ParquetWriter.Type.DOUBLE;
                default -> org.lockstep.io.out.ParquetWriter.Type.BOOLEAN;
            }));
        }
        return cs;
    }

    private void edgeRow(org.lockstep.io.out.Cells w, int k) {
        Edges e = r.edges();
        AccountStats s = r.accounts();
        w.cell(r.accountName(e.a[k])).cell(r.accountName(e.b[k])).cell(e.weight[k]).cell(e.coActions[k]).cell(signals(e.signals[k]))
                .cell(gapSeconds(e.medianGapMs[k])).cell(e.pValue[k]).cell(e.qValue[k]).cell(e.objects[k]).cell(e.episodes[k]).cell(e.fastCoActions[k])
                .cell(gapSeconds(e.minGapMs[k])).cell(seconds(e.meanGapMs[k])).cell(e.aFirst[k]).cell(e.bFirst[k]).cell(e.expected[k])
                .cell(e.sharedObjects[k]).cell(e.expectedShared[k]).cell(e.pTiming[k]).cell(e.pShared[k])
                .cell(handle(e.a[k])).cell(handle(e.b[k])).cell(edgeGroup(k)).cell(s.component[e.a[k]])
                .cell(r.evidence().count(k)).endRow();
    }

    void writeGroups(Path file) throws IOException {
        try (CsvWriter w = CsvWriter.open(file, "group", "component", "size", "edges", "density", "signals", "co_actions", "first_action",
                "last_action", "active_span_s", "top_objects", "leaders", "created_known", "created_min", "created_median", "created_max",
                "members")) {
            for (GroupStats g : r.groups()) {
                w.cell(g.id()).cell(g.component()).cell(g.size()).cell(g.edges()).cell(g.density()).cell(signals(g.signals()))
                        .cell(g.coActions()).cell(iso(g.firstMs())).cell(iso(g.lastMs()));
                if (g.firstMs() == Long.MIN_VALUE || g.lastMs() == Long.MIN_VALUE) w.cell((String) null);
                else w.cell(seconds(g.lastMs() - g.firstMs()));
                StringBuilder top = new StringBuilder();
                for (GroupStats.ObjectCount o : g.topObjects()) {
                    if (top.length() > 0) top.append(" | ");
                    top.append(o.signal().label()).append(':').append(o.name()).append(" (").append(o.coActions()).append(')');
                }
                StringBuilder leaders = new StringBuilder();
                for (GroupStats.Leader l : g.leaders()) {
                    if (leaders.length() > 0) leaders.append(" | ");
                    leaders.append(name(l.account())).append(" (").append(l.timesFirst()).append(')');
                }
                w.cell(top.toString()).cell(leaders.toString()).cell(g.createdKnown());
                w.cell(g.createdKnown() > 0 ? iso(g.createdMinMs()) : null).cell(g.createdKnown() > 0 ? iso(g.createdMedianMs()) : null)
                        .cell(g.createdKnown() > 0 ? iso(g.createdMaxMs()) : null);
                StringBuilder members = new StringBuilder();
                for (int a : g.members()) {
                    if (members.length() > 0) members.append(' ');
                    members.append(r.accountName(a));
                }
                w.cell(members.toString()).endRow();
            }
        }
    }

    /** Handle when known, else the account id. */
    String name(int account) {
        String h = handle(account);
        return h != null ? h : r.accountName(account);
    }

    static final String[] EVIDENCE_HEADER = {"account_a", "account_b", "signal", "object", "post_a", "post_b", "time_a", "time_b",
            "gap_s", "within_window", "pair", "pairs_shown", "co_actions", "shared_objects", "handle_a", "handle_b", "text_a",
            "text_b", "derived_object"};
    private static final String EVIDENCE_TYPES = "TTTTTTTTDTLLLLTTTTT";

    /**
     * evidence.csv: the post pairs of every edge (strongest edges first on a big network), whole edges only,
     * until the spreadsheet budget; what does not fit is in evidence.parquet.
     */
    void writeEvidence(Path file) throws IOException {
        try (CsvWriter w = CsvWriter.open(file, EVIDENCE_HEADER)) {
            for (int k : edgeOrder()) {
                if (r.evidence().count(k) == 0) continue;
                if (full(w) || w.rows() + r.evidence().count(k) > csvMaxRows) {
                    evidenceCut = true;
                    break;
                }
                evidenceRows(w, k);
                evidenceEdgesInCsv++;
            }
            evidenceRowsInCsv = w.rows();
        }
    }

    /** All evidence, every edge, as Parquet. */
    void writeEvidenceParquet(Path file) throws IOException {
        try (org.lockstep.io.out.ParquetWriter w = org.lockstep.io.out.ParquetWriter.open(file, columns(EVIDENCE_HEADER, EVIDENCE_TYPES))) {
            for (int k = 0; k < r.edges().size(); k++) evidenceRows(w, k);
        }
    }

    private void evidenceRows(org.lockstep.io.out.Cells w, int k) {
        Edges e = r.edges();
        Evidence ev = r.evidence();
        int shown = ev.count(k);
        if (shown == 0) return;
        String idA = r.accountName(e.a[k]), idB = r.accountName(e.b[k]), hA = handle(e.a[k]), hB = handle(e.b[k]);
        for (int p = ev.start(k), i = 1; p < ev.end(k); p++, i++) {
            w.cell(idA).cell(idB).cell(r.objectSignal(ev.object[p]).label()).cell(r.objectName(ev.object[p]))
                    .cell(r.contentName(ev.contentA[p])).cell(r.contentName(ev.contentB[p]))
                    .cell(iso(ev.timeA[p])).cell(iso(ev.timeB[p])).cell(seconds(ev.gapMs(p))).cell(ev.withinWindow[p] ? "yes" : "no").cell(i).cell(shown)
                    .cell(e.coActions[k]).cell(e.sharedObjects[k]).cell(hA).cell(hB).cell(text(ev.rowA[p])).cell(text(ev.rowB[p]))
                    .cell(derived(ev.rowA[p]) || derived(ev.rowB[p]) ? "yes" : "no").endRow();
        }
    }

    Graph graph() {
        AccountStats s = r.accounts();
        Edges e = r.edges();
        int[] members = s.members;
        int n = members.length;
        String[] ids = new String[n], labels = new String[n], handles = new String[n], sig = new String[n], created = new String[n];
        int[] group = new int[n], comp = new int[n], degree = new int[n], postCount = new int[n];
        long[] co = new long[n];
        double[] strength = new double[n];
        for (int i = 0; i < n; i++) {
            int a = members[i];
            ids[i] = r.accountName(a);
            handles[i] = handle(a);
            labels[i] = handles[i] != null ? handles[i] : ids[i];
            group[i] = s.group[a];
            comp[i] = s.component[a];
            degree[i] = s.degree[a];
            sig[i] = signals(s.signals[a]);
            co[i] = coActions[a];
            postCount[i] = posts[a];
            created[i] = iso(createdAt(a));
        }
        int m = e.size();
        int[] src = new int[m], dst = new int[m], eg = new int[m];
        String[] esig = new String[m];
        double[] med = new double[m], min = new double[m];
        for (int k = 0; k < m; k++) {
            src[k] = node[e.a[k]];
            dst[k] = node[e.b[k]];
            strength[src[k]] += e.weight[k];
            strength[dst[k]] += e.weight[k];
            esig[k] = signals(e.signals[k]);
            med[k] = gapSeconds(e.medianGapMs[k]);
            min[k] = gapSeconds(e.minGapMs[k]);
            eg[k] = edgeGroup(k);
        }
        return Graph.builder(ids).labels(labels).colors(Palette.nodeColors(group))
                .description("Lockstep coordination network: accounts (nodes) that repeatedly acted alike within seconds (edges). "
                        + "Edge weight: " + weightMeaning() + ".")
                .nodeColumn("handle", handles).nodeColumn("group", group).nodeColumn("component", comp).nodeColumn("degree", degree)
                .nodeColumn("strength", strength).nodeColumn("co_actions", co).nodeColumn("signals", sig).nodeColumn("posts", postCount)
                .nodeColumn("created_at", created)
                .edges(src, dst, e.weight)
                .edgeColumn("co_actions", e.coActions).edgeColumn("objects", e.objects).edgeColumn("episodes", e.episodes).edgeColumn("signals", esig)
                .edgeColumn("median_gap_s", med).edgeColumn("min_gap_s", min).edgeColumn("p_value", e.pValue).edgeColumn("q_value", e.qValue)
                .edgeColumn("a_first", e.aFirst).edgeColumn("b_first", e.bFirst).edgeColumn("group", eg)
                .build();
    }

    String weightMeaning() {
        return r.config().selection() == CoordinationConfig.Selection.SIGNIFICANCE
                ? "-log10(p-value) of the pair under the null model" : "number of co-actions";
    }

    /** The parameters used, as written in summary.json and shown in the report: the config record itself. */
    Map<String, Object> parameters() {
        Map<String, Object> p = JSON.convertValue(org.lockstep.io.out.ConfigJson.tree(r.config()),
                new com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, Object>>() {});
        p.put("threads_used", r.config().effectiveThreads());
        return p;
    }

    Map<String, Object> inputCounts() {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("source", source);
        ReadReport rep = loaded.report();
        if (!fromDatabase) {
            in.put("files", rep.files());
            in.put("files_failed", rep.filesFailed());
            in.put("records", rep.records());
            in.put("rejected", rep.rejected());
            in.put("warnings", rep.warnings());
            in.put("posts_by_format", rep.postsByFormat());
        }
        in.put("posts", table.size());
        in.put("duplicates", loaded.duplicates());
        in.put("conflicts", loaded.conflicts());
        in.put("accounts", table.accounts().size());
        in.put("first_post", table.size() > 0 ? iso(table.time(0)) : null);
        in.put("last_post", table.size() > 0 ? iso(table.time(table.size() - 1)) : null);
        return in;
    }

    Map<String, Object> summary(long writeMs, long totalMs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", "detect");
        m.put("accounts", r.accountCount());
        m.put("edges", r.edges().size());
        m.put("groups", r.groups().size());
        m.put("components", r.components());
        m.put("edge_weight", weightMeaning());
        m.put("input", inputCounts());
        m.put("parameters", parameters());
        CoordinationResult.Counts c = r.counts();
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("co_action_rows", c.actions());
        counts.put("candidate_pairs", c.candidatePairs());
        counts.put("timing_hypotheses", c.timingHypotheses());
        counts.put("cooccurrence_hypotheses", c.sharedHypotheses());
        counts.put("tested_pairs", c.testedPairs());
        counts.put("kept_edges", c.keptEdges());
        counts.put("co_action_pairs", c.coActionPairs());
        counts.put("dropped_pairs_viral_bound", c.droppedPairs());
        counts.put("capped_objects", c.cappedObjects());
        counts.put("ignored_actions_min_participation", c.ignoredActions());
        counts.put("near_text_pairs", c.nearTextPairs());
        counts.put("skipped_text_buckets", c.skippedBuckets());
        counts.put("evidence_pairs", r.evidence().total());
        m.put("counts", counts);
        m.put("time_resolution_s", seconds(c.timeResolutionMs()));
        if (r.edges().size() == 0) m.put("why_nothing", whyNothing());
        CoordinationResult.Timings t = r.timings();
        Map<String, Object> tm = new LinkedHashMap<>();
        tm.put("read", readMs);
        tm.put("extract", t.extractMs());
        tm.put("pairs", t.pairsMs());
        tm.put("significance", t.significanceMs());
        tm.put("groups", t.groupsMs());
        tm.put("evidence", t.evidenceMs());
        tm.put("detect", t.totalMs());
        tm.put("write", writeMs);
        tm.put("total", totalMs);
        m.put("run_time_ms", tm);
        List<Map<String, Object>> top = new ArrayList<>();
        for (GroupStats g : r.groups()) {
            if (top.size() >= 20) break;
            Map<String, Object> gm = new LinkedHashMap<>();
            gm.put("group", g.id());
            gm.put("size", g.size());
            gm.put("edges", g.edges());
            gm.put("density", g.density());
            gm.put("signals", signals(g.signals()));
            gm.put("first_action", iso(g.firstMs()));
            gm.put("last_action", iso(g.lastMs()));
            List<String> names = new ArrayList<>();
            for (int a : g.members()) {
                if (names.size() >= 20) break;
                names.add(name(a));
            }
            gm.put("members_first_20", names);
            top.add(gm);
        }
        m.put("top_groups", top);
        Map<String, String> files = new LinkedHashMap<>();
        files.put("summary", "summary.json");
        files.put("accounts", "accounts.csv");
        files.put("edges", "edges.csv");
        if (edgesCut) files.put("edges_all", "edges.parquet");
        files.put("groups", "groups.csv");
        files.put("evidence", "evidence.csv");
        if (evidenceCut) files.put("evidence_all", "evidence.parquet");
        for (String f : graphFiles()) files.put(f.startsWith("network.gexf") ? "network" : "network_graphml", f);
        files.put("report", "report.html");
        m.put("outputs", files);
        // CSVs are cut to what a spreadsheet opens; the complete tables are then in Parquet, never lost
        Map<String, Object> cut = new LinkedHashMap<>();
        cut.put("edges_in_csv", edgesInCsv);
        cut.put("edges", r.edges().size());
        cut.put("evidence_rows_in_csv", evidenceRowsInCsv);
        cut.put("evidence_rows", r.evidence().total());
        cut.put("evidence_edges_in_csv", evidenceEdgesInCsv);
        cut.put("limit_rows", csvMaxRows);
        cut.put("limit_bytes", csvMaxBytes);
        m.put("csv", cut);
        return m;
    }

    /**
     * Why a run kept nothing, for the terminal, summary.json and the report: what the input lacked and the
     * strongest pairs with their tests, and the option that shows every pair.
     */
    Map<String, Object> whyNothing() {
        Map<String, Object> m = new LinkedHashMap<>();
        List<String> reasons = new ArrayList<>();
        CoordinationResult.Counts c = r.counts();
        if (c.actions() == 0) {
            reasons.add("no signal could be built: the input has no reposts, replies, quotes, links, hashtags, texts or images"
                    + " for the enabled signals (" + signalsEnabled() + ")");
        } else if (c.candidatePairs() == 0) {
            reasons.add("no two accounts acted on the same object within the window or shared a rare object");
        } else if (c.testedPairs() == 0) {
            reasons.add(c.candidatePairs() + " pairs co-acted, none at least " + r.config().minRepetitions() + " times (--min-repetitions)");
        } else {
            reasons.add(c.testedPairs() + " pairs were tested; none passed the false discovery rate " + r.config().alpha()
                    + " over " + (c.timingHypotheses() + c.sharedHypotheses()) + " hypotheses (" + c.timingHypotheses()
                    + " timing, " + c.sharedHypotheses() + " co-occurrence)");
        }
        long derived = 0;
        for (int r = 0; r < table.size(); r++) if (table.derived(r)) derived++;
        if (derived > 0) {
            reasons.add(derived + " reposts had no original id: their objects were derived from the original's author and text");
        }
        m.put("reasons", reasons);
        List<Map<String, Object>> top = new ArrayList<>();
        for (CoordinationResult.Candidate k : r.strongestRejected()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("account_a", name(k.a()));
            x.put("account_b", name(k.b()));
            x.put("episodes", k.episodes());
            x.put("co_actions", k.coActions());
            x.put("shared_objects", k.sharedObjects());
            x.put("expected_episodes", finite(k.expectedEpisodes()));
            x.put("p_timing", finite(k.pTiming()));
            x.put("expected_shared", finite(k.expectedShared()));
            x.put("p_cooccurrence", finite(k.pShared()));
            x.put("q_value", finite(k.q()));
            top.add(x);
        }
        m.put("strongest_pairs", top);
        m.put("try", "--selection all keeps every pair with at least --min-repetitions episodes, with its p-values, in edges.csv");
        return m;
    }

    private static Object finite(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
    }

    private String signalsEnabled() {
        StringBuilder b = new StringBuilder();
        for (Signal s : r.config().windowsMs().keySet()) b.append(b.length() > 0 ? ", " : "").append(s.label());
        return b.toString();
    }
}
