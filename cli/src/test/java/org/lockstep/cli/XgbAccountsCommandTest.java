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

/** {@code lockstep accounts --train} with the default XGBoost trainer on a simulated scenario's ground truth. */
class XgbAccountsCommandTest {
    @TempDir
    Path dir;

    @Test
    void trainsBoosterWritesShapContributionsAndReloads() throws Exception {
        Path posts = dir.resolve("p.jsonl"), roles = dir.resolve("accounts.csv");
        try (OutputStream p = Files.newOutputStream(posts); OutputStream a = Files.newOutputStream(roles)) {
            Simulator.run(SimConfig.scenario("election", 30_000, 11), p, null, a, null);
        }
        Path out = dir.resolve("out");
        assertEquals(Main.OK, Main.run("accounts", posts.toString(), "--out", out.toString(), "--no-coord",
                "--train", roles.toString()));
        assertTrue(Files.size(out.resolve("model.ubj")) > 0);
        JsonNode model = new ObjectMapper().readTree(out.resolve("model.json").toFile());
        assertEquals("xgboost", model.path("scorer").asText());
        JsonNode cmp = model.path("held_out_comparison");
        for (String k : List.of("default_weights", "logistic", "xgboost")) assertTrue(cmp.has(k), k + " in " + cmp);
        JsonNode x = cmp.path("xgboost");
        assertTrue(x.path("auc").asDouble() >= 0.9, "held-out AUC " + x);
        assertTrue(x.path("accuracy").asDouble() >= 1 - model.path("held_out").path("base_rate").asDouble(), "beats the majority class: " + x);

        // SHAP contributions + the (constant) bias sum to the logit; score = sigma(logit); sorted by score
        List<String> lines = Files.readAllLines(out.resolve("accounts.csv"), StandardCharsets.UTF_8);
        List<String> header = CampaignsSupport.splitCsv(lines.get(0));
        int score = header.indexOf("score"), logit = header.indexOf("logit");
        double bias = Double.NaN, prev = Double.POSITIVE_INFINITY;
        for (int i = 1; i < lines.size(); i++) {
            List<String> row = CampaignsSupport.splitCsv(lines.get(i));
            double z = Double.parseDouble(row.get(logit)), sum = 0;
            for (AccountFeature f : AccountFeature.values()) sum += Double.parseDouble(row.get(header.indexOf(f.key() + "_contribution")));
            if (Double.isNaN(bias)) bias = z - sum;
            assertEquals(bias, z - sum, 2e-3, "row " + i);
            double s = Double.parseDouble(row.get(score));
            assertEquals(1 / (1 + Math.exp(-z)), s, 2e-4);
            assertTrue(s <= prev);
            prev = s;
        }

        // the saved booster scores the same accounts identically
        Path out2 = dir.resolve("out2");
        assertEquals(Main.OK, Main.run("accounts", posts.toString(), "--out", out2.toString(), "--no-coord",
                "--model", out.resolve("model.ubj").toString()));
        assertEquals(lines, Files.readAllLines(out2.resolve("accounts.csv")));
        // and model.json still loads as the logistic weights
        Path out3 = dir.resolve("out3");
        assertEquals(Main.OK, Main.run("accounts", posts.toString(), "--out", out3.toString(), "--no-coord",
                "--model", out.resolve("model.json").toString()));
        assertEquals("logistic", new ObjectMapper().readTree(out3.resolve("model.json").toFile()).path("scorer").asText());
    }
}
