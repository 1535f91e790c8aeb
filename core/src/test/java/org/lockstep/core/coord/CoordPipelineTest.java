package org.lockstep.core.coord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lockstep.core.model.Platform;
import org.lockstep.core.model.Post;
import org.lockstep.core.model.PostRef;
import org.lockstep.core.model.PostTable;

/**
 * End-to-end detection on a small hand-built world: organic reposting cascades, a few hyperactive
 * organic accounts that repost a third of everything, and a planted ring of eight accounts that repost
 * the same fifteen posts within seconds of each other.
 */
class CoordPipelineTest {
    static final long H = 3_600_000;

    static PostTable world(long seed, Set<String> planted, Set<String> hyper) {
        return world(seed, planted, hyper, true);
    }

    static PostTable world(long seed, Set<String> planted, Set<String> hyper, boolean ring) {
        Random rnd = new Random(seed);
        PostTable.Builder b = PostTable.builder();
        int originals = 1500;
        long[] born = new long[originals];
        int id = 0;
        for (int k = 0; k < originals; k++) {
            born[k] = (long) (rnd.nextDouble() * 72 * H);
            b.add(Post.builder(Platform.TWITTER).id("o" + k).accountId("u" + rnd.nextInt(400)).timeMs(born[k])
                    .text("original post number " + k).build());
        }
        for (int k = 0; k < originals; k++) {
            int reposts = (int) Math.min(300, Math.floor(1 / Math.pow(rnd.nextDouble(), 0.9)));
            for (int r = 0; r < reposts; r++) {
                long t = born[k] + (long) (-Math.log(1 - rnd.nextDouble()) * 0.5 * H);
                b.add(repost("r" + id++, "u" + rnd.nextInt(400), k, t));
            }
            for (int h = 0; h < 10; h++) {
                if (rnd.nextDouble() < 0.33) {
                    long t = born[k] + (long) (-Math.log(1 - rnd.nextDouble()) * 0.3 * H);
                    b.add(repost("r" + id++, "hyper" + h, k, t));
                }
            }
        }
        for (int h = 0; h < 10; h++) hyper.add("hyper" + h);
        for (int target = 0; target < (ring ? 15 : 0); target++) {
            int k = rnd.nextInt(originals);
            long start = born[k] + (long) (rnd.nextDouble() * 2 * H);
            for (int s = 0; s < 8; s++) {
                b.add(repost("r" + id++, "sock" + s, k, start + rnd.nextInt(20_000)));
                planted.add("sock" + s);
            }
        }
        return b.build();
    }

    static Post repost(String id, String account, int original, long t) {
        return Post.builder(Platform.TWITTER).id(id).accountId(account).timeMs(t)
                .repostOf(new PostRef("o" + original, null, null)).build();
    }

    @Test
    void findsThePlantedRingAndNotTheHyperactiveAccounts() {
        Set<String> planted = new HashSet<>(), hyper = new HashSet<>();
        PostTable table = world(1, planted, hyper);
        CoordinationResult r = Coordination.detect(table, CoordinationConfig.builder().build());
        Set<String> found = new HashSet<>();
        for (int a : r.accounts().members) found.add(r.accountName(a));
        Set<String> tp = new HashSet<>(found);
        tp.retainAll(planted);
        assertEquals(planted, tp, "recall: found " + found);
        assertTrue(tp.size() >= 0.95 * found.size(), "precision: found " + found);
        for (String h : hyper) assertTrue(!found.contains(h), h + " flagged");
        // 8 accounts, all 28 pairs, one component, one group
        assertEquals(28, r.edges().size);
        assertEquals(1, r.components());
        assertEquals(1, r.groups().size());
        GroupStats g = r.groups().get(0);
        assertEquals(8, g.size());
        assertEquals(1.0, g.density(), 1e-12);
        assertEquals(Signal.CO_REPOST.bit(), g.signals());
        Edges e = r.edges();
        for (int i = 0; i < e.size; i++) {
            assertEquals(15, e.objects[i]);
            assertTrue(e.qValue[i] <= 0.05);
            assertTrue(e.minGapMs[i] <= e.medianGapMs[i] && e.medianGapMs[i] <= 20_000);
            assertEquals(e.coActions[i], r.evidence().count(i));
            for (int k = r.evidence().start(i); k < r.evidence().end(i); k++) {
                assertTrue(Math.abs(r.evidence().gapMs(k)) <= 20_000);
                assertEquals(r.evidence().object[k] - r.actions().objectBase(Signal.CO_REPOST),
                        table.posts().find(r.objectName(r.evidence().object[k])));
            }
        }
    }

    @Test
    void percentileAndMinWeightModesKeepMoreThanSignificance() {
        Set<String> planted = new HashSet<>(), hyper = new HashSet<>();
        PostTable table = world(2, planted, hyper);
        CoordinationResult sig = Coordination.detect(table, CoordinationConfig.builder().build());
        CoordinationResult pct = Coordination.detect(table, CoordinationConfig.builder()
                .selection(CoordinationConfig.Selection.PERCENTILE).edgeWeightPercentile(0.99).minRepetitions(1).build());
        CoordinationResult mw = Coordination.detect(table, CoordinationConfig.builder()
                .selection(CoordinationConfig.Selection.MIN_WEIGHT).minEdgeWeight(3).minRepetitions(1).build());
        assertTrue(pct.edges().size > sig.edges().size, pct.edges().size + " vs " + sig.edges().size);
        assertTrue(mw.edges().size >= sig.edges().size);
        List<String> names = new java.util.ArrayList<>();
        for (int a : pct.accounts().members) names.add(pct.accountName(a));
        assertTrue(names.containsAll(planted));
    }

    @Test
    void organicWorldsGiveNoNetwork() {
        // no coordination at all: every kept edge would be a false discovery; with FDR control at 0.05 a
        // network should appear in about one world in twenty or fewer
        int worldsWithEdges = 0;
        for (long seed = 10; seed < 20; seed++) {
            CoordinationResult r = Coordination.detect(world(seed, new HashSet<>(), new HashSet<>(), false),
                    CoordinationConfig.builder().build());
            if (r.edges().size > 0) worldsWithEdges++;
        }
        assertTrue(worldsWithEdges <= 1, worldsWithEdges + " of 10 organic worlds produced a network");
    }

    @Test
    void partitionedSortedCountingKeepsTheSameNetworkWhateverTheBudgetAndThreads() {
        Set<String> planted = new HashSet<>(), hyper = new HashSet<>();
        PostTable table = world(3, planted, hyper);
        CoordinationResult one = Coordination.detect(table, CoordinationConfig.builder().threads(1).build());
        // a budget of 64 KiB forces many partitions, each enumerated, sorted and reduced on its own
        {
            for (int threads : new int[] {1, 3}) {
                CoordinationResult many = Coordination.detect(table,
                        CoordinationConfig.builder().threads(threads).memoryBudgetBytes(64 << 10).build());
                assertEquals(one.edges().size, many.edges().size);
                assertTrue(one.edges().size > 0);
                for (int e = 0; e < one.edges().size; e++) {
                    assertEquals(one.edges().a[e], many.edges().a[e]);
                    assertEquals(one.edges().b[e], many.edges().b[e]);
                    assertEquals(one.edges().episodes[e], many.edges().episodes[e]);
                    assertEquals(one.edges().coActions[e], many.edges().coActions[e]);
                    assertEquals(one.edges().pValue[e], many.edges().pValue[e]);
                }
                // the number of hypotheses is exact, so it cannot depend on how the pairs were split
                assertEquals(one.counts().candidatePairs(), many.counts().candidatePairs());
                assertEquals(one.counts().timingHypotheses(), many.counts().timingHypotheses());
                assertEquals(one.counts().sharedHypotheses(), many.counts().sharedHypotheses());
                assertEquals(one.counts().coActionPairs(), many.counts().coActionPairs());
            }
        }
    }

    /**
     * Breaking news: 1,500 organic accounts each share the same two news links once, in the ten minutes after
     * each is published, so thousands of pairs co-share both within 60 s by chance. A ring of five shares
     * its own four rare links within seconds. The jitter of ±15 min keeps the publication bursts in the null
     * (so the crowd is not flagged), the news links are too popular for the co-occurrence test, and the ring
     * is found. With a jitter of days (as content had before), the crowd floods the network.
     */
    @Test
    void popularNewsLinksSharedInBurstsDoNotMakeANetwork() {
        Random rnd = new Random(4);
        PostTable.Builder b = PostTable.builder();
        int id = 0;
        for (int link = 0; link < 2; link++) {
            long published = link * 24 * H;
            for (int u = 0; u < 1500; u++) {
                b.add(Post.builder(Platform.TWITTER).id("n" + id++).accountId("reader" + u)
                        .timeMs(published + rnd.nextInt(600_000)).urls(List.of("https://news.example/story-" + link)).build());
            }
        }
        for (int link = 0; link < 4; link++) {
            long t0 = 3 * H + link * 7 * H;
            for (int s = 0; s < 5; s++) {
                b.add(Post.builder(Platform.TWITTER).id("s" + id++).accountId("ring" + s)
                        .timeMs(t0 + rnd.nextInt(15_000)).urls(List.of("https://rare.example/p" + link)).build());
            }
        }
        PostTable t = b.build();
        CoordinationConfig.Builder cfg = CoordinationConfig.builder().signals(Signal.CO_LINK);
        CoordinationResult on = Coordination.detect(t, cfg.build());
        CoordinationResult off = Coordination.detect(t, cfg.popularShare(0).build());
        Set<String> onNames = new HashSet<>(), offReaders = new HashSet<>();
        for (int a : on.accounts().members) onNames.add(on.accountName(a));
        for (int a : off.accounts().members) if (off.accountName(a).startsWith("reader")) offReaders.add(off.accountName(a));
        assertEquals(Set.of("ring0", "ring1", "ring2", "ring3", "ring4"), onNames);
        assertTrue(offReaders.size() > 50, "without the news rule the crowd is flagged: " + offReaders.size());
    }
}
