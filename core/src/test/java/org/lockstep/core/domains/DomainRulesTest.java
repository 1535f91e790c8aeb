package org.lockstep.core.domains;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The matching rules of issue 12, each on the exact collision or miss it names, with scores
 * computed by hand: score = distinctiveness(letters) × Π strength(technique).
 */
class DomainRulesTest {
    private static LookalikeMatcher matcher(double threshold, ProtectedEntity... es) {
        return new LookalikeMatcher(List.of(es), LookalikeMatcher.Config.defaults().withThreshold(threshold));
    }

    private static LookalikeMatcher.Match top(LookalikeMatcher m, String host) {
        var r = m.match(host);
        return r.matches().isEmpty() ? null : r.matches().get(0);
    }

    private static LookalikeMatcher.Match top(LookalikeMatcher m, String host, LookalikeMatcher.Evidence ev) {
        var r = m.match(host, ev);
        return r.matches().isEmpty() ? null : r.matches().get(0);
    }

    @Test
    void skeletonRewritesPairsOnTheLettersAsWrittenBeforeSingleLetters() {
        // i -> l then ln -> h made "in" look like "h"
        assertNotEquals(Skeleton.of("h"), Skeleton.of("in"));
        assertEquals("ln", Skeleton.of("in"));
        // and "ci" like "d"
        assertNotEquals(Skeleton.of("d"), Skeleton.of("ci"));
        // the real pairs still fold, leftmost first where two overlap: cln reads as d + n
        assertEquals("m", Skeleton.of("rn"));
        assertEquals("h", Skeleton.of("ln"));
        assertEquals("dn", Skeleton.of("cln"));
        assertEquals(Skeleton.of("lemonde"), Skeleton.of("lernonde"));
        // so a real name containing "in" is no homoglyph of an unrelated one: sinop -> slnop, not shop
        LookalikeMatcher m = matcher(0.01, ProtectedEntity.ofDomain("shop.de"));
        assertNull(top(m, "sinop.de"));
    }

    @Test
    void digitsAreSplitOffAsWrittenBeforeTheyAreReadAsLetters() {
        LookalikeMatcher m = matcher(0.5, ProtectedEntity.ofDomain("en-marche.fr"));
        // "2017" was read as "2ol7" and the keyword split failed; now: en-marche (8) x keyword 0.9 = 0.9
        var t = top(m, "enmarche2017.fr");
        assertNotNull(t);
        assertTrue(t.techniques().contains(Technique.KEYWORD), t.toString());
        assertEquals(0.9, t.score(), 1e-9);
    }

    @Test
    void brandAsAWholeTokenWithAnyWordIsACombosquat() {
        LookalikeMatcher m = matcher(0.3, ProtectedEntity.ofDomain("spiegel.de"));
        // hyphen-delimited, any token: spiegel (7, 0.95) x combo 0.75 x tld 0.9 x legacy 0.9 = 0.577
        var h = top(m, "spiegel-archiv.com");
        assertEquals(List.of(Technique.TLD, Technique.TLD_LEGACY, Technique.COMBO), h.techniques());
        assertEquals(0.577, h.score(), 0.0006);
        // solid, the rest is an English word: 0.95 x 0.75 = 0.7125
        var s = top(m, "spiegelarchive.de");
        assertTrue(s.techniques().contains(Technique.COMBO));
        assertEquals(0.7125, s.score(), 0.0006);
        // the rest is not a word: only "contains", 0.95 x 0.45 = 0.4275, below the default threshold
        assertEquals(List.of(Technique.CONTAINS), top(m, "spiegelxq.de").techniques());
        assertEquals(0.4275, top(m, "spiegelxq.de").score(), 0.0006);
    }

    @Test
    void shortBrandsCountWithAKeywordOrAnAbusedSuffixNeverAlone() {
        LookalikeMatcher m = matcher(0.01, ProtectedEntity.ofDomain("faz.net"));
        // the old >= 4-letter gate never matched this: faz (3 + 2 for the keyword: 0.8) x keyword 0.9 = 0.72
        var k = top(m, "faz-login.net");
        assertEquals(0.72, k.score(), 1e-9);
        assertTrue(k.techniques().contains(Technique.KEYWORD));
        // another word on the same suffix or on .com: no corroboration, no match at any threshold
        assertNull(top(m, "faz-archiv.net"));
        assertNull(top(m, "faz-archiv.com"));
        // on a suffix look-alike operations favour: faz (0.6) x combo 0.75 x tld 0.9 = 0.405
        var c = top(m, "faz-archiv.ltd");
        assertEquals(0.405, c.score(), 1e-9);
        assertTrue(c.techniques().contains(Technique.COMBO));
    }

    @Test
    void countryNamesAndCodesJoinedToAnAcronymAreKeywords() {
        LookalikeMatcher m = matcher(0.5, new ProtectedEntity("BMI", List.of("bmi.bund.de"), List.of(), List.of(), List.of(), "de"));
        // bmi (3 + 2: 0.8) x keyword 0.9 x tld 0.9 = 0.648 (German name of the country, from CLDR)
        assertEquals(0.648, top(m, "bmi-deutschland.online").score(), 1e-9);
        assertEquals(0.648, top(m, "germany-bmi.online").score(), 1e-9);
        // the code itself, solid: bmide.online, 0.648 as well
        assertEquals(0.648, top(m, "bmide.online").score(), 1e-9);
        assertTrue(Countries.words("gb").containsAll(Set.of("gb", "uk", "unitedkingdom")));
        assertTrue(Countries.words("fr").contains("france"));
    }

    @Test
    void brandAsASubdomainLabelOfAnUnrelatedDomain() {
        LookalikeMatcher m = matcher(0.5, ProtectedEntity.ofDomain("spiegel.de"), ProtectedEntity.ofDomain("bild.de"));
        // spiegel (0.95) x subdomain 0.7 = 0.665 (was 0.95 x 0.45 = 0.43, under the threshold)
        assertEquals(0.665, top(m, "spiegel.example.com").score(), 1e-9);
        // joined with a service word: 0.95 x keyword 0.9 x subdomain 0.7 = 0.5985
        assertEquals(0.5985, top(m, "login-spiegel.example.com").score(), 0.0006);
        // a short name alone as a subdomain label is a real site's section (the Federal Archives' image database)
        assertNull(top(m, "bild.bundesarchiv.de"));
        // with a keyword it counts: bild (4 + 2: 0.9) x 0.9 x 0.7 = 0.567
        assertEquals(0.567, top(m, "login-bild.example.com").score(), 1e-9);
    }

    @Test
    void twoEditsOfALongName() {
        LookalikeMatcher m = matcher(0.5, ProtectedEntity.ofDomain("washingtonpost.com"));
        // two transpositions (OSA distance 2): washingtonpost (14, 1.0) x two-typos 0.6 = 0.6
        var t = top(m, "washigntonpots.com");
        assertEquals(List.of(Technique.TYPO2), t.techniques());
        assertEquals(0.6, t.score(), 1e-9);
        assertEquals(2, LookalikeMatcher.osaDistance("washigntonpots", "washingtonpost", 2));
        assertEquals(3, LookalikeMatcher.osaDistance("wasxigxtonxost", "washingtonpost", 2));
        // not for names under 9 letters
        assertNull(top(matcher(0.01, ProtectedEntity.ofDomain("spiegel.de")), "spgiele.de"));
    }

    @Test
    void typosOfShortNamesNeedCorroboration() {
        LookalikeMatcher m = matcher(0.01, ProtectedEntity.ofDomain("bild.de"));
        // bild (4, 0.7) x transposition 0.8 x tld 0.9 = 0.504
        assertEquals(0.504, top(m, "bidl.live").score(), 1e-9);
        assertNull(top(m, "bidl.de"));
        assertNull(top(m, "bidl.com"));
    }

    @Test
    void typosThatAreWordsAreDownWeighted() {
        LookalikeMatcher m = matcher(0.01, ProtectedEntity.ofDomain("labour.org.uk"));
        // labour (6, 0.9) x omission 0.8 x dictionary-word 0.6 = 0.432
        var t = top(m, "labor.org.uk");
        assertTrue(t.techniques().contains(Technique.WORD));
        assertEquals(0.432, t.score(), 1e-9);
    }

    @Test
    void titleWithoutItsArticle() {
        LookalikeMatcher m = matcher(0.01, ProtectedEntity.ofDomain("theguardian.com"));
        // guardian (8, 1.0) x article 0.8 x tld 0.9 = 0.72
        assertEquals(0.72, top(m, "guardian.hair").score(), 1e-9);
        // an ordinary word under a foreign national code: 1.0 x 0.8 x 0.9 x 0.55 = 0.396
        assertEquals(0.396, top(m, "guardian.ng").score(), 1e-9);
    }

    @Test
    void governmentsProtectTheirNamespaces() throws Exception {
        var loaded = ProtectFile.read(new StringReader("gouv.fr\nmil.ae\n[PL]\ndomains: gov.pl\ncertificates: *.example-cdn.net\n"));
        assertTrue(loaded.problems().isEmpty(), loaded.problems().toString());
        assertEquals(List.of("gouv.fr"), loaded.entities().get(0).domains());
        assertEquals(List.of("example-cdn.net"), loaded.entities().get(2).sisters());
        LookalikeMatcher m = new LookalikeMatcher(loaded.entities(), LookalikeMatcher.Config.defaults());
        // every name in the namespace is the government's own
        assertTrue(m.match("impots.gouv.fr").owned());
        // flattened: gouv-fr (6: 0.9) x dots 0.9 = 0.81
        assertEquals(0.81, top(m, "gouv-fr.com").score(), 1e-9);
        assertEquals(0.81, top(m, "gouvfr.org").score(), 1e-9);
        // mil-ae has 5 letters: 0.8 x 0.9 = 0.72
        assertEquals(0.72, top(m, "mil-ae.com").score(), 1e-9);
        // keyword + front: gouv (4 + 2: 0.9) x keyword 0.9 x front 0.9 = 0.729
        var f = top(m, "service-gouv.fr.xyz");
        assertEquals(0.729, f.score(), 1e-9);
        assertTrue(f.techniques().containsAll(List.of(Technique.KEYWORD, Technique.FRONT)), f.toString());
        // names on the organisation's own certificates are never flagged
        assertTrue(m.match("gov-pl.example-cdn.net").owned());
        // a top-level domain alone is still not a namespace
        assertFalse(ProtectFile.read(new StringReader("fr\n")).problems().isEmpty());
    }

    @Test
    void governmentSecondLevelsInThePrivateSectionAreGovernmentNamespaces() {
        LookalikeMatcher m = matcher(0.01, ProtectedEntity.ofDomain("bmi.bund.de"));
        // gov.nl and gov.scot are in the public suffix list's private section
        assertNull(top(m, "bmi.gov.nl"));
        assertNull(top(m, "bmi.gov.scot"));
        assertNotNull(top(m, "bmi.bund.pe"));
    }

    @Test
    void ownershipAgeAndPopularityEvidence() {
        LookalikeMatcher m = matcher(0.5, ProtectedEntity.ofDomain("spiegel.de"));
        // spiegel.at: 0.95 x 0.9 x 0.9 = 0.7695
        assertEquals(0.7695, top(m, "spiegel.at").score(), 0.0006);
        // on one certificate with a protected domain: the organisation's own
        var shared = m.match("spiegel.at", new LookalikeMatcher.Evidence(false, false, 0, -1, true));
        assertTrue(shared.owned());
        assertTrue(shared.matches().isEmpty());
        // registered two years ago: x 0.6 = 0.4617, under the threshold
        assertNull(top(m, "spiegel.at", new LookalikeMatcher.Evidence(false, false, 0, 730, false)));
        // registered last week: +0.05
        assertEquals(0.8195, top(m, "spiegel.at", new LookalikeMatcher.Evidence(false, false, 0, 7, false)).score(), 0.0006);
        // on the popularity allow-list: x 0.5 = 0.38475
        LookalikeMatcher allow = new LookalikeMatcher(List.of(ProtectedEntity.ofDomain("spiegel.de")),
                LookalikeMatcher.Config.defaults().withThreshold(0.01).withAllow(Set.of("spiegel.at")));
        var p = top(allow, "www.spiegel.at");
        assertTrue(p.techniques().contains(Technique.POPULAR));
        assertEquals(0.385, p.score(), 0.0006);
        assertTrue(m.ownsName("www.spiegel.de"));
        assertFalse(m.ownsName("spiegel.at"));
    }
}
