package org.lockstep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lockstep.core.accounts.AccountFeature;
import org.lockstep.core.accounts.AccountSignals;
import org.lockstep.core.accounts.AccountSignalsConfig;
import org.lockstep.core.accounts.AccountSignalsResult;
import org.lockstep.core.accounts.CreationBatch;
import org.lockstep.core.accounts.LogisticModel;
import org.lockstep.core.accounts.LogisticTrainer;
import org.lockstep.io.train.XgbTrainer;
import org.lockstep.core.model.PostTable;
import org.lockstep.io.out.CsvWriter;
import org.lockstep.io.out.OutputDir;
import ml.dmlc.xgboost4j.java.Booster;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;

/** {@code lockstep accounts}: explainable per-account signals of fabricated or automated accounts. */
@Command(name = "accounts", mixinStandardHelpOptions = true,
        description = {"Explainable signs of sock puppets and automation per account, each with its contribution to a",
            "logistic score; creation batches that later act together. Writes accounts.csv, batches.csv and model.json.",
            "--train labels.csv fits gradient-boosted trees (XGBoost; or --trainer logistic) on your labelled accounts,",
            "explains each score by SHAP contributions and reports held-out accuracy, AUC and Brier score next to the",
            "default weights' and the logistic fit's."})
final class AccountsCommand implements Callable<Integer> {
    @Mixin
    InputOptions input;

    @Mixin
    InputOptions.Filter filter;

    @Option(names = "--out", required = true, description = "Output directory.")
    Path out;

    @Option(names = "--no-coord", description = "Do not run coordination detection for the coordinated-groups indicator.")
    boolean noCoord;

    @Option(names = "--groups", description = "Coordination groups: CSV with account_id and group columns.")
    Path groups;

    @Option(names = "--train", description = {"Labelled accounts: CSV with account_id and one of label/is_bot/bot (1/0, true/false,",
        "bot/human), role (organic* = 0, other = 1) or operation (empty = 0), e.g. the simulator's accounts.csv."})
    Path train;

    @Option(names = "--train-from-case", description = {"With --db: train on the analysts' labels stored in the case by lockstep serve",
        "(the latest label per account: coordinated = 1, benign = 0; unsure is left out)."})
    boolean trainFromCase;

    @Option(names = "--trainer", defaultValue = "xgboost", description = {"With --train: xgboost (gradient-boosted trees,",
        "SHAP contributions; default) or logistic (the in-house L2 logistic regression, contributions = value x weight)."})
    Trainer trainer;

    @Option(names = "--model", description = {"Score with a model from an earlier --train run: model.json (logistic weights)",
        "or model.ubj (the XGBoost booster)."})
    Path model;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the train/test split (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print a JSON summary on stdout.")
    boolean json;

    enum Trainer { xgboost, logistic }

    /** File name of the saved booster, next to model.json. */
    static final String BOOSTER_FILE = "model.ubj";

    @Override
    public Integer call() throws Exception {
        if (input.db != null && !input.files.isEmpty()) {
            System.err.println("lockstep accounts: give either --db or input files, not both");
            return Main.USAGE;
        }
        if (input.db == null && input.files.isEmpty()) {
            System.err.println("lockstep accounts: give input files (or --db)");
            return Main.USAGE;
        }
        if (trainFromCase && (input.db == null || train != null)) {
            System.err.println("lockstep accounts: --train-from-case needs --db and no --train");
            return Main.USAGE;
        }
        String bad = Preflight.inputs(input.files);
        if (bad != null) {
            System.err.println("lockstep accounts: " + bad);
            return Main.USAGE;
        }
        OutputDir od;
        try {
            // checked before any work: the directory can be written and holds no file Lockstep did not write
            od = OutputDir.open(out, "accounts", List.of("accounts.csv", "batches.csv", "model.json"));
        } catch (OutputDir.OutputException e) {
            System.err.println("lockstep accounts: " + e.getMessage() + ". Nothing was done.");
            return Main.FAILED;
        }
        PostTable t = CampaignsSupport.load(input, filter, false, System.err);
        if (t == null) {
            System.err.println("lockstep accounts: no posts could be read");
            return Main.NOTHING_READ;
        }
        int[] group = CampaignsSupport.groups(groups, !noCoord, t, System.err);
        AccountSignalsConfig cfg = AccountSignalsConfig.defaults();
        Booster booster = null;
        if (model != null) {
            if (isBooster(model)) booster = XgbTrainer.load(model);
            else cfg = cfg.withModel(readModel(model));
        }
        AccountSignalsResult r = new AccountSignals(cfg).compute(t, group);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("accounts", r.activeCount());
        LogisticTrainer.Evaluation ev = null;
        XgbTrainer.Evaluation xev = null;
        XgbTrainer xgb = new XgbTrainer(XgbTrainer.Config.defaults(seed));
        Map<String, Object> comparison = null;
        if (train != null || trainFromCase) {
            Map<String, Boolean> labels = trainFromCase ? caseLabels(input.db) : readLabels(train);
            List<double[]> xs = new ArrayList<>();
            List<Boolean> ys = new ArrayList<>();
            for (int a = 0; a < r.accounts(); a++) {
                if (!r.active(a)) continue;
                Boolean y = labels.get(t.accounts().get(a));
                if (y == null) continue;
                xs.add(r.vector(a));
                ys.add(y);
            }
            if (xs.size() < 10 || !ys.contains(true) || !ys.contains(false)) {
                System.err.println("lockstep accounts: --train needs at least 10 labelled accounts of both classes in the data (found "
                        + xs.size() + ")");
                return Main.USAGE;
            }
            boolean[] y = new boolean[ys.size()];
            for (int i = 0; i < y.length; i++) y[i] = ys.get(i);
            // held-out figures of the default (untrained) weights on the same split, for comparison
            double[][] x = xs.toArray(new double[0][]);
            ev = new LogisticTrainer(new LogisticTrainer.Config(1.0, 25, xgb.config().testShare(), seed)).trainAndEvaluate(x, y);
            double[] p = new double[x.length];
            LogisticModel def = LogisticModel.defaults();
            for (int i = 0; i < x.length; i++) p[i] = def.probability(x[i]);
            // the default weights on the same held-out accounts as both trainers
            boolean[] test = XgbTrainer.heldOut(y, xgb.config().testShare(), seed);
            int nt = 0;
            for (boolean b : test) if (b) nt++;
            double[] pt = new double[nt];
            boolean[] yt = new boolean[nt];
            for (int i = 0, j = 0; i < x.length; i++) if (test[i]) { pt[j] = p[i]; yt[j++] = y[i]; }
            XgbTrainer.Figures deff = XgbTrainer.Figures.of(pt, yt);
            comparison = new LinkedHashMap<>();
            comparison.put("default_weights", figures(deff.accuracy(), deff.auc(), deff.brier()));
            comparison.put("logistic", figures(ev.accuracy(), ev.auc(), ev.brier()));
            if (trainer == Trainer.xgboost) {
                xev = xgb.trainAndEvaluate(x, y);
                if (booster != null) booster.dispose();
                booster = xev.model();
                Map<String, Object> xf = figures(xev.accuracy(), xev.auc(), xev.brier());
                xf.put("file", BOOSTER_FILE);
                xf.put("rounds", xgb.config().rounds());
                xf.putAll(xgb.config().params());
                comparison.put("xgboost", xf);
            } else if (booster != null) {
                booster.dispose();
                booster = null;
            }
            summary.put("trainer", trainer.name());
            summary.put("labelled", x.length);
            summary.put("train", ev.trainSize());
            summary.put("test", ev.testSize());
            double acc = xev != null ? xev.accuracy() : ev.accuracy(), auc = xev != null ? xev.auc() : ev.auc(),
                    brier = xev != null ? xev.brier() : ev.brier();
            summary.put("test_accuracy", CampaignsSupport.finite(acc));
            summary.put("test_auc", CampaignsSupport.finite(auc));
            summary.put("test_brier", CampaignsSupport.finite(brier));
            summary.put("test_base_rate", CampaignsSupport.finite(ev.baseRate()));
            summary.put("held_out", comparison);
            summary.put("default_weights_auc_all_labelled", CampaignsSupport.finite(LogisticTrainer.auc(p, y)));
            r = new AccountSignals(cfg.withModel(ev.model())).compute(t, group);
        }
        if (model != null) od.keep(model); // a model read from this directory stays
        LogisticTrainer.Evaluation evf = ev;
        Map<String, Object> cmp = comparison;
        String scorer = booster != null ? "xgboost" : "logistic";
        AccountSignalsResult rf = r;
        od.write("model.json", tmp -> writeModel(rf.model(), evf, cmp, scorer, tmp));
        if (xev != null) {
            Booster bf = booster;
            od.write(BOOSTER_FILE, tmp -> {
                try {
                    XgbTrainer.save(bf, tmp);
                } catch (ml.dmlc.xgboost4j.java.XGBoostError e) {
                    throw new IOException("XGBoost could not save the model: " + e.getMessage(), e);
                }
            });
        }
        Scores sc = booster != null ? Scores.of(r, booster) : Scores.of(r);
        if (booster != null) booster.dispose();
        od.write("accounts.csv", tmp -> writeAccounts(rf, sc, tmp));
        od.write("batches.csv", tmp -> writeBatches(rf, tmp));
        od.commit();
        if (input.db != null) {
            List<org.lockstep.io.store.CaseResults.AccountScore> rows = new ArrayList<>();
            for (int a = 0; a < rf.accounts(); a++) {
                if (!rf.active(a) || sc.contribution()[a] == null) continue;
                StringBuilder c = new StringBuilder("[");
                double[] x = rf.vector(a);
                for (int k = 0; k < x.length; k++) {
                    if (k > 0) c.append(',');
                    c.append("{\"feature\":\"").append(AccountFeature.of(k).key()).append("\",\"value\":").append(num(x[k]))
                            .append(",\"log_odds\":").append(num(sc.contribution()[a][k])).append('}');
                }
                rows.add(new org.lockstep.io.store.CaseResults.AccountScore(t.accounts().get(a), sc.score()[a], c.append(']').toString()));
            }
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("trainer", train != null || trainFromCase ? trainer.name() : null);
            params.put("train", train != null ? train.toString() : trainFromCase ? "case labels" : null);
            params.put("model", model != null ? model.toString() : null);
            params.put("seed", seed);
            CaseRuns.record(input.db, "accounts", new ObjectMapper().writeValueAsString(params), null,
                    new java.io.PrintWriter(System.err, true), (results, run) -> results.writeAccountScores(run, rows));
        }
        int acting = 0;
        for (CreationBatch b : r.batches()) if (b.actsTogether()) acting++;
        summary.put("creation_batches", r.batches().size());
        summary.put("batches_acting_together", acting);
        int high = 0;
        for (int a = 0; a < r.accounts(); a++) if (r.active(a) && sc.score[a] >= 0.5) high++;
        summary.put("score_at_least_0_5", high);
        summary.put("out", out.toString());
        // never a silent zero: say when the input carries no account profiles, so scores rest on behaviour only
        int profiled = 0;
        for (int a = 0; a < t.accountInfo().size(); a++) {
            if (t.accountInfo().createdAt[a] != org.lockstep.core.model.AccountSnapshot.UNKNOWN
                    || t.accountInfo().followers[a] != org.lockstep.core.model.AccountSnapshot.UNKNOWN) profiled++;
        }
        summary.put("accounts_with_profile", profiled);
        String noProfile = profiled == 0 ? "the input has no account profiles (creation date, followers, names): the profile "
                + "features are unknown for every account and the scores rest on posting behaviour alone" : null;
        if (noProfile != null) summary.put("note", noProfile);
        if (!json && noProfile != null) System.err.println("lockstep accounts: " + noProfile);
        if (json) System.out.println(new ObjectMapper().writeValueAsString(summary));
        else {
            System.err.printf("lockstep accounts: %,d accounts, %,d with score >= 0.5, %d creation batches (%d acting together) -> %s%n",
                    r.activeCount(), high, r.batches().size(), acting, out.resolve("accounts.csv"));
            if (ev != null) {
                System.err.printf("  trained on %d, held out %d (base rate %.3f):%n", ev.trainSize(), ev.testSize(), ev.baseRate());
                for (Map.Entry<String, Object> e : comparison.entrySet()) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> f = (Map<String, Object>) e.getValue();
                    System.err.printf(Locale.ROOT, "  %-16s accuracy %s, AUC %s, Brier %s%s%n", e.getKey(), fmt(f.get("accuracy")),
                            fmt(f.get("auc")), fmt(f.get("brier")), e.getKey().equals(trainer.name()) ? "   <- scores accounts.csv" : "");
                }
            }
        }
        return Main.OK;
    }

    /**
     * Per-account score, logit and contributions (log-odds; one per feature, then the bias) of the model that
     * scores accounts.csv: value x weight for the logistic model, SHAP values for the booster.
     */
    record Scores(double[] score, double[] logit, double[][] contribution) {
        static Scores of(AccountSignalsResult r) {
            int n = r.accounts();
            double[] s = new double[n], z = new double[n];
            double[][] c = new double[n][];
            double[] w = r.model().weights();
            for (int a = 0; a < n; a++) {
                if (!r.active(a)) continue;
                double[] x = r.vector(a);
                c[a] = new double[x.length + 1];
                for (int k = 0; k < x.length; k++) c[a][k] = x[k] * w[k];
                c[a][x.length] = r.model().bias();
                s[a] = r.score(a);
                z[a] = r.model().logit(x);
            }
            return new Scores(s, z, c);
        }

        static Scores of(AccountSignalsResult r, Booster b) throws ml.dmlc.xgboost4j.java.XGBoostError {
            int n = r.accounts();
            List<double[]> xs = new ArrayList<>();
            for (int a = 0; a < n; a++) if (r.active(a)) xs.add(r.vector(a));
            double[][] x = xs.toArray(new double[0][]);
            double[][] cs = XgbTrainer.contributions(b, x);
            double[] s = new double[n], z = new double[n];
            double[][] c = new double[n][];
            for (int a = 0, i = 0; a < n; a++) {
                if (!r.active(a)) continue;
                c[a] = cs[i++];
                for (double v : c[a]) z[a] += v;
                s[a] = 1 / (1 + Math.exp(-z[a]));
            }
            return new Scores(s, z, c);
        }
    }

    static void writeAccounts(AccountSignalsResult r, Scores sc, Path file) throws IOException {
        PostTable t = r.table();
        List<String> header = new ArrayList<>(List.of("account_id", "handle", "posts", "score", "logit", "age_days",
                "posts_per_day", "hyperactive", "batch_id"));
        for (AccountFeature f : AccountFeature.values()) {
            header.add(f.key());
            header.add(f.key() + "_contribution");
        }
        header.add("top_reasons");
        Integer[] order = new Integer[r.accounts()];
        int n = 0;
        for (int a = 0; a < r.accounts(); a++) if (r.active(a)) order[n++] = a;
        Integer[] act = java.util.Arrays.copyOf(order, n);
        java.util.Arrays.sort(act, (x, y) -> Double.compare(sc.score[y], sc.score[x]));
        AccountFeature[] features = AccountFeature.values();
        try (CsvWriter cw = CsvWriter.open(file, header.toArray(new String[0]))) {
            for (int a : act) {
                double[] x = r.vector(a);
                cw.cell(t.accounts().get(a)).cell(t.accountInfo().handle[a] == null ? "" : t.accountInfo().handle[a])
                        .cell(r.posts(a)).cell(round(sc.score[a])).cell(round(sc.logit[a]))
                        .cell(Double.isNaN(r.ageDays(a)) ? "" : Double.toString(round(r.ageDays(a))))
                        .cell(round(r.postsPerDay(a))).cell(r.hyperactive(a)).cell(r.batch(a) < 0 ? "" : Integer.toString(r.batch(a)));
                double[] c = sc.contribution[a];
                for (int k = 0; k < x.length; k++) cw.cell(round(x[k])).cell(round(c[k]));
                Integer[] byC = new Integer[x.length];
                for (int k = 0; k < x.length; k++) byC[k] = k;
                java.util.Arrays.sort(byC, (p, q) -> Double.compare(c[q], c[p]));
                List<String> reasons = new ArrayList<>();
                for (int k : byC) {
                    if (c[k] < 0.25 || reasons.size() >= 3) break;
                    reasons.add(features[k].key() + String.format(Locale.ROOT, " +%.2f", c[k]));
                }
                cw.cell(String.join("; ", reasons)).endRow();
            }
        }
    }

    static void writeBatches(AccountSignalsResult r, Path file) throws IOException {
        PostTable t = r.table();
        try (CsvWriter cw = CsvWriter.open(file, "batch", "size", "created_from", "created_to", "acts_together",
                "shared_object", "shared_share", "lift", "group_share", "members")) {
            for (CreationBatch b : r.batches()) {
                List<String> h = new ArrayList<>();
                for (int m : b.members()) h.add(t.accountInfo().handle[m] != null ? t.accountInfo().handle[m] : t.accounts().get(m));
                cw.cell(b.id()).cell(b.size()).cell(CampaignsSupport.iso(b.createdFrom())).cell(CampaignsSupport.iso(b.createdTo()))
                        .cell(b.actsTogether()).cell(b.sharedObject() == null ? "" : b.sharedObject())
                        .cell(round(b.sharedShare())).cell(round(b.lift())).cell(round(b.groupShare()))
                        .cell(String.join(" ", h)).endRow();
            }
        }
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }

    private static Map<String, Object> figures(double accuracy, double auc, double brier) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accuracy", CampaignsSupport.finite(accuracy));
        m.put("auc", CampaignsSupport.finite(auc));
        m.put("brier", CampaignsSupport.finite(brier));
        return m;
    }

    private static String fmt(Object v) {
        return v instanceof Number n ? String.format(Locale.ROOT, "%.3f", n.doubleValue()) : "n/a";
    }

    /** A saved XGBoost booster (UBJSON, binary, or XGBoost's own JSON) rather than our logistic model.json. */
    static boolean isBooster(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".json")) return true;
        return new ObjectMapper().readTree(file.toFile()).has("learner");
    }

    /**
     * model.json: the logistic weights (trained or default) with their held-out figures, which model scored
     * accounts.csv ({@code scorer}), and with --train the comparison on the same held-out accounts.
     */
    static void writeModel(LogisticModel m, LogisticTrainer.Evaluation ev, Map<String, Object> comparison, String scorer,
                           Path file) throws IOException {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("kind", "logistic");
        j.put("trained", ev != null);
        j.put("scorer", scorer);
        if ("xgboost".equals(scorer)) {
            j.put("scorer_note", "accounts.csv was scored by the XGBoost booster (" + BOOSTER_FILE
                    + ", SHAP contributions); the weights below are the logistic model's");
        }
        j.put("bias", m.bias());
        Map<String, Object> w = new LinkedHashMap<>();
        double[] ws = m.weights();
        for (AccountFeature f : AccountFeature.values()) w.put(f.key(), ws[f.ordinal()]);
        j.put("weights", w);
        Map<String, String> d = new LinkedHashMap<>();
        for (AccountFeature f : AccountFeature.values()) d.put(f.key(), f.description());
        j.put("features", d);
        if (ev != null) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("train", ev.trainSize());
            e.put("test", ev.testSize());
            e.put("accuracy", CampaignsSupport.finite(ev.accuracy()));
            e.put("auc", CampaignsSupport.finite(ev.auc()));
            e.put("brier", CampaignsSupport.finite(ev.brier()));
            e.put("base_rate", CampaignsSupport.finite(ev.baseRate()));
            j.put("held_out", e);
        }
        if (comparison != null) j.put("held_out_comparison", comparison);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), j);
    }

    static LogisticModel readModel(Path file) throws IOException {
        JsonNode n = new ObjectMapper().readTree(file.toFile());
        double[] w = new double[AccountFeature.count()];
        for (AccountFeature f : AccountFeature.values()) w[f.ordinal()] = n.path("weights").path(f.key()).asDouble(0);
        return new LogisticModel(n.path("bias").asDouble(AccountFeature.DEFAULT_BIAS), w);
    }

    /** account id → label, from the columns described in {@code --train}. */
    private static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "null";
    }

    /** The analysts' latest label per account, from the case's labels table (written by lockstep serve). */
    static Map<String, Boolean> caseLabels(Path db) {
        try (org.lockstep.io.store.CaseDb c = org.lockstep.io.store.CaseDb.openReadOnly(db)) {
            return new org.lockstep.io.store.CaseResults(c).accountLabels();
        }
    }

    static Map<String, Boolean> readLabels(Path file) throws IOException {
        Map<String, Boolean> out = new LinkedHashMap<>();
        try (org.lockstep.io.out.OwnCsv r = org.lockstep.io.out.OwnCsv.open(file)) {
            List<String> cols = r.header();
            if (cols.isEmpty()) return out;
            int id = org.lockstep.io.out.OwnCsv.column(cols, "account_id", "user_id", "id", "account");
            int lab = org.lockstep.io.out.OwnCsv.column(cols, "label", "is_bot", "bot", "class");
            int role = org.lockstep.io.out.OwnCsv.column(cols, "role");
            int op = org.lockstep.io.out.OwnCsv.column(cols, "operation");
            if (id < 0 || lab < 0 && role < 0 && op < 0) {
                throw new IOException(file + ": needs account_id and one of label, is_bot, bot, role, operation");
            }
            List<String> c;
            while ((c = r.next()) != null) {
                if (c.size() <= id) continue;
                Boolean y = null;
                if (lab >= 0 && c.size() > lab) {
                    String v = c.get(lab).strip().toLowerCase(Locale.ROOT);
                    if (v.equals("1") || v.equals("true") || v.equals("bot") || v.equals("yes")) y = true;
                    else if (v.equals("0") || v.equals("false") || v.equals("human") || v.equals("no")) y = false;
                } else if (role >= 0 && c.size() > role) {
                    String v = c.get(role).strip().toLowerCase(Locale.ROOT);
                    if (!v.isEmpty()) y = !(v.startsWith("organic") || v.equals("human"));
                } else if (op >= 0) {
                    y = c.size() > op && !c.get(op).isBlank();
                }
                if (y != null) out.put(c.get(id), y);
            }
        }
        return out;
    }
}
