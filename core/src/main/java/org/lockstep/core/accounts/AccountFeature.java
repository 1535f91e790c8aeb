package org.lockstep.core.accounts;

import java.util.Locale;

/**
 * The explainable per-account signals. Each is a number in [0, 1] (1 = most suspicious) with a
 * documented transform of what the data holds; the combined score is a logistic model over them
 * ({@link LogisticModel}), so each feature's contribution is {@code weight × value} in log-odds.
 *
 * <p>Default weights are hand-set priors, documented in {@code docs/campaigns.md}; they are not fitted
 * to any data set. Train on your own labels ({@code lockstep accounts --train}) to get calibrated
 * probabilities.
 */
public enum AccountFeature {
    /** Age at the account's first post in the data: {@code max(0, 1 − days/90)}. */
    YOUNG_ACCOUNT(1.5, "account age at first post: 1 − days/90, floored at 0"),
    /** Member of a creation batch (accounts created close together): 0.25; of one that later acts together: 1. */
    CREATION_BATCH(2.5, "created in a batch (0.25) that later acts together (1)"),
    /** Handle is a name plus a long digit run, or a random-looking string. */
    HANDLE_PATTERN(1.0, "handle = name + many digits or random string"),
    /** Mean of the default-profile and default-avatar flags that are known. */
    DEFAULT_PROFILE(1.0, "default profile / default avatar"),
    /** {@code log10((following+1)/(followers+1)) / 2}, clamped: following 100× followers gives 1. */
    FOLLOW_RATIO(0.8, "following/followers ratio, log10 / 2"),
    /** Accounts followed per day of age / 50, clamped (BotSlayer-CE's friends growth rate). */
    FOLLOWING_GROWTH(0.8, "following per day of age / 50"),
    /** Posts per day (max of lifetime statuses/age and rate in the data) / 72, clamped. */
    POSTING_RATE(1.5, "posts per day / 72 (hyperactive above 72)"),
    /** {@code 1 − CV} of inter-post gaps (needs 5 gaps): clockwork posting gives 1. */
    REGULARITY(1.2, "inter-post regularity: 1 − coefficient of variation of gaps"),
    /** Hour-of-day entropy above 85% of log2(24), scaled to [0,1] (needs 24 posts): posting around the clock. */
    ROUND_THE_CLOCK(0.8, "hour-of-day entropy (no sleep), needs 24 posts"),
    /** Share of inter-post gaps of at most 5 seconds. */
    BURSTS(1.0, "share of posts ≤ 5 s after the account's previous post"),
    /** Share of the account's posts that are reposts. */
    REPOST_SHARE(0.5, "share of reposts"),
    /** Share of display name, bio and avatar that 2+ other accounts also use (0, 1/3, 2/3, 1). */
    PROFILE_REUSE(2.0, "display name / bio / avatar reused by other accounts"),
    /** Share of posts whose language is not spoken where the account's location says it is. */
    LANGUAGE_MISMATCH(1.0, "posts in a language not spoken at the claimed location");

    /** Default bias (log-odds of an account with every feature 0): sigmoid(−4) ≈ 0.018. */
    public static final double DEFAULT_BIAS = -4.0;

    private static final AccountFeature[] VALUES = values();

    private final double defaultWeight;
    private final String description;

    AccountFeature(double defaultWeight, String description) {
        this.defaultWeight = defaultWeight;
        this.description = description;
    }

    public double defaultWeight() { return defaultWeight; }
    public String description() { return description; }
    /** Column name, e.g. {@code young_account}. */
    public String key() { return name().toLowerCase(Locale.ROOT); }

    public static int count() { return VALUES.length; }
    public static AccountFeature of(int ordinal) { return VALUES[ordinal]; }

    /** The default weights in ordinal order. */
    public static double[] defaultWeights() {
        double[] w = new double[VALUES.length];
        for (AccountFeature f : VALUES) w[f.ordinal()] = f.defaultWeight;
        return w;
    }
}
