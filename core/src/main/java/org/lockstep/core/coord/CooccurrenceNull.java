package org.lockstep.core.coord;

/**
 * Stage 3b: the expected number of rare objects two accounts share, whatever the lag between them, under
 * the bipartite configuration model ({@link Bicm}, fitted per signal to every account's number of objects
 * and every object's number of accounts): λ = Σ_s Σ_{rare o of s} p_ao·p_bo, and the count is compared
 * with Poisson(λ).
 *
 * <p>It is the test for lagged relays: two accounts that retweeted sixty of the same rarely shared posts,
 * minutes apart every time, are not explained by their activity and the posts' popularity, whatever their
 * timing looks like under the jitter.
 */
final class CooccurrenceNull {
    private CooccurrenceNull() {}

    /** λ per pair of {@code keys} (packed account pairs). */
    static double[] expect(ActionIndex ix, long[] keys) {
        double[] lambda = new double[keys.length];
        Actions x = ix.actions;
        for (Signal sig : Signal.values()) {
            int s = sig.ordinal();
            int[] k = ix.incidences[s];
            if (k == null) continue;
            int from = x.objectBase(sig), to = from + objectCount(x, sig);
            int[] c = java.util.Arrays.copyOfRange(ix.objectAccounts, from, to);
            boolean anyRare = false;
            for (int v : c) anyRare |= v >= 2 && v <= ix.maxObjectAccounts;
            if (!anyRare) continue;
            Bicm m = Bicm.fit(k, c);
            for (int e = 0; e < keys.length; e++) {
                int ka = k[PairKernel.keyA(keys[e])], kb = k[PairKernel.keyB(keys[e])];
                if (ka > 0 && kb > 0) lambda[e] += m.expectedShared(ka, kb, 2, ix.maxObjectAccounts);
            }
        }
        return lambda;
    }

    private static int objectCount(Actions x, Signal s) {
        int next = s.ordinal() + 1 < Signal.values().length ? x.objectBase(Signal.of(s.ordinal() + 1)) : x.objectCount();
        return next - x.objectBase(s);
    }
}
