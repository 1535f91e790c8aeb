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
}
