package org.lockstep.core.campaigns;

/**
 * Weights of the manipulation score, a weighted sum of shares of a campaign window's posts (each in
 * [0, 1]), so the score is in [0, 1] when the weights sum to 1 and every part is shown:
 * posts from accounts in coordination groups, from accounts with an inauthenticity score at or above the
 * threshold, from accounts younger than {@code newAccountDays}, from creation batches that act together,
 * from hyperactive accounts, and repetition {@code 1 − accounts/posts}.
 */
public record ManipulationWeights(double coordinated, double inauthentic, double newAccounts, double creationBatch,
                                  double hyperactive, double repetition) {
    public static ManipulationWeights defaults() {
        return new ManipulationWeights(0.30, 0.25, 0.15, 0.10, 0.10, 0.10);
    }
}
