package org.lockstep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lockstep.core.coord.Coordination;
import org.lockstep.core.coord.CoordinationConfig;
import org.lockstep.core.coord.CoordinationResult;
import org.lockstep.io.out.OutputDir;
import org.lockstep.io.read.ReadOptions;
import org.lockstep.io.read.Readers;

/**
 * Outputs sized for people and machines: when a CSV would pass what a spreadsheet opens, it holds the
 * strongest edges (whole edges of evidence only) and the complete table is written as Parquet, so nothing
 * is lost. The budget is lowered here to two rows so the three-edge case of {@link DetectCommandTest}
 * shows the cut; the full tables are read back with DuckDB, a real Parquet consumer.
 */
class DetectOutputsSizingTest {

    @Test
    void aCutCsvHoldsTheStrongestEdgesAndParquetHoldsThemAll(@TempDir Path dir) throws Exception {
        Path in = DetectCommandTest.smallCsv(dir);
        Readers.Loaded loaded = Readers.table(List.of(in.toString()), ReadOptions.defaults(), true, p -> { });
        CoordinationConfig c = CoordinationConfig.builder().selection(CoordinationConfig.Selection.ALL).minRepetitions(3)
                .evidencePerEdge(2).cooccurrence(false).build();
        CoordinationResult r = Coordination.detect(loaded.table(), c);
        assertEquals(3, r.edges().size(), "the small case's three edges");
        DetectOutputs o = new DetectOutputs(loaded, in.toString(), false, r, 0, 100, 10, false);
        o.csvMaxRows = 2;
        o.strongestFirstAbove = 0;
        Path out = dir.resolve("out");
        o.writeAll(OutputDir.open(out, "detect", DetectOutputs.ALWAYS), System.nanoTime());

        // edges.csv: the two strongest edges by weight
        List<Map<String, String>> edges = DetectCommandTest.readCsv(out.resolve("edges.csv"));
        assertEquals(2, edges.size());
        List<Double> weights = new ArrayList<>();
        for (int e = 0; e < r.edges().size(); e++) weights.add(r.edges().weight[e]);
        weights.sort(java.util.Comparator.reverseOrder());
        assertEquals(weights.get(0), Double.parseDouble(edges.get(0).get("weight")), 1e-9);
        assertEquals(weights.get(1), Double.parseDouble(edges.get(1).get("weight")), 1e-9);
        // evidence.csv: whole edges only (2 pairs each), so one edge fits in two rows
        List<Map<String, String>> ev = DetectCommandTest.readCsv(out.resolve("evidence.csv"));
        assertEquals(2, ev.size());
        assertEquals(ev.get(0).get("account_a") + ev.get(0).get("account_b"), ev.get(1).get("account_a") + ev.get(1).get("account_b"));

        // the complete tables, as Parquet, with the values unguarded (a formula id is data, not a cell)
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            assertEquals(3, count(st, "SELECT count(*) FROM '" + out.resolve("edges.parquet") + "'"));
            assertEquals(6, count(st, "SELECT count(*) FROM '" + out.resolve("evidence.parquet") + "'"));
            assertEquals(1, count(st, "SELECT count(DISTINCT account_a) FROM '" + out.resolve("edges.parquet")
                    + "' WHERE account_a = '" + DetectCommandTest.EVIL_A.replace("'", "''") + "' OR account_b = '"
                    + DetectCommandTest.EVIL_A.replace("'", "''") + "'"), "the formula id kept exactly");
            try (ResultSet rs = st.executeQuery("SELECT typeof(weight), typeof(episodes) FROM '" + out.resolve("edges.parquet") + "' LIMIT 1")) {
                assertTrue(rs.next());
                assertEquals("DOUBLE", rs.getString(1));
                assertEquals("BIGINT", rs.getString(2));
            }
        }

        JsonNode s = DetectCommandTest.JSON.readTree(Files.readString(out.resolve("summary.json")));
        assertEquals(2, s.at("/csv/edges_in_csv").asInt());
        assertEquals(3, s.at("/csv/edges").asInt());
        assertEquals(2, s.at("/csv/evidence_rows_in_csv").asInt());
        assertEquals(6, s.at("/csv/evidence_rows").asInt());
        assertEquals("edges.parquet", s.at("/outputs/edges_all").asText());
        assertEquals("evidence.parquet", s.at("/outputs/evidence_all").asText());
        // one graph format by default: GEXF; GraphML only on request
        assertTrue(Files.exists(out.resolve("network.gexf")));
        assertFalse(Files.exists(out.resolve("network.graphml")));
        // no scratch database left behind
        try (var files = Files.list(out)) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().contains("scratch")), "scratch files removed");
        }
    }

    private static long count(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
