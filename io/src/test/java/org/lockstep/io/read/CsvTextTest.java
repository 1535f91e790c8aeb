package org.lockstep.io.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hashtags and mentions from text: the hand-written scanners agree with the regular expressions. */
class CsvTextTest {
    @Test
    void examples() {
        assertEquals(List.of("wahl2025", "électionsxxx", "日本"), CsvText.hashtags("#Wahl2025 a#b &#38; #ÉlectionsXXX ＃日本 # #"));
        assertEquals(List.of("alice", "bob_2"), CsvText.mentions("@alice mail@x.org @bob_2! @ @-"));
        assertEquals(List.of(), CsvText.hashtags("no tags"));
    }

    @Test
    void scannersMatchTheRegexOnRandomText() {
        String alphabet = "ab_Z9 #@&＃é日١\u2167.,!\uD83D\uDDF3-";
        Random rnd = new Random(5);
        for (int k = 0; k < 20000; k++) {
            StringBuilder sb = new StringBuilder();
            int len = rnd.nextInt(60);
            for (int i = 0; i < len; i++) {
                char c = alphabet.charAt(rnd.nextInt(alphabet.length()));
                if (Character.isHighSurrogate(c)) sb.append(c).append('\uDDF3');
                else if (!Character.isLowSurrogate(c)) sb.append(c);
            }
            String s = sb.toString();
            assertEquals(CsvText.hashtagsByRegex(s), CsvText.hashtags(s), s);
            assertEquals(CsvText.mentionsByRegex(s), CsvText.mentions(s), s);
        }
        String longTag = "#" + "a".repeat(150);
        assertEquals(CsvText.hashtagsByRegex(longTag), CsvText.hashtags(longTag));
        String longName = "@" + "b".repeat(40);
        assertEquals(CsvText.mentionsByRegex(longName), CsvText.mentions(longName));
    }
}
