package org.lockstep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command, small: every step runs and the ground truth is compared. */
class DemoCommandTest {
    @TempDir Path dir;

    @Test
    void demoRunsEveryStepAndReportsRecallPerPlantedOperation() throws Exception {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int rc;
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            rc = Main.run("demo", "--out", dir.toString(), "--posts", "12000", "--seed", "3");
        } finally {
            System.setOut(old);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        assertEquals(Main.OK, rc, out);
        for (String f : new String[] {"scenario.jsonl.gz", "scenario.labels.json", "case.duckdb",
                "coordination/report.html", "coordination/evidence.csv", "campaigns/campaigns.json",
                "accounts/accounts.csv", "lookalikes.tsv", "plans/plans.json", "plans/report.html", "chatroom/chat.json"}) {
            assertTrue(Files.exists(dir.resolve(f)), f + " missing");
        }
        for (String op : new String[] {"sockpuppet_network", "hack_and_leak", "copypasta", "lookalike_domains"}) {
            assertTrue(out.contains(op), "ground truth line for " + op);
        }
        assertTrue(out.contains("precision"), out);
        // the chatroom: every executed call found, its executors found, no organic account among the executors
        java.util.regex.Matcher calls = java.util.regex.Pattern.compile("executed calls found\\s+(\\d+) of (\\d+)").matcher(out);
        assertTrue(calls.find(), out);
        assertEquals(calls.group(2), calls.group(1), "every executed call found");
        assertTrue(out.contains("organic accounts in the executing network: 0"), out);
        // the simulator plants look-alikes of en-marche.fr; at least one must be reported
        assertTrue(Files.readString(dir.resolve("lookalikes.tsv")).contains("en-marche.fr"));
        // the case holds every analysis as a run with its rows, for lockstep serve
        try (org.lockstep.io.store.CaseDb c = org.lockstep.io.store.CaseDb.openReadOnly(dir.resolve("case.duckdb"));
                java.sql.Statement st = c.connection().createStatement()) {
            java.sql.ResultSet rs = st.executeQuery("SELECT string_agg(command, ',' ORDER BY run_id), count(*) FILTER (WHERE status <> 'done') FROM runs");
            rs.next();
            assertEquals("detect,campaigns,accounts,domains", rs.getString(1));
            assertEquals(0, rs.getInt(2));
            rs = st.executeQuery("SELECT (SELECT count(*) FROM coord_edges), (SELECT count(*) FROM campaigns), (SELECT count(*) FROM account_scores),"
                    + " (SELECT count(*) FROM domain_matches WHERE protected LIKE '%en-marche.fr%')");
            rs.next();
            for (int i = 1; i <= 4; i++) assertTrue(rs.getInt(i) > 0, "results table " + i + " is empty");
        }
    }
}
