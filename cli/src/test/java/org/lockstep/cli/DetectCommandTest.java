package org.lockstep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** End to end: files in, every output read back with a real parser. */
class DetectCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String EVIL_A = "=HYPERLINK(\"http://evil.example\",\"x\")";
    static final String EVIL_B = "<img src=x onerror=alert(1)>";

    /**
     * CooRTweet input: three accounts (one with a formula for an id, one with markup) share the same
     * 5 objects within seconds; a fourth shares them hours later; one row has a bad timestamp.
     */
    static Path smallCsv(Path dir) throws Exception {
        StringBuilder b = new StringBuilder("object_id,account_id,content_id,timestamp_share\n");
        long t = 1_600_000_000L;
        String[] accts = {EVIL_A, EVIL_B, "carol"};
        for (int o = 0; o < 5; o++) {
            for (int a = 0; a < 3; a++) {
                b.append(csv("obj" + o)).append(',').append(csv(accts[a])).append(',').append("c" + o + "_" + a).append(',')
                        .append(t + o * 3600 + a * 5).append('\n');
            }
            b.append("obj").append(o).append(",dave,d").append(o).append(',').append(t + o * 3600 + 1800).append('\n');
        }
        b.append("obj9,erin,e1,not-a-time\n");
        Path f = dir.resolve("shares.csv");
        Files.writeString(f, b.toString());
        return f;
    }

    static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    static final class Run {
        int code;
        String out, err;
    }

    static Run run(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        Run r = new Run();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            r.code = Main.run(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        r.out = out.toString(StandardCharsets.UTF_8);
        r.err = err.toString(StandardCharsets.UTF_8);
        return r;
    }

    static List<Map<String, String>> readCsv(Path f) throws Exception {
        List<List<String>> rows = Csv.parse(Files.readString(f));
        List<Map<String, String>> out = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            assertEquals(rows.get(0).size(), row.size(), "every row as wide as the header in " + f.getFileName());
            Map<String, String> m = new HashMap<>();
            for (int i = 0; i < row.size(); i++) m.put(rows.get(0).get(i), row.get(i));
            out.add(m);
        }
        return out;
    }

    static List<String> header(Path f) throws Exception {
        return Csv.parse(Files.readString(f)).get(0);
    }

    static Document xml(Path f) throws Exception {
        DocumentBuilderFactory d = DocumentBuilderFactory.newInstance();
        d.setNamespaceAware(true);
        d.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return d.newDocumentBuilder().parse(new ByteArrayInputStream(Files.readAllBytes(f)));
    }

    @Test
    void smallCaseEveryOutput(@TempDir Path dir) throws Exception {
        Path in = smallCsv(dir);
        Path out = dir.resolve("out");
        Path quarantine = dir.resolve("rejected.jsonl");
        // timing only here (dave shares every object 30 min later: a co-occurrence pair, checked below)
        Run r = run("detect", in.toString(), "--out", out.toString(), "--selection", "all", "--min-repetitions", "3",
                "--evidence-per-edge", "2", "--quarantine", quarantine.toString(), "--json", "--no-cooccurrence", "--graphml");
        assertEquals(0, r.code, r.err);
        JsonNode s = JSON.readTree(r.out);
        assertEquals(s, JSON.readTree(Files.readString(out.resolve("summary.json"))), "--json prints summary.json");
        assertEquals(3, s.get("accounts").asInt());
        assertEquals(3, s.get("edges").asInt());
        assertEquals(1, s.get("components").asInt());
        assertTrue(s.get("groups").asInt() >= 1);
        assertEquals(20, s.at("/input/posts").asInt());
        assertEquals(21, s.at("/input/records").asInt());
        assertEquals(1, s.at("/input/rejected").asInt());
        assertEquals("all", s.at("/parameters/selection").asText());
        assertEquals(3, s.at("/parameters/min_repetitions").asInt());
        assertEquals(2, s.at("/parameters/evidence_per_edge").asInt());
        assertTrue(s.at("/run_time_ms/total").asLong() >= 0);
        assertTrue(Files.readString(quarantine).contains("not-a-time"), "rejected row quarantined");

        Path accounts = out.resolve("accounts.csv");
        assertEquals(List.of("account_id", "handle", "group", "component", "degree", "signals"), header(accounts).subList(0, 6));
        List<Map<String, String>> acc = readCsv(accounts);
        assertEquals(3, acc.size());
        Set<String> ids = new HashSet<>();
        for (Map<String, String> a : acc) {
            ids.add(a.get("account_id"));
            assertEquals("2", a.get("degree"));
            assertEquals("0", a.get("component"));
            assertEquals("5", a.get("posts"));
        }
        assertEquals(Set.of("'" + EVIL_A, EVIL_B, "carol"), ids, "formula neutralised, dave not linked");

        Path edges = out.resolve("edges.csv");
        assertEquals(List.of("account_a", "account_b", "weight", "co_actions", "signals", "median_gap_s", "p_value", "q_value"),
                header(edges).subList(0, 8));
        List<Map<String, String>> ed = readCsv(edges);
        assertEquals(3, ed.size());
        for (Map<String, String> e : ed) {
            assertEquals("5", e.get("co_actions"));
            assertEquals("5", e.get("objects"));
            assertEquals("2", e.get("evidence_pairs"));
            double gap = Double.parseDouble(e.get("median_gap_s"));
            assertTrue(gap == 5 || gap == 10, "median gap " + gap);
        }

        List<Map<String, String>> ev = readCsv(out.resolve("evidence.csv"));
        assertEquals(3 * 2, ev.size(), "capped at 2 pairs per edge");
        for (Map<String, String> e : ev) {
            assertEquals("5", e.get("co_actions"), "true count kept");
            assertEquals("2", e.get("pairs_shown"));
            assertTrue(e.get("object").startsWith("obj"));
            assertTrue(e.get("time_a").endsWith("Z") && e.get("time_a").startsWith("2020-09-13T"));
            double gap = Double.parseDouble(e.get("gap_s"));
            assertEquals(Math.abs(gap), Math.abs(java.time.Duration.between(java.time.Instant.parse(e.get("time_a")),
                    java.time.Instant.parse(e.get("time_b"))).toSeconds()), 1e-9);
            assertFalse(e.get("post_a").isEmpty() || e.get("post_b").isEmpty());
        }

        List<Map<String, String>> gr = readCsv(out.resolve("groups.csv"));
        int members = 0;
        for (Map<String, String> g : gr) members += Integer.parseInt(g.get("size"));
        assertEquals(3, members);

        Document gexf = xml(out.resolve("network.gexf"));
        assertEquals(3, gexf.getElementsByTagNameNS("http://gexf.net/1.3", "node").getLength());
        assertEquals(3, gexf.getElementsByTagNameNS("http://gexf.net/1.3", "edge").getLength());
        Set<String> gexfIds = new HashSet<>();
        NodeList nodes = gexf.getElementsByTagNameNS("http://gexf.net/1.3", "node");
        for (int i = 0; i < nodes.getLength(); i++) gexfIds.add(((Element) nodes.item(i)).getAttribute("id"));
        assertEquals(Set.of(EVIL_A, EVIL_B, "carol"), gexfIds, "XML keeps ids exactly");
        Document graphml = xml(out.resolve("network.graphml"));
        assertEquals(3, graphml.getElementsByTagNameNS("http://graphml.graphdrawing.org/xmlns", "node").getLength());
        assertEquals(3, graphml.getElementsByTagNameNS("http://graphml.graphdrawing.org/xmlns", "edge").getLength());

        Path html = out.resolve("report.html");
        Document report = xml(html);
        assertEquals(0, report.getElementsByTagName("img").getLength(), "account id shown as text, not an element");
        assertEquals(0, report.getElementsByTagName("script").getLength());
        String text = report.getDocumentElement().getTextContent();
        assertTrue(text.contains(EVIL_B));
        assertTrue(text.contains("Top groups"));
        assertTrue(text.contains("obj0"), "evidence objects in the report");
        assertTrue(report.getElementsByTagNameNS("http://www.w3.org/2000/svg", "circle").getLength() >= 3, "network drawn");
    }

    @Test
    void fromCaseDatabase(@TempDir Path dir) throws Exception {
        Path in = smallCsv(dir);
        Path db = dir.resolve("case.duckdb");
        Run ingest = run("ingest", "--db", db.toString(), in.toString());
        assertEquals(0, ingest.code, ingest.err);
        Path out = dir.resolve("out");
        Run r = run("detect", "--db", db.toString(), "--out", out.toString(), "--selection", "all", "--min-repetitions", "3", "--json",
                "--no-cooccurrence");
        assertEquals(0, r.code, r.err);
        JsonNode s = JSON.readTree(r.out);
        assertEquals(3, s.get("accounts").asInt());
        assertEquals(3, s.get("edges").asInt());
        assertEquals(20, s.at("/input/posts").asInt());
        assertTrue(s.at("/input/source").asText().startsWith("case database"));
        assertEquals(Main.USAGE, run("detect", "--db", db.toString(), in.toString(), "--out", out.toString()).code, "not both");
        // the run and its rows are recorded in the case, matching the files
        try (org.lockstep.io.store.CaseDb c = org.lockstep.io.store.CaseDb.openReadOnly(db);
                java.sql.Statement st = c.connection().createStatement()) {
            java.sql.ResultSet rs = st.executeQuery("SELECT count(*), min(command), min(status), min(parameters) FROM runs");
            rs.next();
            assertEquals(1, rs.getInt(1));
            assertEquals("detect", rs.getString(2));
            assertEquals("done", rs.getString(3), r.err);
            assertEquals(3, JSON.readTree(rs.getString(4)).get("min_repetitions").asInt(), "parameters as in summary.json");
            rs = st.executeQuery("SELECT (SELECT count(*) FROM coord_accounts), (SELECT count(*) FROM coord_edges),"
                    + " (SELECT count(*) FROM coord_evidence), (SELECT sum(evidence_pairs) FROM coord_edges)");
            rs.next();
            assertEquals(3, rs.getInt(1));
            assertEquals(3, rs.getInt(2));
            assertEquals(readCsv(out.resolve("evidence.csv")).size(), rs.getInt(3), "one row per evidence.csv row");
            assertEquals(rs.getInt(3), rs.getInt(4));
            Set<String> ids = new HashSet<>();
            rs = st.executeQuery("SELECT account_id FROM coord_accounts");
            while (rs.next()) ids.add(rs.getString(1));
            assertEquals(Set.of(EVIL_A, EVIL_B, "carol"), ids, "ids stored exactly (no formula guard inside the database)");
        }
    }

    @Test
    void optionsBecomeTheEngineConfig() {
        DetectCommand c = new DetectCommand();
        new picocli.CommandLine(c).parseArgs("--out", "x", "--signals", "co-repost,co-link", "--window", "30", "--signal-window",
                "co-domain=any", "--signal-window", "co-link=300", "--fast-window", "5", "--alpha", "0.01", "--min-repetitions", "4",
                "--evidence-per-edge", "7", "--leiden-resolution", "0.5", "--seed", "9", "--episode-gap", "120");
        org.lockstep.core.coord.CoordinationConfig cfg = c.config();
        assertEquals(30_000, cfg.windowMs(org.lockstep.core.coord.Signal.CO_REPOST));
        assertEquals(300_000, cfg.windowMs(org.lockstep.core.coord.Signal.CO_LINK));
        assertEquals(org.lockstep.core.coord.CoordinationConfig.ANY_TIME, cfg.windowMs(org.lockstep.core.coord.Signal.CO_DOMAIN));
        assertEquals(-1, cfg.windowMs(org.lockstep.core.coord.Signal.CO_TEXT), "signals not listed are off");
        assertEquals(5_000, cfg.fastWindowMs());
        assertEquals(0.01, cfg.alpha());
        assertEquals(4, cfg.minRepetitions());
        assertEquals(7, cfg.evidencePerEdge());
        assertEquals(0.5, cfg.leidenResolution());
        assertEquals(9, cfg.seed());
        assertEquals(120_000, cfg.episodeGapMs());

        DetectCommand m = new DetectCommand();
        new picocli.CommandLine(m).parseArgs("--out", "x", "--min-edge-weight", "3");
        assertEquals(org.lockstep.core.coord.CoordinationConfig.Selection.MIN_WEIGHT, m.config().selection());
        assertEquals(3, m.config().minEdgeWeight());

        DetectCommand p = new DetectCommand();
        new picocli.CommandLine(p).parseArgs("--out", "x", "--preset", "coortweet");
        assertEquals(org.lockstep.core.coord.CoordinationConfig.coortweet(10, 2, 0.5), p.config(), "CooRTweet's own defaults");

        // the multi-modal vignette: the preset with --signals detects those signals, each with the preset's window
        DetectCommand mm = new DetectCommand();
        new picocli.CommandLine(mm).parseArgs("--out", "x", "--preset", "coortweet", "--signals", "co-link,co-image", "--window", "30");
        org.lockstep.core.coord.CoordinationConfig mmc = mm.config();
        assertEquals(java.util.Map.of(org.lockstep.core.coord.Signal.CO_LINK, 30_000L, org.lockstep.core.coord.Signal.CO_IMAGE, 30_000L),
                mmc.windowsMs());
        assertEquals(org.lockstep.core.coord.CoordinationConfig.Preset.COORTWEET, mmc.preset());
        assertEquals(2, mmc.minParticipation());
    }

    @Test
    void exitCodesMeanSomething(@TempDir Path dir) throws Exception {
        assertEquals(Main.USAGE, run("detect", "--out", dir.resolve("o").toString()).code, "no input");
        Path empty = dir.resolve("junk.csv");
        Files.writeString(empty, "object_id,account_id,content_id,timestamp_share\nx,y,z,never\n");
        assertEquals(Main.NOTHING_READ, run("detect", empty.toString(), "--out", dir.resolve("o").toString()).code);
        Path in = smallCsv(dir);
        assertEquals(Main.TOO_MANY_ERRORS, run("detect", in.toString(), "--out", dir.resolve("o").toString(), "--max-errors", "0").code);
        assertEquals(Main.USAGE, run("detect", in.toString(), "--out", dir.resolve("o").toString(), "--signals", "telepathy").code);
        assertEquals(Main.USAGE, run("detect", in.toString(), "--out", dir.resolve("o").toString(), "--preset", "nope").code);
        Run help = run("detect", "--help");
        assertEquals(0, help.code);
        assertTrue(help.out.contains("--evidence-per-edge"));
    }

    @Test
    void cooRTweetPresetMatchesOnRussianTweets(@TempDir Path dir) throws Exception {
        Path shared = Path.of(System.getProperty("lockstep.shared", "../shared"));
        Path data = shared.resolve("data/coortweet/russian_coord_tweets.csv.gz");
        Path ref = shared.resolve("data/coortweet/coortweet_russian_tw60_mp2_ew05_edges.csv");
        Assumptions.assumeTrue(Files.isReadable(data) && Files.isReadable(ref), "skipped: " + data + " absent (the ../shared data set)");
        Path out = dir.resolve("out");
        Run r = run("detect", data.toString(), "--out", out.toString(), "--preset", "coortweet", "--window", "60",
                "--min-participation", "2", "--edge-weight", "0.5", "--json");
        assertEquals(0, r.code, r.err);
        JsonNode s = JSON.readTree(Files.readString(out.resolve("summary.json")));
        assertEquals(94, s.get("accounts").asInt());
        assertEquals(60, s.get("edges").asInt());
        assertEquals(34, s.get("components").asInt());
        assertEquals("coortweet", s.at("/parameters/preset").asText());
        Set<String> want = new HashSet<>(), got = new HashSet<>();
        for (Map<String, String> e : readCsv(ref)) want.add(pair(e.get("from"), e.get("to")));
        for (Map<String, String> e : readCsvLenient(out.resolve("edges.csv"))) got.add(pair(e.get("account_a"), e.get("account_b")));
        assertEquals(want, got, "same edges as CooRTweet");
        assertEquals(94, readCsv(out.resolve("accounts.csv")).size());
        assertEquals(94, xml(out.resolve("network.gexf")).getElementsByTagNameNS("http://gexf.net/1.3", "node").getLength());
    }

    static List<Map<String, String>> readCsvLenient(Path f) throws Exception {
        return readCsv(f);
    }

    static String pair(String a, String b) {
        return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
    }

    /** With the co-occurrence test, dave (every object, 30 min after the others) is paired, by rare objects shared. */
    @Test
    void laggedSharerIsACooccurrencePair(@TempDir Path dir) throws Exception {
        Path in = smallCsv(dir);
        Path out = dir.resolve("out");
        Run r = run("detect", in.toString(), "--out", out.toString(), "--selection", "all", "--min-repetitions", "3");
        assertEquals(0, r.code, r.err);
        int daveEdges = 0;
        for (Map<String, String> e : readCsv(out.resolve("edges.csv"))) {
            if (!e.get("account_a").equals("dave") && !e.get("account_b").equals("dave")) continue;
            daveEdges++;
            assertEquals("5", e.get("shared_objects"));
            assertEquals("0", e.get("co_actions"), "never within the window");
        }
        assertEquals(3, daveEdges);
        long lagged = readCsv(out.resolve("evidence.csv")).stream().filter(e -> e.get("within_window").equals("no")).count();
        assertTrue(lagged >= 3, "evidence of the lagged shares: " + lagged);
    }

    /** Never a silent zero: when nothing is kept, the terminal, summary.json and the report say why. */
    @Test
    void nothingKeptSaysWhy(@TempDir Path dir) throws Exception {
        Path in = smallCsv(dir);
        Path out = dir.resolve("out");
        Run r = run("detect", in.toString(), "--out", out.toString(), "--alpha", "1e-12");
        assertEquals(0, r.code, r.err);
        JsonNode s = JSON.readTree(Files.readString(out.resolve("summary.json")));
        assertEquals(0, s.get("accounts").asInt());
        JsonNode why = s.get("why_nothing");
        assertTrue(why.get("reasons").get(0).asText().contains("none passed the false discovery rate 1.0E-12"), why.toString());
        JsonNode top = why.get("strongest_pairs");
        assertTrue(top.size() >= 3, "the three co-acting pairs: " + top);
        assertEquals(5, top.get(0).get("episodes").asInt());
        assertTrue(top.get(0).get("p_timing").asDouble() < 1e-3);
        assertTrue(r.err.contains("strongest pairs"), r.err);
        assertTrue(r.err.contains("--selection all"), r.err);
        assertTrue(Files.readString(out.resolve("report.html")).contains("The strongest pairs that were not kept"));
    }
}
