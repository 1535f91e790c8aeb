package org.lockstep.core.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.lockstep.core.coord.Coordination;
import org.lockstep.core.coord.CoordinationConfig;
import org.lockstep.core.coord.CoordinationResult;
import org.lockstep.core.coord.Edges;
import org.lockstep.core.coord.PairKernel;
import org.lockstep.core.model.AccountSnapshot;
import org.lockstep.core.model.Media;
import org.lockstep.core.model.Platform;
import org.lockstep.core.model.Post;
import org.lockstep.core.model.PostKind;
import org.lockstep.core.model.PostRef;
import org.lockstep.core.model.PostTable;

/** The per-record streaming logic against the batch code it must agree with. */
class StreamCoreTest {
    static final long H = 3_600_000;

    /**
     * The incremental pairer finds exactly the pairs of the batch kernel, viral bound included: random
     * objects with bursts larger than the bound, ties in time, same-account repeats.
     */
    @Test
    void pairerEqualsBatchKernel() {
        Random rnd = new Random(3);
        int n = 6000;
        int[] object = new int[n], account = new int[n];
        long[] time = new long[n];
        for (int i = 0; i < n; i++) {
            object[i] = rnd.nextInt(30);
            account[i] = rnd.nextInt(40);
            time[i] = rnd.nextInt(200) * 1000L; // many ties, bursts of ~1/s per object
        }
        // sort by (object, time), stable on index, as batch does
        Integer[] ord = new Integer[n];
        for (int i = 0; i < n; i++) ord[i] = i;
        java.util.Arrays.sort(ord, (u, v) -> object[u] != object[v] ? Integer.compare(object[u], object[v])
                : Long.compare(time[u], time[v]));
        int[] o = new int[n], a = new int[n];
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            o[i] = object[ord[i]];
            a[i] = account[ord[i]];
            t[i] = time[ord[i]];
        }
        long window = 5_000;
        int maxPartners = 7;
        Set<String> batch = new HashSet<>();
        PairKernel.Stats st = PairKernel.run(o, a, t, new byte[n], new long[] {window}, maxPartners, null,
                (i, j) -> batch.add(i + "-" + j));
        assertTrue(st.droppedPairs > 0, "the test must exercise the viral bound");
        Set<String> stream = new HashSet<>();
        long dropped = 0;
        int s = 0;
        while (s < n) {
            int e = s;
            while (e < n && o[e] == o[s]) e++;
            ObjectPairer p = new ObjectPairer(window, maxPartners);
            for (int j = s; j < e; j++) {
                final int jj = j;
                p.add(t[j], "u" + a[j], String.valueOf(j), (accA, postA, tA, accB, postB, tB) -> {
                    assertEquals(String.valueOf(jj), postB);
                    stream.add(postA + "-" + postB);
                });
            }
            dropped += p.droppedPairs;
            s = e;
        }
        assertEquals(batch, stream);
        assertEquals(st.droppedPairs, dropped);
    }

    @Test
    void codecLosesNothing() {
        AccountSnapshot acc = new AccountSnapshot("a1", "handle", "Name ü", "bio", null, "de", 12345L, 10, 20, 30,
                true, null, false, "http://x/y.png");
        Post p = new Post(Platform.BLUESKY, "p1", "a1", "handle", 1_700_000_000_123L, PostKind.QUOTE, "text \u00e9 \uD83D\uDE00",
                "de", null, new PostRef("p0", null, "h0", true), new PostRef("p9", "a9", null, false),
                List.of("https://example.com/a"), List.of("x", "y"), List.of("m"),
                List.of(new Media("u", "image", "0123456789abcdef")), acc);
        assertEquals(p, PostCodec.decode(PostCodec.encode(p)));
        Post bare = Post.builder(Platform.TWITTER).id("2").accountId("b").timeMs(5).build();
        assertEquals(bare, PostCodec.decode(PostCodec.encode(bare)));
    }

    /** Organic reposts, and a ring of eight accounts reposting the same 15 posts within seconds. */
    static List<Post> world(long seed) {
        Random rnd = new Random(seed);
        List<Post> posts = new ArrayList<>();
        int originals = 800;
        long[] born = new long[originals];
        int id = 0;
        for (int k = 0; k < originals; k++) {
            born[k] = (long) (rnd.nextDouble() * 48 * H);
            posts.add(Post.builder(Platform.TWITTER).id("o" + k).accountId("u" + rnd.nextInt(300)).timeMs(born[k])
                    .text("original post number " + k).build());
            int reposts = (int) Math.min(100, Math.floor(1 / Math.pow(rnd.nextDouble(), 0.9)));
            for (int r = 0; r < reposts; r++) {
                long t = born[k] + (long) (-Math.log(1 - rnd.nextDouble()) * 0.5 * H);
                posts.add(repost("r" + id++, "u" + rnd.nextInt(300), k, t));
            }
        }
        for (int target = 0; target < 15; target++) {
            int k = rnd.nextInt(originals);
            long start = born[k] + (long) (rnd.nextDouble() * 2 * H);
            for (int s = 0; s < 8; s++) posts.add(repost("r" + id++, "sock" + s, k, start + rnd.nextInt(20_000)));
        }
        Collections.shuffle(posts, rnd); // read order is not time order
        return posts;
    }

    static Post repost(String id, String account, int original, long t) {
        return Post.builder(Platform.TWITTER).id(id).accountId(account).timeMs(t)
                .repostOf(new PostRef("o" + original, null, null, false)).build();
    }

    /**
     * The horizon's table, filled out of order, gives batch's network: same edges with the same counts and
     * p-values, same groups.
     */
    @Test
    void horizonTableGivesBatchNetwork() {
        List<Post> posts = world(11);
        PostTable.Builder b = PostTable.builder();
        for (Post p : posts) b.add(p);
        CoordinationConfig cfg = CoordinationConfig.builder().build();
        CoordinationResult batch = Coordination.detect(b.build(), cfg);
        assertTrue(batch.edges().size() >= 20, "the ring must be found: " + batch.edges().size());

        Horizon h = new Horizon(7 * 24 * H);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < posts.size(); i++) order.add(i);
        Collections.shuffle(order, new Random(5)); // arrival order differs from read order
        for (int i : order) h.add(i, posts.get(i));
        CoordinationResult stream = Coordination.detect(h.table(Long.MAX_VALUE, true), cfg);
        assertEquals(edgeSet(batch), edgeSet(stream));
        assertEquals(batch.groups().size(), stream.groups().size());
        // a table up to an earlier time holds fewer posts
        assertTrue(h.table(24 * H, true).size() < posts.size());
    }

    static Set<String> edgeSet(CoordinationResult r) {
        Set<String> s = new TreeSet<>();
        Edges e = r.edges();
        for (int k = 0; k < e.size(); k++) {
            String x = r.accountName(e.a[k]), y = r.accountName(e.b[k]);
            s.add((x.compareTo(y) < 0 ? x + "|" + y : y + "|" + x) + ":" + e.episodes[k] + ":" + e.coActions[k] + ":"
                    + e.pValue[k]);
        }
        return s;
    }

    @Test
    void episodesFollowBatchRules() {
        PairEpisodes p = new PairEpisodes();
        long gap = 600_000;
        assertTrue(p.add("o1", 0, "pa", gap));
        assertFalse(p.add("o1", 60_000, "pb", gap), "within the gap on one object: same episode");
        assertTrue(p.add("o1", 60_000 + gap + 1, "pc", gap), "after the gap: a new episode");
        assertFalse(p.add("o2", 10 * gap, "pa", gap), "same earlier post through another object: not new");
        assertTrue(p.add("o3", 20 * gap, "pd", gap));
        assertEquals(3, p.episodes);
        assertEquals(5, p.coActions);
    }

    @Test
    void alertIdsAreStable() {
        assertEquals(Alert.id("campaign", "hashtag:x", 7), Alert.id("campaign", "hashtag:x", 7));
        assertNotEquals(Alert.id("campaign", "hashtag:x", 7), Alert.id("campaign", "hashtag:x", 8));
        assertTrue(Alert.id("domain", "g0uv.fr", 0).startsWith("d-"));
    }
}
