package org.lockstep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lockstep demo}: simulates an election scenario with planted operations, ingests it into a case
 * database, runs every analysis on it and checks what was found against the simulator's ground truth.
 * It only calls the other commands, so what it shows is what a user gets from them.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Simulates a small election scenario with planted operations (sock puppets, a hack-and-leak storm,",
            "a copy-pasted narrative, look-alike domains), ingests it, runs coordination, campaign, account and",
            "domain detection, and compares what was found with the ground truth."})
final class DemoCommand implements Callable<Integer> {
    @Option(names = {"-o", "--out"}, defaultValue = "lockstep-demo", paramLabel = "DIR",
            description = "Where to write the scenario, the case database and the reports (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--posts", defaultValue = "50000", paramLabel = "N", description = "Posts to simulate (default: ${DEFAULT-VALUE}).")
    int posts;

    @Option(names = "--seed", defaultValue = "7", paramLabel = "S", description = "Simulator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws IOException {
        Files.createDirectories(out);
        Path scenario = out.resolve("scenario.jsonl.gz");
        Path db = out.resolve("case.duckdb");
        Files.deleteIfExists(db);
        Files.deleteIfExists(out.resolve("case.duckdb.wal"));

        step("1/7 simulate " + String.format(Locale.ROOT, "%,d", posts) + " posts (seed " + seed + ")");
        int rc = Main.run("simulate", "--scenario", "election", "--posts", String.valueOf(posts), "--seed",
                String.valueOf(seed), "--out", scenario.toString());
        if (rc != Main.OK) return rc;

        step("2/7 ingest into the case database " + db);
        rc = Main.run("ingest", "--db", db.toString(), scenario.toString());
        if (rc != Main.OK) return rc;

        step("3/7 coordination: accounts acting in lockstep");
        Path coord = out.resolve("coordination");
        rc = Main.run("detect", "--db", db.toString(), "--out", coord.toString());
        if (rc != Main.OK) return rc;

        step("4/7 campaigns: what is being pushed, by whom, from where it started");
        Path campaigns = out.resolve("campaigns");
        String groups = coord.resolve("accounts.csv").toString();
        int campaignsRc = Main.run("campaigns", "--db", db.toString(), "--groups", groups, "--out", campaigns.toString());

        step("5/7 accounts: explainable signs of sock puppets and automation");
        Path accounts = out.resolve("accounts");
        int accountsRc = Main.run("accounts", "--db", db.toString(), "--groups", groups, "--out", accounts.toString());

        step("6/7 look-alike domains of the protected campaign site");
        JsonNode labels = new ObjectMapper().readTree(out.resolve("scenario.labels.json").toFile());
        String protectedDomain = protectedDomain(labels);
        Path protect = out.resolve("protect.txt");
        Files.writeString(protect, "# demo: the campaign site the simulated operation imitates\n" + protectedDomain + "\n");
        Path lookalikes = out.resolve("lookalikes.tsv");
        // from the case (not the file), so that the look-alikes are also recorded in it for lockstep serve
        int domainsRc = Main.run("domains", "match", "--protect", protect.toString(), "--db", db.toString(),
                "--output", lookalikes.toString());
        if (domainsRc == Main.OK) printHead(lookalikes, 12);

        step("ground truth: planted accounts found by coordination detection");
        groundTruth(labels, coord.resolve("accounts.csv"));

        step("7/7 plans: a chatroom's calls to action linked to the public posts that carried them out");
        Path plans = out.resolve("plans");
        int plansRc = chatroom(out.resolve("chatroom"), plans);

        System.out.println();
        System.out.println("Reports:");
        System.out.println("  coordination  " + coord.resolve("report.html").toAbsolutePath());
        if (campaignsRc == Main.OK) System.out.println("  campaigns     " + campaigns.resolve("report.html").toAbsolutePath());
        if (accountsRc == Main.OK) System.out.println("  accounts      " + accounts.resolve("accounts.csv").toAbsolutePath());
        if (domainsRc == Main.OK) System.out.println("  look-alikes   " + lookalikes.toAbsolutePath());
        if (plansRc == Main.OK) System.out.println("  plans         " + plans.resolve("report.html").toAbsolutePath());
        System.out.println("  case database " + db.toAbsolutePath() + "  (query it: duckdb " + db + ")");
        return campaignsRc == Main.OK && accountsRc == Main.OK && domainsRc == Main.OK && plansRc == Main.OK ? Main.OK : Main.FAILED;
    }

    /**
     * The chatroom scenario (planners in a Discord server calling raids; operatives executing most of them)
     * through {@code lockstep plans}, checked against its ground truth: executed calls found, their executors
     * found, calls never executed reported as such, organic accounts in the executing network.
     */
    private int chatroom(Path dir, Path plans) throws IOException {
        Files.createDirectories(dir);
        Path chat = dir.resolve("chat.json"), posts = dir.resolve("posts.jsonl"), truthFile = dir.resolve("truth.json");
        org.lockstep.sim.chat.ChatroomScenario.Truth truth = new org.lockstep.sim.chat.ChatroomScenario(
                org.lockstep.sim.chat.ChatroomScenario.Config.defaults(seed)).run(chat, posts, truthFile, null);
        int rc = Main.run("plans", "--chat", chat.toString(), "--tz", "Europe/Paris", posts.toString(), "--out", plans.toString());
        if (rc != Main.OK) return rc;
        JsonNode doc = new ObjectMapper().readTree(plans.resolve("plans.json").toFile());
        Map<String, JsonNode> byMessage = new HashMap<>();
        for (JsonNode c : doc.path("calls")) byMessage.put(c.path("message_id").asText(), c);
        int executed = 0, executedFound = 0, executors = 0, executorsFound = 0, never = 0, neverReported = 0;
        for (org.lockstep.sim.chat.ChatroomScenario.TruthCall t : truth.calls()) {
            JsonNode c = byMessage.get(t.messageId());
            boolean found = c != null && c.path("executed").asBoolean(false);
            if (!t.executed()) {
                never++;
                if (!found) neverReported++;
                continue;
            }
            executed++;
            if (!found) continue;
            executedFound++;
            Set<String> adopters = new HashSet<>();
            for (JsonNode a : c.path("adopters")) adopters.add(a.path("account_id").asText());
            executors += t.executors().size();
            for (String e : t.executors()) if (adopters.contains(e)) executorsFound++;
        }
        int organicInNetwork = 0;
        for (JsonNode a : doc.path("network")) if (truth.organicAccounts().contains(a.path("account_id").asText())) organicInNetwork++;
        System.out.printf(Locale.ROOT, "  executed calls found   %d of %d%n", executedFound, executed);
        System.out.printf(Locale.ROOT, "  their executors found  %d of %d (recall %.2f)%n", executorsFound, executors,
                executors == 0 ? 0.0 : (double) executorsFound / executors);
        System.out.printf(Locale.ROOT, "  never executed         %d of %d reported as not executed%n", neverReported, never);
        System.out.printf(Locale.ROOT, "  organic accounts in the executing network: %d%n", organicInNetwork);
        return Main.OK;
    }

    private static void step(String s) {
        System.out.println();
        System.out.println("== " + s);
    }

    private static String protectedDomain(JsonNode labels) {
        for (JsonNode op : labels.path("operations")) {
            if (op.path("type").asText().equals("lookalike_domains") && op.hasNonNull("protected")) {
                return op.get("protected").asText();
            }
        }
        return "en-marche.fr";
    }

    private static void printHead(Path file, int lines) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String l;
            int n = 0;
            while ((l = r.readLine()) != null && n++ < lines) System.out.println("  " + l);
        }
    }

    /** Recall per planted operation and precision over all flagged accounts, from accounts.csv. */
    static void groundTruth(JsonNode labels, Path accountsCsv) throws IOException {
        Map<String, String> planted = new HashMap<>();
        Map<String, Integer> size = new HashMap<>();
        List<String> order = new ArrayList<>();
        for (JsonNode op : labels.path("operations")) {
            String name = op.path("type").asText();
            order.add(name);
            int k = 0;
            for (JsonNode a : op.path("accounts")) {
                planted.put(a.asText(), name);
                k++;
            }
            size.put(name, k);
        }
        Set<String> flagged = new HashSet<>();
        // our own CSV read back by its own reader: quoted ids with commas, quotes or line breaks survive
        int[] col = {-1};
        org.lockstep.io.out.OwnCsv.forEach(accountsCsv, h -> col[0] = org.lockstep.io.out.OwnCsv.column(h, "account_id"), row -> {
            if (col[0] >= 0 && col[0] < row.size() && !row.get(col[0]).isEmpty()) flagged.add(row.get(col[0]));
        });
        Map<String, Integer> found = new HashMap<>();
        int truePositives = 0;
        for (String id : flagged) {
            String op = planted.get(id);
            if (op != null) {
                truePositives++;
                found.merge(op, 1, Integer::sum);
            }
        }
        for (String op : order) {
            int n = size.get(op);
            int f = found.getOrDefault(op, 0);
            System.out.printf(Locale.ROOT, "  %-20s %4d of %4d planted accounts flagged (recall %.2f)%n", op, f, n,
                    n == 0 ? 0.0 : (double) f / n);
        }
        System.out.printf(Locale.ROOT, "  precision %.2f: %d of %d flagged accounts were planted%n",
                flagged.isEmpty() ? 0.0 : (double) truePositives / flagged.size(), truePositives, flagged.size());
    }
}
