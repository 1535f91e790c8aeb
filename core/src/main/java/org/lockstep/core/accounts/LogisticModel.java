package org.lockstep.core.accounts;

import java.util.Arrays;

/**
 * A logistic model {@code p = 1 / (1 + exp(−(bias + Σ wᵢ xᵢ)))}; {@code wᵢ xᵢ} is feature i's
 * contribution in log-odds, which is how every score is explained. Immutable.
 */
public record LogisticModel(double bias, double[] weights) {

    public LogisticModel {
        weights = weights.clone();
    }

    /** The documented default priors of {@link AccountFeature}. */
    public static LogisticModel defaults() {
        return new LogisticModel(AccountFeature.DEFAULT_BIAS, AccountFeature.defaultWeights());
    }

    public double logit(double[] x) {
        double z = bias;
        for (int i = 0; i < weights.length; i++) z += weights[i] * x[i];
        return z;
    }

    public double probability(double[] x) {
        return sigmoid(logit(x));
    }

    static double sigmoid(double z) {
        if (z >= 0) return 1.0 / (1.0 + Math.exp(-z));
        double e = Math.exp(z);
        return e / (1.0 + e);
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public String toString() {
        return "LogisticModel[bias=" + bias + ", weights=" + Arrays.toString(weights) + "]";
    }
}
