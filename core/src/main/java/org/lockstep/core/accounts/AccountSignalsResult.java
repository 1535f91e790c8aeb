package org.lockstep.core.accounts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.lockstep.core.model.PostTable;

/**
 * Per-account feature values, score and explanation, indexed by the table's account ids. Only accounts
 * that posted in the data ({@link #active}) have values; others are all zero with score 0.
 */
public final class AccountSignalsResult {
    private final PostTable table;
    private final LogisticModel model;
    private final double[][] features;
    private final double[] score;
    private final boolean[] active;
    private final double[] ageDays, postsPerDay;
    private final boolean[] hyperactive;
    private final int[] posts, batchOf;
    private final List<CreationBatch> batches;

    AccountSignalsResult(PostTable table, LogisticModel model, double[][] features, double[] score, boolean[] active,
                         double[] ageDays, double[] postsPerDay, boolean[] hyperactive, int[] posts, int[] batchOf,
                         List<CreationBatch> batches) {
        this.table = table;
        this.model = model;
        this.features = features;
        this.score = score;
        this.active = active;
        this.ageDays = ageDays;
        this.postsPerDay = postsPerDay;
        this.hyperactive = hyperactive;
        this.posts = posts;
        this.batchOf = batchOf;
        this.batches = List.copyOf(batches);
    }

    /** One feature's value and its contribution (weight × value) to the log-odds. */
    public record Contribution(AccountFeature feature, double value, double weight, double logOdds) {}

    public PostTable table() { return table; }
    public LogisticModel model() { return model; }
    public int accounts() { return score.length; }
    public boolean active(int a) { return active[a]; }
    /** Combined probability-like score in [0, 1]. */
    public double score(int a) { return score[a]; }
    /** Scores of all accounts (shared array, do not modify). */
    public double[] scores() { return score; }
    public double value(int a, AccountFeature f) { return features[f.ordinal()][a]; }
    /** The feature vector of account {@code a}, in {@link AccountFeature} order. */
    public double[] vector(int a) {
        double[] x = new double[features.length];
        for (int k = 0; k < x.length; k++) x[k] = features[k][a];
        return x;
    }
    /** Account age in days at its first post in the data, NaN when unknown. */
    public double ageDays(int a) { return ageDays[a]; }
    public double postsPerDay(int a) { return postsPerDay[a]; }
    public boolean hyperactive(int a) { return hyperactive[a]; }
    public boolean[] hyperactive() { return hyperactive; }
    public int posts(int a) { return posts[a]; }
    /** Creation batch id of the account, -1 when none. */
    public int batch(int a) { return batchOf[a]; }
    public List<CreationBatch> batches() { return batches; }

    /** Every feature's contribution, largest first. */
    public List<Contribution> explain(int a) {
        double[] w = model.weights();
        List<Contribution> out = new ArrayList<>(w.length);
        for (int k = 0; k < w.length; k++) {
            double v = features[k][a];
            out.add(new Contribution(AccountFeature.of(k), v, w[k], v * w[k]));
        }
        out.sort(Comparator.comparingDouble(Contribution::logOdds).reversed());
        return out;
    }

    /** Number of active accounts. */
    public int activeCount() {
        int n = 0;
        for (boolean b : active) if (b) n++;
        return n;
    }
}
