package org.lockstep.core.campaigns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lockstep.core.campaigns.CampaignTestData.DAY;
import static org.lockstep.core.campaigns.CampaignTestData.HOUR;
import static org.lockstep.core.campaigns.CampaignTestData.MIN;
import static org.lockstep.core.campaigns.CampaignTestData.T0;
import static org.lockstep.core.campaigns.CampaignTestData.acc;
import static org.lockstep.core.campaigns.CampaignTestData.original;
import static org.lockstep.core.campaigns.CampaignTestData.post;
import static org.lockstep.core.campaigns.CampaignTestData.repost;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lockstep.core.model.AccountSnapshot;
import org.lockstep.core.model.Post;
import org.lockstep.core.model.PostTable;

class CampaignDetectorTest {

    /** Background: 20 accounts take turns posting #daily once a minute for 24 h. */
    private static void background(PostTable.Builder b) {
        AccountSnapshot[] bg = new AccountSnapshot[20];
        for (int i = 0; i < 20; i++) bg[i] = acc("bg" + i, T0 - 2000 * DAY);
        for (int m = 0; m < 24 * 60; m++) b.add(post(bg[m % 20], T0 + m * MIN, "fr", List.of("daily"), List.of()));
    }

    /**
     * A leak at T0+12h: 3 old seed accounts post #leak in English 30 s apart, then 40 five-day-old
     * amplifiers, one every 15 s from +2 min, in French; all 43 in coordination group 0.
     */
    private static PostTable storm(List<Long> times) {
        PostTable.Builder b = PostTable.builder();
        background(b);
        long s = T0 + 12 * HOUR;
        for (int i = 0; i < 3; i++) {
            b.add(post(acc("seed" + i, T0 - 1000 * DAY), s + i * 30_000L, "en", List.of("leak"), List.of("https://leaks.example/docs")));
            times.add(s + i * 30_000L);
        }
        for (int i = 0; i < 40; i++) {
            long ti = s + 2 * MIN + i * 15_000L;
            b.add(post(acc("amp" + i, T0 + 12 * HOUR - 5 * DAY), ti, "fr", List.of("leak"), List.of("https://leaks.example/docs")));
            times.add(ti);
        }
        return b.build();
    }

    private static int[] groupAll(PostTable t, String... prefixes) {
        int[] g = new int[t.accounts().size()];
        Arrays.fill(g, -1);
        for (int a = 0; a < g.length; a++) for (String p : prefixes) if (t.accounts().get(a).startsWith(p)) g[a] = 0;
        return g;
    }

    private static Campaign find(CampaignResult r, String entity) {
        for (Campaign c : r.campaigns()) if (c.entity().equals(entity)) return c;
        return null;
    }

    @Test
    void flagsTheStormAtItsTenthPostWithHandCalculatedScore() {
        List<Long> times = new ArrayList<>();
        PostTable t = storm(times);
        EntityIndex idx = EntityIndex.build(t, null);
        CampaignDetector.AccountInputs in = new CampaignDetector.AccountInputs(null, null, groupAll(t, "seed", "amp"), null);
        CampaignResult r = new CampaignDetector(CampaignConfig.defaults()).detect(idx, in);
        Campaign c = find(r, "#leak");
        assertNotNull(c, "campaigns: " + r.campaigns());
        assertTrue(c.flagged(), c.toString());
        // 5-minute scale, no history: lambda = 1, z = c - 1; the minimum count 10 decides: the 10th post
        assertEquals(times.get(9), c.firstFlaggedAt());
        assertEquals(times.get(9), c.firstBurstAt());
        assertEquals(5 * MIN, c.firstBurstScaleMs());
        // measured: groups (0.30), new accounts (0.15), repetition (0.10); weights divided by their sum 0.55.
        // at the 10th post: 10 posts, 10 accounts, all grouped, 7 of 10 new
        assertEquals((0.30 + 0.15 * 0.7) / 0.55, c.scoreAtFlag(), 1e-9);
        // episode: all 43 posts; grouped 1.0, new 40/43
        assertEquals(43, c.profile().posts());
        assertEquals((0.30 + 0.15 * 40 / 43.0) / 0.55, c.score(), 1e-9);
        assertFalse(c.profile().parts().get(1).measured(), "no account signals given");
        double sum = 0;
        for (Campaign.Part p : c.profile().parts()) sum += p.contribution();
        assertEquals(c.score(), sum, 1e-12);
        assertEquals(1.0, c.profile().coordinatedShare(), 1e-12);
        // first spreaders in order of first post
        assertEquals("h_seed0", c.origin().firstSpreaders().get(0).handle());
        assertEquals("h_seed1", c.origin().firstSpreaders().get(1).handle());
        assertEquals("h_seed2", c.origin().firstSpreaders().get(2).handle());
        assertEquals("h_amp0", c.origin().firstSpreaders().get(3).handle());
        assertEquals(20, c.origin().firstSpreaders().size());
        // language: early quarter (10 posts: 3 en, 7 fr), late half all fr; fr gains, but en is not dominant early
        assertEquals("fr", c.languageShift().from());
        // the steady background never bursts
        assertNull(find(r, "#daily"));
    }

    @Test
    void languageShiftFromEnglishSeedsToFrenchRelays() {
        PostTable.Builder b = PostTable.builder();
        background(b);
        long s = T0 + 12 * HOUR;
        for (int i = 0; i < 30; i++) b.add(post(acc("seed" + i, T0 - 1000 * DAY), s + i * 10_000L, "en", List.of("leak"), List.of()));
        for (int i = 0; i < 60; i++) b.add(post(acc("relay" + i, T0 - 1000 * DAY), s + 10 * MIN + i * 10_000L, "fr", List.of("leak"), List.of()));
        PostTable t = b.build();
        CampaignResult r = new CampaignDetector(CampaignConfig.defaults()).detect(EntityIndex.build(t, null), CampaignDetector.AccountInputs.none());
        Campaign c = find(r, "#leak");
        assertNotNull(c);
        Campaign.LanguageShift ls = c.languageShift();
        assertTrue(ls.shifted());
        assertEquals("en", ls.from());
        assertEquals("fr", ls.to());
        // early = first 22 posts (all en), late = last 45 (all fr): total variation 1
        assertEquals(1.0, ls.distance(), 1e-12);
        // in a sliding 50-post window fr outnumbers en from the 26th French post on (26 > 24)
        assertEquals(s + 10 * MIN + 25 * 10_000L, ls.at());
        // nothing inauthentic: bursts but not flagged
        assertFalse(c.flagged());
        assertNull(c.firstFlaggedAt());
    }

    @Test
    void organicViralPostBurstsButIsNotFlagged() {
        PostTable.Builder b = PostTable.builder();
        background(b);
        AccountSnapshot star = acc("star", T0 - 3000 * DAY);
        long s = T0 + 6 * HOUR;
        b.add(original("viral1", star, s, "fr"));
        for (int i = 0; i < 300; i++) {
            // fans reposting over three hours, faster at first
            long d = (long) (3 * HOUR * Math.pow(i / 300.0, 2));
            b.add(repost(acc("fan" + i, T0 - (500 + i) * DAY), s + 1000 + d, "fr", "viral1", star));
        }
        PostTable t = b.build();
        CampaignResult r = new CampaignDetector(CampaignConfig.defaults()).detect(EntityIndex.build(t, null), CampaignDetector.AccountInputs.none());
        Campaign c = find(r, "post:viral1");
        assertNotNull(c, "the viral post bursts");
        assertFalse(c.flagged());
        assertEquals(0.0, c.score(), 1e-12);
        assertEquals(301, c.profile().posts());
        assertEquals(300 / 301.0, c.profile().repostShare(), 1e-12);
        assertEquals("h_star", c.origin().firstSpreaders().get(0).handle());
        // cascade: 300 edges from star, star amplified by 300 accounts
        assertEquals(300, c.cascade().edgesTotal());
        assertEquals("h_star", c.cascade().topAmplified().get(0).handle());
        assertEquals(300, c.cascade().topAmplified().get(0).amplifiers());
        // timeline counts add up
        assertEquals(301, Arrays.stream(c.timeline().counts()).sum());
    }

    @Test
    void relaysAreBridgesAcrossLanguages() {
        PostTable.Builder b = PostTable.builder();
        background(b);
        AccountSnapshot seed = acc("seed", T0 - 1000 * DAY);
        long s = T0 + 12 * HOUR;
        b.add(original("leak1", seed, s, "en"));
        List<Post> later = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            AccountSnapshot rel = acc("relay" + i, T0 - 1000 * DAY);
            b.add(repost(rel, s + MIN + i * 5_000L, "en", "leak1", seed));
            // each relay also writes its own French post
            later.add(post(rel, s + 30 * MIN + i * 5_000L, "fr", List.of("x" + i), List.of()));
        }
        later.forEach(b::add);
        PostTable t = b.build();
        CampaignResult r = new CampaignDetector(CampaignConfig.defaults()).detect(EntityIndex.build(t, null), CampaignDetector.AccountInputs.none());
        Campaign c = find(r, "post:leak1");
        assertNotNull(c);
        assertFalse(c.bridges().isEmpty(), c.toString());
        Campaign.Bridge top = c.bridges().get(0);
        assertEquals("source", top.role());
        assertEquals("h_seed", top.handle());
        assertEquals("en", top.fromLang());
        assertEquals("fr", top.toLang());
        assertEquals(20, top.count());
        long relays = c.bridges().stream().filter(x -> x.role().equals("relay")).count();
        assertEquals(10, relays, "top 10 relays reported");
        // amplification speed: 20 reposts from +1 min to +2 min 35 s
        assertEquals(1, c.origin().amplifiedWithin1Min());
        assertEquals(20, c.origin().amplifiedWithin5Min());
        assertEquals((60 + 4 * 5 + 60 + 5 * 5) / 2.0, c.origin().medianDelayFirst10Sec(), 1e-9);
    }

    @Test
    void entityIndexCountsOriginalRepostsAndQuotes() {
        PostTable.Builder b = PostTable.builder();
        AccountSnapshot a = acc("a", T0), x = acc("x", T0);
        b.add(original("o1", a, T0, "en"));
        b.add(repost(x, T0 + 1, "en", "o1", a));
        b.add(org.lockstep.core.model.Post.builder(org.lockstep.core.model.Platform.TWITTER).id("q1").accountId("x")
                .timeMs(T0 + 2).quoteOf(new org.lockstep.core.model.PostRef("o1", "a", "h_a")).hashtags(List.of("Tag", "tag")).build());
        PostTable t = b.build();
        EntityIndex idx = EntityIndex.build(t, null);
        int e = idx.find(EntityType.POST, "o1");
        assertTrue(e >= 0);
        assertEquals(3, idx.count(e));
        assertEquals("post:o1", idx.label(e));
        int h = idx.find(EntityType.HASHTAG, "tag");
        assertEquals(1, idx.count(h), "hashtags are lower-cased and de-duplicated per post");
        assertEquals(EntityType.HASHTAG, idx.type(h));
    }

    @Test
    void botSlayerRanksLikeSqlRank() {
        // descending ranks - 1: 3 -> 0, 2 -> 1, 2 -> 1, 1 -> 3; largest rank 3
        double[] v = {3, 1, 2, 2};
        assertEquals(0.0, BotSlayerBaseline.normRank(v, 0), 1e-12);
        assertEquals(1 / 3.0, BotSlayerBaseline.normRank(v, 2), 1e-12);
        assertEquals(1.0, BotSlayerBaseline.normRank(v, 1), 1e-12);
        assertTrue(Double.isNaN(BotSlayerBaseline.normRank(new double[] {2, 2}, 0)));
    }

    @Test
    void botSlayerLevelOfTheTopEntityInEveryRankIsTheFormulaAtZeroRanks() {
        List<Long> times = new ArrayList<>();
        PostTable t = storm(times);
        EntityIndex idx = EntityIndex.build(t, null, EntityType.HASHTAG);
        double[] bot = new double[t.accounts().size()];
        for (int a = 0; a < bot.length; a++) bot[a] = t.accounts().get(a).startsWith("amp") ? 1.0 : 0.0;
        long end = times.get(times.size() - 1);
        Campaign.BotSlayer bs = BotSlayerBaseline.level(idx, bot, end, idx.find(EntityType.HASHTAG, "leak"));
        // #leak vs #daily: leak has more posts? window: 43 leak posts, 240 daily posts -> volume rank 1 of max 1;
        // trend: leak 44/1 vs daily 241/241 -> rank 0; botness 40/43 vs 0 -> rank 0; diversity: leak 44/44=1, daily 21/241 -> rank 0
        double z = 1.91356533 * 1 + 2.8811564 * 0 + 7.09627534 * 1 - 0.0889277 * 1 - 10.3836869;
        assertEquals(1 / (1 + Math.exp(-z)), bs.bsLevel(), 1e-12);
        assertEquals(44.0, bs.trend(), 1e-12);
        assertEquals(40 / 43.0, bs.botness(), 1e-12);
        assertEquals(2, bs.entitiesRanked());
    }
}
