package org.lockstep.core.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lockstep.core.model.Media;
import org.lockstep.core.model.Platform;
import org.lockstep.core.model.Post;
import org.lockstep.core.model.PostTable;
import org.lockstep.core.plans.CallExtractor;
import org.lockstep.core.plans.ChatMessage;
import org.lockstep.core.plans.MediaLinks;
import org.lockstep.core.plans.PlanLinker;

/** A meme posted in the chat, found on the public posts re-captioned and recompressed, not confused with other pictures. */
class MediaLinksTest {
    @Test
    void aCallsMemeIsFoundInThePostsMedia() throws Exception {
        long call = Instant.parse("2017-05-05T10:00:00Z").toEpochMilli();
        PostTable.Builder b = PostTable.builder(true);
        // media m0: the chat's meme re-captioned + JPEG; m1: another picture; m2: no file
        for (int i = 0; i < 8; i++) {
            b.add(Post.builder(Platform.TWITTER).id("p" + i).accountId("a" + i).timeMs(call + 600_000L + i * 10_000L)
                    .media(List.of(new Media("https://pbs.example/m" + (i % 3) + ".jpg", "photo", null))).text("lol").build());
        }
        for (int d = 1; d <= 3; d++) {
            b.add(Post.builder(Platform.TWITTER).id("old" + d).accountId("o" + d).timeMs(call - d * 86_400_000L)
                    .media(List.of(new Media("https://pbs.example/m1.jpg", "photo", null))).text("old").build());
        }
        PostTable t = b.build();
        long[] hash = new long[t.mediaIds().size()];
        boolean[] known = new boolean[hash.length];
        for (int m = 0; m < hash.length; m++) {
            String key = t.mediaIds().get(m);
            if (key.endsWith("m0.jpg")) hash[m] = PerceptualHash.pHash(PerceptualHashTest.jpeg(
                    PerceptualHashTest.caption(PerceptualHashTest.scale(PerceptualHashTest.picture(5, 640, 480), 0.75), "TOP", "#MACRONLEAKS 20H"), 0.5f));
            else if (key.endsWith("m1.jpg")) hash[m] = PerceptualHash.pHash(PerceptualHashTest.picture(6, 640, 480));
            else continue;
            known[m] = true;
        }
        long meme = PerceptualHash.pHash(PerceptualHashTest.caption(PerceptualHashTest.picture(5, 640, 480), "WHEN THEY LEAK", "BOTTOM"));
        Map<String, int[]> rows = MediaLinks.rows(t, hash, known, Map.of("meme.png", meme), PerceptualHash.PHASH_NEAR);
        int[] want = java.util.stream.IntStream.range(0, t.size()).filter(r -> t.postId(r).startsWith("p")
                && Integer.parseInt(t.postId(r).substring(1)) % 3 == 0).toArray();
        assertArrayEquals(want, rows.get("meme.png"));

        CallExtractor.Result chat = new CallExtractor(CallExtractor.Config.defaults(ZoneId.of("UTC"))).run(List.of(
                new ChatMessage("c", "1", call, "u", "planner", "postez ça maintenant", List.of("meme.png"), null)));
        PlanLinker.Result r = new PlanLinker(PlanLinker.Config.defaults()).run(chat, t, rows);
        PlanLinker.LinkedCall c = r.calls().get(0);
        assertTrue(c.executed(), String.valueOf(c.uptake()));
        assertEquals(3, c.adopters().size()); // p0, p3, p6
        PlanLinker.Result none = new PlanLinker(PlanLinker.Config.defaults()).run(chat, t);
        assertTrue(none.calls().get(0).untested() != null);
    }
}
