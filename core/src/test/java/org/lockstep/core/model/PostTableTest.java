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
        assertEquals(4, t.size);
        assertArrayEquals(new long[] {50, 100, 200, 300}, t.time);
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
        assertEquals(1, t.urls.size(0));
        assertEquals("https://bbc.co.uk/news/1", t.urlIds.get(t.urls.value(t.urls.start(0))));
        assertEquals(1, t.urls.size(1));
        assertEquals("live.bbc.co.uk", t.hostIds.get(t.hosts.value(t.hosts.start(1))));
        // both rows point at the same registrable domain id
        assertEquals(t.domains.value(t.domains.start(0)), t.domains.value(t.domains.start(1)));
        assertEquals("bbc.co.uk", t.domainIds.get(t.domains.value(t.domains.start(1))));
        // hashtags are lower-cased and kept once per post
        assertEquals(1, t.hashtags.size(1));
        assertEquals(t.hashtags.value(t.hashtags.start(0)), t.hashtags.value(t.hashtags.start(1)));
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
        assertEquals("9", t.posts.get(t.repostOf[0]));
        assertEquals("o", t.accounts.get(t.repostOfAccount[0]));
        assertEquals(-1, t.replyTo[0]);
        assertNull(t.text, "built without text");
        int a = t.account[0];
        assertEquals("alice", t.accountInfo.handle[a]);
        assertEquals(1000L, t.accountInfo.createdAt[a]);
        assertEquals(1, t.accountInfo.defaultProfile[a]);
        assertEquals(-1, t.accountInfo.verified[a]);
        int o = t.repostOfAccount[0];
        assertEquals("orig", t.accountInfo.handle[o]);
        assertEquals(AccountSnapshot.UNKNOWN, t.accountInfo.createdAt[o]);
    }

    @Test
    void requiredFieldsAreEnforced() {
        assertThrows(InvalidPostException.class, () -> Post.builder(Platform.TWITTER).accountId("a").timeMs(1).build());
        assertThrows(InvalidPostException.class, () -> Post.builder(Platform.TWITTER).id("1").timeMs(1).build());
        assertThrows(InvalidPostException.class, () -> Post.builder(Platform.TWITTER).id("1").accountId("a").build());
    }
}
