package org.lockstep.core.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lockstep.core.accounts.AccountSignalsConfig;
import org.lockstep.core.accounts.LogisticTrainer;
import org.lockstep.core.campaigns.CampaignConfig;
import org.lockstep.core.campaigns.NarrativeClusters;
import org.lockstep.core.domains.LookalikeMatcher;
import org.lockstep.core.domains.Permuter;
import org.lockstep.core.plans.CallExtractor;
import org.lockstep.core.plans.PlanLinker;

/**
 * One configuration style: every analysis config has a builder holding its defaults, a toBuilder that
 * round-trips every field, and a constructor that rejects what cannot run, naming the parameter.
 */
class ConfigBuildersTest {

    @Test
    void campaignConfigComparesArraysByContentAndRejectsWhatCannotRun() {
        CampaignConfig d = CampaignConfig.defaults();
        assertEquals(d, d.toBuilder().build(), "toBuilder round-trips, arrays compared by content");
        assertEquals(d.hashCode(), d.toBuilder().build().hashCode());
        assertNotEquals(d, d.withFlagThreshold(0.3));
        assertArrayEquals(new long[] {300_000, 3_600_000, 14_400_000}, d.scalesMs(), "5 min, 1 h, 4 h");
        long[] scales = d.scalesMs();
        scales[0] = 1;
        assertEquals(300_000, d.scalesMs()[0], "the config's arrays cannot be changed from outside");
        CampaignConfig m = d.withMinCount(3, 4, 5);
        assertEquals(3, m.minEntityCount(), "entities rarer than the smallest count are not tested");
        assertThrows(IllegalArgumentException.class, () -> d.toBuilder().scales(new long[] {60_000, 60_000}, new int[] {1, 1}).build());
        assertThrows(IllegalArgumentException.class, () -> d.toBuilder().scales(new long[] {60_000}, new int[] {1, 2}).build());
        assertThrows(IllegalArgumentException.class, () -> d.toBuilder().flagThreshold(1.5).build());
        assertThrows(IllegalArgumentException.class, () -> d.toBuilder().zMin(Double.NaN).build());
        assertThrows(IllegalArgumentException.class, () -> d.toBuilder().threads(-1).build());
        assertEquals(2, d.toBuilder().threads(2).build().effectiveThreads());
    }

    @Test
    void everyOtherConfigRoundTripsAndValidates() {
        AccountSignalsConfig a = AccountSignalsConfig.defaults();
        assertEquals(a, a.toBuilder().build());
        assertEquals(90, a.youngDays(), 0);
        assertThrows(IllegalArgumentException.class, () -> a.toBuilder().reuse(5, 4).build());
        assertThrows(IllegalArgumentException.class, () -> a.toBuilder().batchMinSize(1).build());

        NarrativeClusters.Config n = NarrativeClusters.Config.defaults();
        assertEquals(n, n.toBuilder().build());
        assertThrows(IllegalArgumentException.class, () -> n.toBuilder().minHash(30, 8).build(), "k a multiple of the bands");

        LookalikeMatcher.Config l = LookalikeMatcher.Config.defaults();
        assertEquals(l, l.toBuilder().build());
        assertEquals(Set.of("example.org"), l.withAllow(Set.of("example.org")).allow());
        assertThrows(IllegalArgumentException.class, () -> l.toBuilder().threshold(0).build());

        PlanLinker.Config p = PlanLinker.Config.defaults();
        assertEquals(p, p.toBuilder().build());
        assertThrows(IllegalArgumentException.class, () -> p.toBuilder().horizonMs(1).build(), "horizon shorter than execution");

        Permuter.Config pm = Permuter.Config.defaults();
        assertEquals(pm, pm.toBuilder().build());
        assertThrows(IllegalArgumentException.class, () -> pm.toBuilder().limit(0).build());

        CallExtractor.Config c = CallExtractor.Config.defaults(ZoneOffset.UTC);
        assertEquals(c, CallExtractor.Config.builder(ZoneOffset.UTC).build());
        assertThrows(NullPointerException.class, () -> CallExtractor.Config.builder(null));
        assertThrows(IllegalArgumentException.class, () -> CallExtractor.Config.builder(ZoneOffset.UTC).minQuoteWords(0).build());

        LogisticTrainer.Config t = LogisticTrainer.Config.defaults();
        assertEquals(t, t.toBuilder().build());
        assertThrows(IllegalArgumentException.class, () -> t.toBuilder().testShare(1).build());
    }
}
