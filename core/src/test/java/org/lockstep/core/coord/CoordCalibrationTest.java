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
 * The statistics against simulations of their nulls: Monte Carlo jitter p-values against the analytic ones,
 * true nulls made from real data, and the cases the issue named (lagged relays, minute timestamps).
 */
class CoordCalibrationTest {

    @Test
    void withoutJitterTheMonteCarloRecountIsTheObservedCount() {
        // D = 0: every draw is the data itself, so the recount must equal the detector's episodes for every pair
        PostTable t = CoordPipelineTest.world(5, new HashSet<>(), new HashSet<>());
        CoordinationConfig c = CoordinationConfig.builder().jitterFactor(0).build();
        List<Calibration.Check> checks = Calibration.monteCarlo(Actions.from(t, c), c, 60, 3, 1);
        assertTrue(checks.size() >= 28, "the ring's pairs at least: " + checks.size());
        for (Calibration.Check k : checks) assertEquals(1.0, k.monteCarlo(), 1e-12, k.a() + "-" + k.b() + " recount differs");
    }

    @Test
    void analyticTimingPValuesAreNotSmallerThanMonteCarloOnOrganicData() {
        // organic world (no ring): every tested pair is a null pair
        PostTable t = CoordPipelineTest.world(12, new HashSet<>(), new HashSet<>(), false);
        CoordinationConfig c = CoordinationConfig.builder().build();
        int draws = 400;
        List<Calibration.Check> checks = Calibration.monteCarlo(Actions.from(t, c), c, 150, draws, 3);
        assertTrue(checks.size() > 30, "enough tested pairs: " + checks.size());
        int ok = 0;
        for (Calibration.Check k : checks) {
            double se = Math.sqrt(k.monteCarlo() * (1 - k.monteCarlo()) / draws);
            if (k.analytic() + 2 * se + 1.0 / (draws + 1) >= k.monteCarlo()) ok++;
        }
        assertTrue(ok >= 0.9 * checks.size(), ok + " of " + checks.size() + " analytic p-values within error of or above Monte Carlo");
    }

    @Test
    void trueNullsFromTheRussianSampleFlagAboutNothing() throws Exception {
        Actions x = CoordTestData.russian();
        CoordinationConfig c = CoordinationConfig.builder().signals(Signal.OBJECT).build();
        CoordinationConfig timing = c.toBuilder().cooccurrence(false).build();
        for (long seed = 1; seed <= 2; seed++) {
            int shifted = Coordination.detect(Calibration.shifted(x, 24 * 3_600_000L, seed), timing).accountCount();
            int shuffled = Coordination.detect(Calibration.shuffled(x, seed), c).accountCount();
            assertTrue(shifted <= 2, "shifted null, timing test: " + shifted + " accounts flagged");
            assertTrue(shuffled <= 2, "shuffled null, both tests: " + shuffled + " accounts flagged");
        }
        // and on the pairs the real data tests, the analytic p-values hold against Monte Carlo
        List<Calibration.Check> checks = Calibration.monteCarlo(x, c, 40, 300, 9);
        assertTrue(checks.size() >= 20);
        int ok = 0;
        for (Calibration.Check k : checks) {
            double se = Math.sqrt(k.monteCarlo() * (1 - k.monteCarlo()) / 300);
            if (k.analytic() + 2 * se + 1.0 / 301 >= k.monteCarlo()) ok++;
        }
        assertTrue(ok >= 0.9 * checks.size(), ok + " of " + checks.size());
    }

    /**
     * Two relay accounts retweet the same 40 rarely shared posts 2–7 minutes after each other, in order; 300
     * organic accounts retweet at random. The timing test cannot see a relay slower than the window; the
     * co-occurrence test must, and it must flag no organic account.
     */
    @Test
    void laggedRelaysAreFoundByCooccurrence() {
        Random rnd = new Random(8);
        PostTable.Builder b = PostTable.builder();
        int originals = 2000, id = 0;
        long h = 3_600_000;
        for (int k = 0; k < originals; k++) {
            long born = (long) (rnd.nextDouble() * 240 * h);
            b.add(Post.builder(Platform.TWITTER).id("o" + k).accountId("src" + (k % 50)).timeMs(born).build());
            int reposts = rnd.nextInt(4);
            for (int r = 0; r < reposts; r++) {
                b.add(Post.builder(Platform.TWITTER).id("r" + id++).accountId("u" + rnd.nextInt(300))
                        .timeMs(born + (long) (rnd.nextDouble() * 4 * h)).repostOf(new PostRef("o" + k, null, null)).build());
            }
            if (k < 40) {
                long t0 = born + (long) (rnd.nextDouble() * h);
                b.add(Post.builder(Platform.TWITTER).id("x" + id++).accountId("relayA").timeMs(t0)
                        .repostOf(new PostRef("o" + k, null, null)).build());
                b.add(Post.builder(Platform.TWITTER).id("y" + id++).accountId("relayB").timeMs(t0 + 120_000 + rnd.nextInt(300_000))
                        .repostOf(new PostRef("o" + k, null, null)).build());
            }
        }
        PostTable t = b.build();
        CoordinationResult r = Coordination.detect(t, CoordinationConfig.builder().build());
        Set<String> found = new HashSet<>();
        for (int a : r.accounts().members) found.add(r.accountName(a));
        assertEquals(Set.of("relayA", "relayB"), found);
        assertEquals(1, r.edges().size());
        assertEquals(40, r.edges().sharedObjects[0]);
        assertTrue(r.edges().pShared[0] < 1e-10, "p co-occurrence " + r.edges().pShared[0]);
        assertTrue(Double.isNaN(r.edges().pTiming[0]) || r.edges().pTiming[0] > 0.05, "no timing evidence");
        // the evidence shows the relays, minutes apart, none within the window
        int lagged = 0;
        for (int k = r.evidence().start(0); k < r.evidence().end(0); k++) if (!r.evidence().withinWindow[k]) lagged++;
        assertEquals(r.evidence().count(0), lagged);
        CoordinationResult timingOnly = Coordination.detect(t, CoordinationConfig.builder().cooccurrence(false).build());
        assertEquals(0, timingOnly.accountCount(), "timing alone cannot see a relay slower than the window");
    }

    /** A ring detected with millisecond times is detected the same when its times are truncated to minutes. */
    @Test
    void minuteTimestampsFindTheSameRing() {
        Set<String> planted = new HashSet<>(), hyper = new HashSet<>();
        PostTable exact = CoordPipelineTest.world(1, planted, hyper);
        PostTable.Builder b = PostTable.builder();
        for (int r = 0; r < exact.size(); r++) {
            Post.Builder p = Post.builder(Platform.TWITTER).id(exact.posts().get(exact.post(r)))
                    .accountId(exact.accounts().get(exact.account(r))).timeMs(exact.time(r) / 60_000 * 60_000);
            if (exact.repostOf(r) >= 0) p.repostOf(new PostRef(exact.posts().get(exact.repostOf(r)), null, null));
            b.add(p.build());
        }
        PostTable minutes = b.build();
        CoordinationResult a = Coordination.detect(exact, CoordinationConfig.builder().build());
        CoordinationResult m = Coordination.detect(minutes, CoordinationConfig.builder().build());
        assertEquals(60_000, m.counts().timeResolutionMs());
        Set<String> fa = new HashSet<>(), fm = new HashSet<>();
        for (int x : a.accounts().members) fa.add(a.accountName(x));
        for (int x : m.accounts().members) fm.add(m.accountName(x));
        assertEquals(planted, fa);
        assertEquals(fa, fm);
        // with minute stamps but no widening, co-actions 1 min apart on the clock would be lost
        for (int e = 0; e < m.edges().size; e++) assertEquals(15, m.edges().episodes[e]);
    }

    /**
     * co-image over perceptual hashes: two accounts post the same six memes within seconds, each copy
     * recompressed (hashes a few bits apart); grouped by MediaGroups they co-act, as different ids they would not.
     */
    @Test
    void nearDuplicateImageHashesAreOneObject() {
        PostTable.Builder b = PostTable.builder();
        java.util.Random rnd = new java.util.Random(2);
        long t0 = 1_700_000_000_000L;
        for (int m = 0; m < 6; m++) {
            long h = rnd.nextLong();
            for (int a = 0; a < 2; a++) {
                long copy = h ^ (a == 0 ? 0 : (1L << rnd.nextInt(64)) | (1L << rnd.nextInt(64)));
                b.add(Post.builder(Platform.TWITTER).id("m" + m + "_" + a).accountId("meme" + a).timeMs(t0 + m * 7_200_000L + a * 9_000L)
                        .media(List.of(new org.lockstep.core.model.Media(null, "photo", String.format("%016x", copy)))).build());
            }
        }
        for (int u = 0; u < 50; u++) {
            b.add(Post.builder(Platform.TWITTER).id("o" + u).accountId("user" + u).timeMs(t0 + u * 1_000_000L)
                    .media(List.of(new org.lockstep.core.model.Media(null, "photo", String.format("%016x", rnd.nextLong())))).build());
        }
        CoordinationResult r = Coordination.detect(b.build(), CoordinationConfig.builder().signals(Signal.CO_IMAGE).build());
        assertEquals(1, r.edges().size);
        assertEquals(6, r.edges().episodes[0]);
        assertEquals(Signal.CO_IMAGE.bit(), r.edges().signals[0]);
    }
}
