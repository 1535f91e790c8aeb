package org.lockstep.core.plans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.lockstep.core.model.Platform;
import org.lockstep.core.model.Post;
import org.lockstep.core.model.PostTable;
import org.lockstep.core.plans.CallExtractor.Kind;
import org.lockstep.core.plans.CallExtractor.Role;

class PlanLinkerTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static long ms(String iso) { return Instant.parse(iso).toEpochMilli(); }

    private static ChatMessage msg(String id, String iso, String author, String text, String... att) {
        return new ChatMessage("raid", id, ms(iso), "u-" + author, author, text, List.of(att), null);
    }

    private static Post post(String id, String acc, long t, List<String> tags, List<String> urls, String text) {
        return Post.builder(Platform.TWITTER).id(id).accountId(acc).handle("h" + acc).timeMs(t).hashtags(tags).urls(urls)
                .text(text).build();
    }

    @Test
    void extractsItemsTimesAndRevealedHandles() {
        CallExtractor ex = new CallExtractor(CallExtractor.Config.defaults(PARIS));
        CallExtractor.Result r = ex.run(List.of(
                msg("1", "2017-05-05T15:50:00Z", "kek", "Ce soir 21h30 tous sur #MacronGate, lien https://en-marche-leaks.fr/doc?utm_source=x "
                        + "et copiez « Macron a un compte offshore aux Bahamas » ciblez @EmmanuelMacron", "meme1.png"),
                msg("2", "2017-05-05T15:51:00Z", "kek", "lol"),
                msg("3", "2017-05-05T15:52:00Z", "anon", "my new account is @French_Patriot_75"),
                msg("4", "2017-05-05T15:53:00Z", "anon", "suivez @a_1 @b_2 @c_3 svp"),
                msg("5", "2017-05-05T15:54:00Z", "anon", "j'aime bien #MacronGate")));
        assertEquals(2, r.calls().size(), r.calls().toString()); // message 5 names a tag but neither time nor cue
        CallExtractor.Call c = r.calls().get(0);
        assertEquals(ms("2017-05-05T19:30:00Z"), c.scheduledMs());
        Set<String> items = c.items().stream().map(i -> i.kind() + "=" + i.value()).collect(Collectors.toSet());
        assertTrue(items.contains("HASHTAG=macrongate"), items::toString);
        assertTrue(items.contains("LINK=https://en-marche-leaks.fr/doc"), items::toString);
        assertTrue(items.contains("DOMAIN=en-marche-leaks.fr"), items::toString);
        assertTrue(items.contains("QUOTE=Macron a un compte offshore aux Bahamas"), items::toString);
        assertTrue(items.contains("HANDLE=emmanuelmacron"), items::toString);
        assertTrue(items.contains("ATTACHMENT=meme1.png"), items::toString);
        assertEquals(Role.TARGET, c.items().stream().filter(i -> i.kind() == Kind.HANDLE).findFirst().get().role());
        CallExtractor.Call follow = r.calls().get(1);
        assertTrue(follow.items().stream().allMatch(i -> i.kind() == Kind.HANDLE && i.role() == Role.FOLLOW));
        assertEquals(1, r.revealed().size());
        assertEquals("french_patriot_75", r.revealed().get(0).handle());
        assertEquals("anon", r.revealed().get(0).chatAuthor());
    }

    @Test
    void bareDomainsButNotFileNames() {
        assertTrue(CallExtractor.publicDomain("en-marche.fr"));
        assertTrue(CallExtractor.publicDomain("macron-leaks.blogspot.com"));
        assertFalse(CallExtractor.publicDomain("meme.png"));
        assertFalse(CallExtractor.publicDomain("readme.txt"));
    }

    /**
     * #macrongate: one post a day from 7 organic accounts in the week before the call; the call at
     * 15:50Z sets 19:30Z; accounts x0..x9 post at 19:30 + i minutes; organic o0 (a prior user) posts at
     * 19:40; organic late1 posts at 22:00 (after the 2-hour window). A second call at the same time
     * asks for #jamaisvu and nobody uses it. A third call (#bahamasgate) executed by x0..x4 and y0..y2.
     */
    @Test
    void linksACallToItsExecutors() {
        PostTable.Builder b = PostTable.builder(true);
        long call = ms("2017-05-05T15:50:00Z");
        long at = ms("2017-05-05T19:30:00Z");
        int id = 0;
        for (int d = 1; d <= 7; d++) b.add(post("p" + id++, "o" + (d % 7), call - d * 86_400_000L, List.of("MacronGate"), List.of(), "x"));
        for (int i = 0; i < 10; i++) b.add(post("p" + id++, "x" + i, at + i * 60_000L, List.of("macrongate"), List.of(), "go"));
        b.add(post("p" + id++, "o0", at + 10 * 60_000L, List.of("macrongate"), List.of(), "again"));
        b.add(post("p" + id++, "late1", ms("2017-05-05T22:00:00Z"), List.of("macrongate"), List.of(), "late"));
        long call3 = ms("2017-05-06T08:00:00Z");
        for (int i = 0; i < 8; i++) {
            String acc = i < 5 ? "x" + i : "y" + i;
            b.add(post("p" + id++, acc, call3 + 5 * 60_000L + i * 1000L, List.of("BahamasGate"), List.of(), "copy"));
        }
        PostTable t = b.build();
        CallExtractor ex = new CallExtractor(CallExtractor.Config.defaults(PARIS));
        CallExtractor.Result chat = ex.run(List.of(
                msg("1", "2017-05-05T15:50:00Z", "kek", "ce soir 21h30 tous sur #MacronGate"),
                msg("2", "2017-05-05T15:50:00Z", "kek", "ce soir 21h30 tous sur #JamaisVu"),
                msg("3", "2017-05-06T08:00:00Z", "kek", "dans 5 min #BahamasGate go"),
                msg("4", "2017-05-06T08:01:00Z", "x0", "my new account @hx0")));
        PlanLinker.Result r = new PlanLinker(PlanLinker.Config.defaults()).run(chat, t);
        assertEquals(3, r.calls().size());
        PlanLinker.LinkedCall c1 = r.calls().get(0);
        assertTrue(c1.executed());
        assertEquals(7, c1.uptake().baselinePosts());
        assertEquals(11, c1.uptake().windowPosts());
        assertEquals(1, c1.uptake().laterPosts());
        // 7 posts in 7 days (604,800 s) before, 11 in 15:50 -> 21:30 (20,400 s): lift = (11/20400)/(7/604800)
        assertEquals((11.0 / 20_400) / (7.0 / 604_800), c1.uptake().lift(), 1e-9);
        assertEquals(AdoptionTest.binomialUpper(18, 11, 20_400.0 / 625_200), c1.uptake().pValue(), 1e-20);
        assertEquals(10, c1.adopters().size());
        assertEquals("x0", c1.adopters().get(0).accountId());
        assertEquals(0, c1.adopters().get(0).lagS());
        assertEquals(540, c1.adopters().get(9).lagS());
        assertEquals(1, c1.priorUsers());
        assertEquals(1, c1.laterAccounts());
        assertTrue(c1.adopters().stream().noneMatch(a -> a.accountId().equals("o0") || a.accountId().equals("late1")));

        PlanLinker.LinkedCall c2 = r.calls().get(1);
        assertFalse(c2.executed());
        assertTrue(c2.adopters().isEmpty());
        assertFalse(c2.items().get(0).inPosts());

        PlanLinker.LinkedCall c3 = r.calls().get(2);
        assertTrue(c3.executed());
        assertEquals(8, c3.adopters().size());
        assertEquals(ms("2017-05-06T08:05:00Z"), c3.call().scheduledMs());

        Set<String> net = r.network().stream().map(PlanLinker.NetworkAccount::accountId).collect(Collectors.toSet());
        assertEquals(Set.of("x0", "x1", "x2", "x3", "x4"), net);
        assertEquals(1, r.revealed().size());
        PlanLinker.RevealedMatch m = r.revealed().get(0);
        assertEquals("x0", m.accountId());
        assertEquals(2, m.callsAdopted());
        assertNull(c1.untested());
        assertNotNull(c1.call().message());
    }

    /**
     * Two calls three days apart share a slogan to copy; each has its own hashtag. x0..x4 execute both
     * (hashtag and slogan); o1 posted the slogan the day before the second call and posts it again in its
     * window, without the hashtag. For the second call, x0..x4 used the slogan in the baseline (for the first
     * call) but take up its new hashtag: they are its adopters; o1 only repeats what it used before: a prior
     * user. Judged on "any item used before", the executors of the first call would all have been lost.
     */
    @Test
    void executorsOfAnEarlierCallWithTheSameSloganStillAdoptANewHashtag() {
        long call1 = ms("2017-05-01T12:00:00Z"), call2 = ms("2017-05-04T12:00:00Z");
        String slogan = "Macron a un compte offshore aux Bahamas";
        PostTable.Builder b = PostTable.builder(true);
        int id = 0;
        // a quiet baseline: a post a day on an unrelated tag, so that the test has data to compare against
        for (int d = 0; d < 10; d++) b.add(post("n" + id++, "bystander", ms("2017-04-24T09:00:00Z") + d * 86_400_000L, List.of("meteo"), List.of(), "beau temps"));
        for (int i = 0; i < 5; i++) {
            b.add(post("p" + id++, "x" + i, call1 + 5 * 60_000L + i * 1000L, List.of("RaidUn"), List.of(), slogan + " " + i));
            b.add(post("p" + id++, "x" + i, call2 + 5 * 60_000L + i * 1000L, List.of("RaidDeux"), List.of(), slogan + " !"));
        }
        b.add(post("p" + id++, "o1", call2 - 86_400_000L, List.of(), List.of(), slogan));
        b.add(post("p" + id++, "o1", call2 + 20 * 60_000L, List.of(), List.of(), slogan + " encore"));
        PostTable t = b.build();
        CallExtractor.Result chat = new CallExtractor(CallExtractor.Config.defaults(PARIS)).run(List.of(
                msg("1", "2017-05-01T12:00:00Z", "kek", "maintenant tous sur #RaidUn et copiez « " + slogan + " »"),
                msg("2", "2017-05-04T12:00:00Z", "kek", "maintenant tous sur #RaidDeux et copiez « " + slogan + " »")));
        assertEquals(2, chat.calls().size());
        PlanLinker.Result r = new PlanLinker(PlanLinker.Config.defaults()).run(chat, t);
        Set<String> five = Set.of("x0", "x1", "x2", "x3", "x4");
        assertEquals(five, r.calls().get(0).adopters().stream().map(PlanLinker.Adopter::accountId).collect(Collectors.toSet()));
        PlanLinker.LinkedCall c2 = r.calls().get(1);
        assertTrue(c2.executed());
        assertEquals(five, c2.adopters().stream().map(PlanLinker.Adopter::accountId).collect(Collectors.toSet()));
        assertEquals(1, c2.priorUsers(), "o1 repeats the slogan it used before: the item's own public");
        assertEquals(five, r.network().stream().map(PlanLinker.NetworkAccount::accountId).collect(Collectors.toSet()));
    }

    @Test
    void quotedTextIsFoundInPostsWhateverTheCaseAndSpacing() {
        long call = ms("2017-05-05T12:00:00Z");
        PostTable.Builder b = PostTable.builder(true);
        b.add(post("old", "o1", call - 3 * 86_400_000L, List.of(), List.of(), "nothing to see"));
        for (int i = 0; i < 5; i++) {
            b.add(post("p" + i, "c" + i, call + 60_000L * (i + 1), List.of(), List.of(),
                    "RT  Les médias ne vous\n diront JAMAIS ça !!! " + i));
        }
        b.add(post("q", "c9", call + 60_000L, List.of(), List.of(), "les médias ne vous diront rien"));
        PostTable t = b.build();
        CallExtractor.Result chat = new CallExtractor(CallExtractor.Config.defaults(PARIS)).run(List.of(
                msg("1", "2017-05-05T12:00:00Z", "kek", "copiez « les médias ne vous diront jamais ça » maintenant")));
        assertEquals(1, chat.calls().get(0).items().size());
        PlanLinker.LinkedCall c = new PlanLinker(PlanLinker.Config.defaults()).run(chat, t).calls().get(0);
        assertEquals(5, c.uptake().windowPosts());
        assertEquals(0, c.uptake().baselinePosts());
        assertTrue(c.executed());
        assertEquals(Set.of("c0", "c1", "c2", "c3", "c4"), c.adopters().stream().map(PlanLinker.Adopter::accountId).collect(Collectors.toSet()));
    }
}
