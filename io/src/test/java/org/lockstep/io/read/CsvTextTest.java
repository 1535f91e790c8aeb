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

    @Test
    void urlExamples() {
        assertEquals(List.of("https://a.example/x?y=1", "HTTP://B.example/", "http://c.example/p"),
                CsvText.urls("see https://a.example/x?y=1, and HTTP://B.example/. (http://c.example/p)"));
        // "https:/" is no URL; "http://" needs a character after it; <, > and quotes end a URL
        assertEquals(List.of("http://x"), CsvText.urls("https:/a http:// httpx://b <http://x>"));
        assertEquals(List.of("https://d.example/a"), CsvText.urls("hhttps://d.example/a\"q"));
        // the prefix filter: neither "http" nor "HTTP" in the text, so no URL even in mixed case
        assertEquals(List.of(), CsvText.urls("Http://e.example"));
        assertEquals(List.of("Http://e.example", "http://f"), CsvText.urls("Http://e.example http://f"));
        // trailing punctuation goes, also all of it
        assertEquals(List.of("http://g.example/a", "http://"), CsvText.urls("http://g.example/a!?) http://)]}"));
    }

    @Test
    void listExamples() {
        // a space separates too, also inside quotes: the quotes then stay
        assertEquals(List.of("a", "b", "c", "\"d", "e\""), CsvText.list(" [a, 'b',\"c\" \"d e\"] "));
        assertEquals(List.of("x", "y", "z"), CsvText.list("x|y;;z"));
        assertEquals(List.of("1"), CsvText.list("  ,\t1"), "a part is stripped of the tab");
        assertEquals(List.of(), CsvText.list("[ , ]"));
        assertEquals(List.of("'", "''"), CsvText.list("' ''''"));
    }

    @Test
    void urlAndListScannersMatchTheRegexOnRandomText() {
        String[] pieces = {"http", "HTTP", "hTtPs", "s", "://", ":/", "/", "h", "x", ".", ",", ";", "|", " ", "\t", "\n",
            "\u000B", "\f", "\r", "<", ">", "\"", "'", "[", "]", ")", "}", "!", "?", "é", "\u00A0", "\u2028",
            "\uD83D\uDDF3", "\uD83D", "a.example"};
        Random rnd = new Random(9);
        for (int k = 0; k < 50000; k++) {
            StringBuilder sb = new StringBuilder();
            int len = rnd.nextInt(14);
            for (int i = 0; i < len; i++) sb.append(pieces[rnd.nextInt(pieces.length)]);
            String s = sb.toString();
            assertEquals(CsvText.urlsByRegex(s), CsvText.urls(s), s);
            assertEquals(CsvText.listByRegex(s), CsvText.list(s), s);
        }
    }
}
