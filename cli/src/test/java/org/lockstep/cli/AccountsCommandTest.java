package org.lockstep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lockstep.core.accounts.AccountFeature;
import org.lockstep.sim.SimConfig;
import org.lockstep.sim.Simulator;

/** {@code lockstep accounts} on a simulated scenario, with and without training on the ground truth. */
class AccountsCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesExplainedScoresAndTrainsOnLabels() throws Exception {
        Path posts = dir.resolve("p.jsonl"), roles = dir.resolve("accounts.csv");
        try (OutputStream p = Files.newOutputStream(posts); OutputStream a = Files.newOutputStream(roles)) {
            Simulator.run(SimConfig.scenario("election", 30_000, 11), p, null, a, null);
        }
        Path out = dir.resolve("out");
        assertEquals(Main.OK, Main.run("accounts", posts.toString(), "--out", out.toString(), "--no-coord",
                "--train", roles.toString(), "--trainer", "logistic"));
        List<String> lines = Files.readAllLines(out.resolve("accounts.csv"), StandardCharsets.UTF_8);
        List<String> header = CampaignsSupport.splitCsv(lines.get(0));
        assertEquals("account_id", header.get(0));
        for (AccountFeature f : AccountFeature.values()) {
            assertTrue(header.contains(f.key()) && header.contains(f.key() + "_contribution"), f.key());
        }
        // rows sorted by score, contributions = value x weight of model.json
        JsonNode model = new ObjectMapper().readTree(out.resolve("model.json").toFile());
        assertTrue(model.path("trained").asBoolean());
        JsonNode held = model.path("held_out");
        assertTrue(held.path("auc").asDouble() >= 0.9, "held-out AUC " + held);
        assertTrue(held.path("accuracy").asDouble() >= 1 - held.path("base_rate").asDouble(), "beats the majority class: " + held);
        List<String> row = CampaignsSupport.splitCsv(lines.get(1));
        int score = header.indexOf("score"), logit = header.indexOf("logit");
        double z = model.path("bias").asDouble();
        for (AccountFeature f : AccountFeature.values()) {
            double v = Double.parseDouble(row.get(header.indexOf(f.key())));
            double c = Double.parseDouble(row.get(header.indexOf(f.key() + "_contribution")));
            assertEquals(v * model.path("weights").path(f.key()).asDouble(), c, 2e-4 + 1e-4 * Math.abs(c));
            z += c;
        }
        assertEquals(Double.parseDouble(row.get(logit)), z, 0.01);
        assertEquals(1 / (1 + Math.exp(-z)), Double.parseDouble(row.get(score)), 0.002);
        double prev = Double.POSITIVE_INFINITY;
        for (int i = 1; i < lines.size(); i++) {
            double s = Double.parseDouble(CampaignsSupport.splitCsv(lines.get(i)).get(score));
            assertTrue(s <= prev);
            prev = s;
        }
        // the trained model can be reused
        Path out2 = dir.resolve("out2");
        assertEquals(Main.OK, Main.run("accounts", posts.toString(), "--out", out2.toString(), "--no-coord",
                "--model", out.resolve("model.json").toString()));
        assertEquals(Files.readAllLines(out.resolve("accounts.csv")), Files.readAllLines(out2.resolve("accounts.csv")));
    }

    /** --train-from-case: the analysts' latest label per account (unsure left out) is the training set. */
    @Test
    void trainsOnTheLabelsStoredInTheCase() throws Exception {
        Path posts = dir.resolve("p.jsonl"), roles = dir.resolve("accounts.csv"), db = dir.resolve("case.duckdb");
        try (OutputStream p = Files.newOutputStream(posts); OutputStream a = Files.newOutputStream(roles)) {
            Simulator.run(SimConfig.scenario("election", 20_000, 11), p, null, a, null);
        }
        assertEquals(Main.OK, Main.run("ingest", "--db", db.toString(), posts.toString()));
        int expected;
        try (org.lockstep.io.store.CaseDb c = org.lockstep.io.store.CaseDb.open(db); java.sql.Statement st = c.connection().createStatement()) {
            st.execute("INSERT INTO labels SELECT row_number() OVER (ORDER BY account_id), 'account', account_id,"
                    + " CASE WHEN role = 'organic' THEN 'benign' ELSE 'coordinated' END, NULL, 'ana', now()::TIMESTAMP"
                    + " FROM read_csv('" + roles + "', all_varchar = true)");
            // a second look: five organic accounts become unsure (their latest label), so they are left out
            st.execute("INSERT INTO labels SELECT 1000000 + row_number() OVER (ORDER BY item_id), 'account', item_id, 'unsure', NULL, 'bob',"
                    + " now()::TIMESTAMP FROM (SELECT item_id FROM labels WHERE label = 'benign' AND item_id IN (SELECT account_id FROM posts)"
                    + " ORDER BY item_id LIMIT 5)");
            java.sql.ResultSet rs = st.executeQuery("SELECT count(DISTINCT l.item_id) FROM labels l JOIN posts p ON p.account_id = l.item_id"
                    + " WHERE l.kind = 'account' AND l.item_id NOT IN (SELECT item_id FROM labels WHERE label = 'unsure')");
            rs.next();
            expected = rs.getInt(1);
        }
        Path out = dir.resolve("from-case");
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        java.io.PrintStream old = System.out;
        int rc;
        try {
            System.setOut(new java.io.PrintStream(buf, true, StandardCharsets.UTF_8));
            rc = Main.run("accounts", "--db", db.toString(), "--out", out.toString(), "--no-coord", "--train-from-case", "--trainer", "logistic", "--json");
        } finally {
            System.setOut(old);
        }
        assertEquals(Main.OK, rc);
        JsonNode summary = new ObjectMapper().readTree(buf.toString(StandardCharsets.UTF_8));
        assertEquals(expected, summary.path("labelled").asInt(), "every active account with a label, less the unsure ones");
        assertTrue(new ObjectMapper().readTree(out.resolve("model.json").toFile()).path("trained").asBoolean());
        assertEquals(Main.USAGE, Main.run("accounts", posts.toString(), "--out", dir.resolve("x").toString(), "--train-from-case"), "needs --db");
        // the scores are recorded in the case as a run of accounts
        try (org.lockstep.io.store.CaseDb c = org.lockstep.io.store.CaseDb.openReadOnly(db); java.sql.Statement st = c.connection().createStatement()) {
            java.sql.ResultSet rs = st.executeQuery("SELECT count(*), (SELECT count(DISTINCT account_id) FROM posts) FROM account_scores");
            rs.next();
            assertEquals(rs.getInt(2), rs.getInt(1), "one score per active account");
        }
    }
}
