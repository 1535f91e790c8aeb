package org.lockstep.core.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lockstep.core.accounts.AccountTestData.DAY;
import static org.lockstep.core.accounts.AccountTestData.T0;
import static org.lockstep.core.accounts.AccountTestData.post;
import static org.lockstep.core.accounts.AccountTestData.snap;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lockstep.core.model.AccountSnapshot;
import org.lockstep.core.model.PostTable;

class AccountSignalsTest {

    /** 40 organic accounts created ~9 days apart; 6 puppets created a minute apart, 3 days before posting #leak. */
    private static PostTable scenario() {
        PostTable.Builder b = PostTable.builder();
        for (int i = 0; i < 40; i++) {
            AccountSnapshot a = snap("o" + i, "person" + i, T0 - 400 * DAY + i * 9 * DAY + i * 7_777L, "Paris, France", "bio number " + i);
            for (int k = 0; k < 5; k++) {
                b.add(post(a, T0 + i * 3_600_000L + k * 7_000_000L + (k * k * 911_000L), "fr", List.of("tag" + (i % 7)), null));
            }
        }
        for (int i = 0; i < 6; i++) {
            AccountSnapshot a = snap("s" + i, "patriote" + (48_211_000 + i), T0 - 2 * DAY + i * 60_000L, null, "same bio for all");
            for (int k = 0; k < 8; k++) b.add(post(a, T0 + DAY + k * 60_000L + i * 1000L, "en", List.of("leak"), null));
        }
        return b.build();
    }

    @Test
    void findsTheBatchThatActsTogetherAndOnlyIt() {
        PostTable t = scenario();
        AccountSignalsResult r = new AccountSignals(AccountSignalsConfig.defaults()).compute(t, null);
        List<CreationBatch> acting = new ArrayList<>();
        for (CreationBatch cb : r.batches()) if (cb.actsTogether()) acting.add(cb);
        assertEquals(1, acting.size(), "one acting batch: " + r.batches());
        CreationBatch cb = acting.get(0);
        assertEquals(6, cb.size());
        assertEquals("#leak", cb.sharedObject());
        assertEquals(1.0, cb.sharedShare(), 1e-9);
        // 6 of 46 active accounts used #leak: lift = 1 / (6/46)
        assertEquals(46 / 6.0, cb.lift(), 1e-9);
        for (int m : cb.members()) assertTrue(t.accountId(0) != null && t.accounts().get(m).startsWith("s"));
        int s0 = t.accounts().find("s0"), o0 = t.accounts().find("o0");
        assertEquals(1.0, r.value(s0, AccountFeature.CREATION_BATCH));
        assertEquals(0.0, r.value(o0, AccountFeature.CREATION_BATCH));
    }

    @Test
    void featureValuesFollowTheirDocumentedTransforms() {
        PostTable t = scenario();
        AccountSignalsResult r = new AccountSignals(AccountSignalsConfig.defaults()).compute(t, null);
        int s0 = t.accounts().find("s0"), o3 = t.accounts().find("o3");
        // s0 was created 2 days before T0 and first posts at T0 + 1 day: 3 days old, 1 - 3/90
        assertEquals(1 - 3 / 90.0, r.value(s0, AccountFeature.YOUNG_ACCOUNT), 1e-6);
        assertEquals(3.0, r.ageDays(s0), 1e-6);
        // eight trailing digits
        assertEquals(1.0, r.value(s0, AccountFeature.HANDLE_PATTERN));
        assertEquals(0.0, r.value(o3, AccountFeature.HANDLE_PATTERN));
        // posts exactly every 60 s: 7 equal gaps, CV 0
        assertEquals(1.0, r.value(s0, AccountFeature.REGULARITY), 1e-9);
        // shared bio by 6 accounts (>= 3): one of three profile fields reused
        assertEquals(1 / 3.0, r.value(s0, AccountFeature.PROFILE_REUSE), 1e-9);
        assertEquals(0.0, r.value(o3, AccountFeature.PROFILE_REUSE), 1e-9);
        // followers = following = 100: log10(1) = 0
        assertEquals(0.0, r.value(s0, AccountFeature.FOLLOW_RATIO), 1e-9);
        // organic posts in French from Paris: no mismatch
        assertEquals(0.0, r.value(o3, AccountFeature.LANGUAGE_MISMATCH), 1e-9);
        assertTrue(r.score(s0) > 0.9, "puppet score " + r.score(s0));
        assertTrue(r.score(o3) < 0.1, "organic score " + r.score(o3));
    }

    @Test
    void contributionsAddUpToTheScore() {
        PostTable t = scenario();
        AccountSignalsResult r = new AccountSignals(AccountSignalsConfig.defaults()).compute(t, null);
        for (int a = 0; a < r.accounts(); a++) {
            if (!r.active(a)) continue;
            double z = r.model().bias();
            for (AccountSignalsResult.Contribution c : r.explain(a)) z += c.logOdds();
            assertEquals(1 / (1 + Math.exp(-z)), r.score(a), 1e-12);
        }
    }

    @Test
    void languageMismatchCountsPostsOutsideTheLocationsLanguages() {
        PostTable.Builder b = PostTable.builder();
        AccountSnapshot a = snap("x", "x", T0 - 1000 * DAY, "Paris, France", null);
        b.add(post(a, T0, "en", List.of(), null));
        b.add(post(a, T0 + 1000, "en", List.of(), null));
        b.add(post(a, T0 + 2000, "en", List.of(), null));
        b.add(post(a, T0 + 3000, "fr", List.of(), null));
        AccountSignalsResult r = new AccountSignals(AccountSignalsConfig.defaults()).compute(b.build(), null);
        assertEquals(0.75, r.value(0, AccountFeature.LANGUAGE_MISMATCH), 1e-9);
    }

    @Test
    void batchActsTogetherThroughCoordinationGroups() {
        PostTable.Builder b = PostTable.builder();
        for (int i = 0; i < 5; i++) {
            AccountSnapshot a = snap("b" + i, "b" + i, T0 - 30 * DAY + i * 1000L, null, null);
            b.add(post(a, T0 + i, "en", List.of("own" + i), null));
        }
        for (int i = 0; i < 20; i++) {
            AccountSnapshot a = snap("o" + i, "o" + i, T0 - 3000 * DAY + i * 100 * DAY, null, null);
            b.add(post(a, T0 + 100 + i, "en", List.of("x"), null));
        }
        PostTable t = b.build();
        AccountSignalsResult without = new AccountSignals(AccountSignalsConfig.defaults()).compute(t, null);
        assertEquals(1, without.batches().size());
        assertFalse(without.batches().get(0).actsTogether(), "no shared object, no groups");
        int[] group = new int[t.accounts().size()];
        java.util.Arrays.fill(group, -1);
        for (int i = 0; i < 4; i++) group[t.accounts().find("b" + i)] = 7;
        AccountSignalsResult with = new AccountSignals(AccountSignalsConfig.defaults()).compute(t, group);
        assertTrue(with.batches().get(0).actsTogether());
        assertEquals(0.8, with.batches().get(0).groupShare(), 1e-9);
    }

    @Test
    void hourOfDayEntropyNeedsRoundTheClockPosting() {
        PostTable.Builder b = PostTable.builder();
        AccountSnapshot bot = snap("bot", "bot", T0 - 1000 * DAY, null, null);
        AccountSnapshot human = snap("hum", "hum", T0 - 1000 * DAY, null, null);
        for (int h = 0; h < 48; h++) b.add(post(bot, T0 + h * 3_600_000L, "en", List.of(), null));
        for (int d = 0; d < 8; d++) for (int k = 0; k < 6; k++) b.add(post(human, T0 + d * DAY + k * 600_000L, "en", List.of(), null));
        PostTable t = b.build();
        AccountSignalsResult r = new AccountSignals(AccountSignalsConfig.defaults()).compute(t, null);
        assertEquals(1.0, r.value(t.accounts().find("bot"), AccountFeature.ROUND_THE_CLOCK), 1e-9);
        // all posts inside two hours of the day: entropy well below 85% of log 24
        assertEquals(0.0, r.value(t.accounts().find("hum"), AccountFeature.ROUND_THE_CLOCK), 1e-9);
    }
}
