package org.lockstep.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PostTableTest {
    private static Post post(String id, String account, long t, List<String> urls, List<String> tags) {
        return Post.builder(Platform.TWITTER).id(id).accountId(account).handle("h" + account).timeMs(t)
                .urls(urls).hashtags(tags).build();
    }

    @Test
    void rowsAreSortedByTimeAndDuplicatesStoredOnce() {
        PostTable.Builder b = PostTable.builder();
        assertTrue(b.add(post("3", "a", 300, List.of(), List.of())));
        assertTrue(b.add(post("1", "b", 100, List.of(), List.of())));
        assertTrue(b.add(post("2", "a", 200, List.of(), List.of())));
        assertFalse(b.add(post("1", "c", 999, List.of(), List.of())), "same platform and id: a duplicate");
        // the same id on another platform is another post
        assertTrue(b.add(Post.builder(Platform.MASTODON).id("1").accountId("z").timeMs(50).build()));
        assertEquals(1, b.duplicates());
        PostTable t = b.build();
        assertEquals(4, t.size());
        for (int r = 0; r < 4; r++) assertEquals(new long[] {50, 100, 200, 300}[r], t.time(r));
        assertEquals("1", t.postId(1));
        assertEquals("b", t.accountId(1));
        assertEquals(Platform.MASTODON, t.platformOf(0));
    }

    @Test
    void urlsAreNormalisedWithHostsAndRegistrableDomainsPerRow() {
        PostTable.Builder b = PostTable.builder();
        b.add(post("1", "a", 1, List.of("https://www.bbc.co.uk/news/1?utm_source=x", "HTTPS://bbc.co.uk/news/1/"), List.of("MacronLeaks")));
        b.add(post("2", "b", 2, List.of("https://live.bbc.co.uk/x", "not a url"), List.of("macronleaks", "MACRONLEAKS")));
        PostTable t = b.build();
        // row 0: both URLs are the same after normalisation
        assertEquals(1, t.urls().size(0));
        assertEquals("https://bbc.co.uk/news/1", t.urlIds().get(t.urls().value(t.urls().start(0))));
        assertEquals(1, t.urls().size(1));
        assertEquals("live.bbc.co.uk", t.hostIds().get(t.hosts().value(t.hosts().start(1))));
        // both rows point at the same registrable domain id
        assertEquals(t.domains().value(t.domains().start(0)), t.domains().value(t.domains().start(1)));
        assertEquals("bbc.co.uk", t.domainIds().get(t.domains().value(t.domains().start(1))));
        // hashtags are lower-cased and kept once per post
        assertEquals(1, t.hashtags().size(1));
        assertEquals(t.hashtags().value(t.hashtags().start(0)), t.hashtags().value(t.hashtags().start(1)));
    }

    @Test
    void referencesAndAccountSnapshotsBecomeColumns() {
        PostTable.Builder b = PostTable.builder(false);
        AccountSnapshot snap = new AccountSnapshot("a", "alice", "Alice", null, null, null, 1000L, 5, 7, 9,
                true, false, null, null);
        b.add(Post.builder(Platform.TWITTER).id("10").accountId("a").timeMs(5000)
                .repostOf(new PostRef("9", "o", "orig")).account(snap).text("dropped").build());
        PostTable t = b.build();
        assertEquals(PostKind.REPOST, t.kindOf(0));
        assertEquals("9", t.posts().get(t.repostOf(0)));
        assertEquals("o", t.accounts().get(t.repostOfAccount(0)));
        assertEquals(-1, t.replyTo(0));
        assertFalse(t.hasText(), "built without text");
        assertNull(t.text(0), "built without text");
        int a = t.account(0);
        assertEquals("alice", t.accountInfo().handle[a]);
        assertEquals(1000L, t.accountInfo().createdAt[a]);
        assertEquals(1, t.accountInfo().defaultProfile[a]);
        assertEquals(-1, t.accountInfo().verified[a]);
        int o = t.repostOfAccount(0);
        assertEquals("orig", t.accountInfo().handle[o]);
        assertEquals(AccountSnapshot.UNKNOWN, t.accountInfo().createdAt[o]);
    }

    @Test
    void requiredFieldsAreEnforced() {
        assertThrows(InvalidPostException.class, () -> Post.builder(Platform.TWITTER).accountId("a").timeMs(1).build());
        assertThrows(InvalidPostException.class, () -> Post.builder(Platform.TWITTER).id("1").timeMs(1).build());
        assertThrows(InvalidPostException.class, () -> Post.builder(Platform.TWITTER).id("1").accountId("a").build());
    }

    @Test
    void duplicatesAreFoundPerPlatformAlsoWhenTheIdWasFirstSeenAsAReference() {
        PostTable.Builder b = PostTable.builder(false, 3);
        // post 9 is first only referenced (it gets id 1), then stored, then repeated
        assertTrue(b.add(Post.builder(Platform.TWITTER).id("8").accountId("a").timeMs(10)
                .repostOf(new PostRef("9", "b", "hb")).build()));
        assertTrue(b.add(post("9", "b", 5, List.of(), List.of())));
        assertFalse(b.add(post("9", "c", 6, List.of(), List.of())));
        assertTrue(b.add(Post.builder(Platform.BLUESKY).id("9").accountId("c").timeMs(7).build()));
        assertFalse(b.add(Post.builder(Platform.BLUESKY).id("9").accountId("d").timeMs(8).build()));
        // many more than the hint: the columns and the seen bits grow
        for (int i = 0; i < 5000; i++) assertTrue(b.add(post("x" + i, "a", 100 + i, List.of(), List.of())));
        assertFalse(b.add(post("x4999", "a", 1, List.of(), List.of())));
        assertEquals(3, b.duplicates());
        PostTable t = b.build();
        assertEquals(5003, t.size());
        assertEquals("9", t.postId(0));
        assertEquals(t.post(0), t.repostOf(2));
        assertEquals("b", t.accountId(0));
        assertEquals(t.account(0), t.repostOfAccount(2));
    }

    @Test
    void numbersWorkedOutBeforeGiveTheSameTable() {
        List<Post> in = List.of(
                Post.builder(Platform.TWITTER).id("100").accountId("7").handle("h7").timeMs(3)
                        .replyTo(new PostRef("99", "8", "h8")).build(),
                Post.builder(Platform.TWITTER).id("abc").accountId("007").timeMs(1)
                        .quoteOf(new PostRef("100", null, null)).build(),
                Post.builder(Platform.TWITTER).id("101").accountId("8").timeMs(2)
                        .repostOf(new PostRef("abc", "007", null)).build());
        PostTable.Builder one = PostTable.builder(), two = PostTable.builder(true, 1000);
        long[] nums = new long[PostTable.Builder.NUMBERS * 3];
        for (int i = 0; i < in.size(); i++) PostTable.Builder.numbers(in.get(i), nums, i * PostTable.Builder.NUMBERS);
        assertArrayEquals(new long[] {100, 7, -1, -1, 99, 8, -1, -1}, java.util.Arrays.copyOf(nums, 8));
        assertArrayEquals(new long[] {-1, -1, -1, -1, -1, -1, 100, -1}, java.util.Arrays.copyOfRange(nums, 8, 16));
        for (int i = 0; i < in.size(); i++) {
            one.add(in.get(i));
            two.add(in.get(i), nums, i * PostTable.Builder.NUMBERS);
        }
        PostTable a = one.build(), c = two.build();
        for (int r = 0; r < a.size(); r++) assertEquals(a.post(r), c.post(r), "post of row " + r);
        for (int r = 0; r < a.size(); r++) assertEquals(a.account(r), c.account(r), "account of row " + r);
        for (int r = 0; r < a.size(); r++) assertEquals(a.repostOf(r), c.repostOf(r), "repostOf of row " + r);
        for (int r = 0; r < a.size(); r++) assertEquals(a.replyTo(r), c.replyTo(r), "replyTo of row " + r);
        for (int r = 0; r < a.size(); r++) assertEquals(a.quoteOf(r), c.quoteOf(r), "quoteOf of row " + r);
        for (int r = 0; r < a.size(); r++) assertEquals(a.repostOfAccount(r), c.repostOfAccount(r), "repostOfAccount of row " + r);
        for (int r = 0; r < a.size(); r++) assertEquals(a.replyToAccount(r), c.replyToAccount(r), "replyToAccount of row " + r);
        assertEquals("007", c.accountId(0));
        assertEquals("h8", c.accountInfo().handle[c.replyToAccount(2)]);
    }

    @Test
    void aPostWithoutSnapshotUpdatesHandleAndTimeLikeAMinimalSnapshot() {
        PostTable.Builder b = PostTable.builder();
        b.add(Post.builder(Platform.TWITTER).id("1").accountId("a").handle("new").timeMs(200).build());
        b.add(Post.builder(Platform.TWITTER).id("2").accountId("a").handle("old").timeMs(100).build());
        b.add(Post.builder(Platform.TWITTER).id("3").accountId("b").timeMs(100).build());
        b.add(Post.builder(Platform.TWITTER).id("4").accountId("b").handle("late").timeMs(50).build());
        PostTable t = b.build();
        int a = t.accounts().find("a"), bb = t.accounts().find("b");
        assertEquals("new", t.accountInfo().handle[a], "the newer post's handle stays");
        assertEquals(200, t.accountInfo().snapshotTime[a]);
        assertEquals("late", t.accountInfo().handle[bb], "an older handle fills a missing one");
        assertEquals(100, t.accountInfo().snapshotTime[bb]);
        assertEquals(AccountSnapshot.UNKNOWN, t.accountInfo().createdAt[bb]);
    }
}
