package org.lockstep.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Text normalisation and near-duplicate clustering on hand-made texts. */
class CoordTextTest {

    @Test
    void normalisationDropsUrlsMentionsCaseAndPunctuation() {
        assertEquals("vote early the polls close at 8 p m",
                TextNormalizer.normalize("RT @someone: VOTE early!!! The polls close at 8 p.m https://t.co/xyz"));
        assertEquals("élection truquée 2024", TextNormalizer.normalize("  Élection   TRUQUÉE… #2024 "));
        assertEquals("", TextNormalizer.normalize("@a @b https://x.y/z"));
        assertEquals("mail me at user example org", TextNormalizer.normalize("mail me at user@example.org"));
    }

    @Test
    void jaccardOfWordShinglesByHand() {
        // 3-shingles: "a b c","b c d","c d e" vs "a b c","b c d","c d f": 2 shared of 4 distinct
        assertEquals(0.5, MinHashLsh.jaccard("a b c d e", "a b c d f", 3), 1e-12);
        assertEquals(1.0, MinHashLsh.jaccard("x y", "x y", 3), 1e-12);
    }

    @Test
    void clustersEditedCopiesButNotDifferentTexts() {
        String base = "the election commission has hidden ten thousand ballots in the river and nobody in the media "
                + "wants to talk about it share before they delete this";
        String[] texts = {
            base,
            base.replace("ten thousand", "10000"),
            base + " now",
            "completely unrelated post about the weather in lisbon this weekend sunny with light wind from the north "
                    + "and warm evenings by the sea",
            base.replace("river", "lake").replace("media", "press"),
            null,
        };
        MinHashLsh.Result r = MinHashLsh.cluster(texts, new MinHashLsh.Params(3, 20, 5, 0.6, 1000, 7));
        int[] c = r.cluster();
        assertEquals(0, c[0]);
        assertEquals(0, c[1]);
        assertEquals(0, c[2]);
        assertEquals(-1, c[3]);
        assertEquals(-1, c[5]);
        assertTrue(r.confirmedPairs() >= 2);
        // the heavier edit (two words changed) is either joined to the copies or left alone, never elsewhere
        assertTrue(c[4] == 0 || c[4] == -1, "cluster " + c[4]);
        assertNotEquals(0, MinHashLsh.jaccard(texts[0], texts[4], 3));
    }
}
