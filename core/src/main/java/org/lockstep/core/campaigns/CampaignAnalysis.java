package org.lockstep.core.campaigns;

import org.lockstep.core.accounts.AccountSignals;
import org.lockstep.core.accounts.AccountSignalsConfig;
import org.lockstep.core.accounts.AccountSignalsResult;
import org.lockstep.core.accounts.CreationBatch;
import org.lockstep.core.model.PostTable;

/**
 * The whole campaign pipeline on one table: account signals, narrative clusters (when the table has
 * text), the entity index, and detection with the account signals (and coordination groups, if given)
 * as inputs. Timings of each stage are kept for benchmarks.
 */
public final class CampaignAnalysis {

    /** @param narratives cluster near-duplicate texts (needs a table with text) */
    public record Config(CampaignConfig campaigns, AccountSignalsConfig accounts, boolean narratives) {
        public Config {
            java.util.Objects.requireNonNull(campaigns, "campaigns");
            java.util.Objects.requireNonNull(accounts, "accounts");
        }

        public static Config defaults() {
            return new Config(CampaignConfig.defaults(), AccountSignalsConfig.defaults(), true);
        }
    }

    /** Stage times in ms; narratives run beside the account signals, so the stages overlap. */
    public record Result(CampaignResult campaigns, AccountSignalsResult accounts, EntityIndex index,
                         long accountsMs, long narrativesMs, long indexMs, long detectMs) {}

    private final Config config;

    public CampaignAnalysis(Config config) {
        this.config = config;
    }

    /** @param group coordination group per account id (-1 none), or null */
    public Result run(PostTable t, int[] group) {
        long a = System.nanoTime();
        NarrativeClusters.Result[] nar = new NarrativeClusters.Result[1];
        long[] narMs = new long[1];
        AccountSignalsResult[] accs = new AccountSignalsResult[1];
        long[] accEnd = new long[1];
        // narratives (text) and account signals are independent: side by side; any failure fails the call
        org.lockstep.core.concurrent.Workers.run(config.campaigns().executor(), java.util.List.of(() -> {
            long s = System.nanoTime();
            nar[0] = config.narratives() && t.hasText()
                    ? new NarrativeClusters(NarrativeClusters.Config.defaults()).cluster(t) : null;
            narMs[0] = (System.nanoTime() - s) / 1_000_000;
        }, () -> {
            accs[0] = new AccountSignals(config.accounts()).compute(t, group);
            accEnd[0] = System.nanoTime();
        }));
        AccountSignalsResult acc = accs[0];
        long b = accEnd[0];
        long c = System.nanoTime();
        EntityIndex idx = EntityIndex.build(t, nar[0]);
        long d = System.nanoTime();
        boolean[] acting = new boolean[t.accounts().size()];
        for (CreationBatch cb : acc.batches()) if (cb.actsTogether()) for (int m : cb.members()) acting[m] = true;
        CampaignDetector.AccountInputs in = new CampaignDetector.AccountInputs(acc.scores(), acc.hyperactive(), group, acting);
        CampaignResult res = new CampaignDetector(config.campaigns()).detect(idx, in);
        long e = System.nanoTime();
        return new Result(res, acc, idx, (b - a) / 1_000_000, narMs[0], (d - c) / 1_000_000, (e - d) / 1_000_000);
    }
}
