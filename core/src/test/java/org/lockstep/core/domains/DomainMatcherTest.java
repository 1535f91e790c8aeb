package org.lockstep.core.domains;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.net.InternetDomainName;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class DomainMatcherTest {
    @Test
    void publicSuffixAgreesWithGuavaInternetDomainName() {
        for (String h : List.of("spiegel.de", "bbc.co.uk", "foo.blogspot.com", "a.b.c.kawasaki.jp", "city.kawasaki.jp",
                "welt.de.com", "x.github.io", "mil.gov.ua", "www.ck", "a.www.ck", "foo.bar.ck", "diplomatie.gouv.fr")) {
            HostName.Parsed p = (HostName.Parsed) HostName.parse(h);
            InternetDomainName d = InternetDomainName.from(h);
            assertEquals(d.publicSuffix().toString(), p.suffix(), h);
        }
    }

    @Test
    void attackerWrittenInputIsRejectedWithAReasonNeverThrown() {
        LookalikeMatcher m = new LookalikeMatcher(List.of(ProtectedEntity.ofDomain("spiegel.de")), LookalikeMatcher.Config.defaults());
        for (String bad : new String[] {null, "", "   ", "a\u0000b.de", "x".repeat(5000) + ".de", "xn--zz--.com",
                "a..b.de", "<script>.de", "spi egel.de", "a".repeat(64) + ".de", "\u202espiegel.de"}) {
            LookalikeMatcher.Result r = m.match(bad);
            assertNotNull(r.rejection(), String.valueOf(bad));
            assertTrue(r.matches().isEmpty());
        }
    }

    @Test
    void skeletonsFoldAsciiAndUnicodeLookAlikes() {
        assertEquals(Skeleton.of("spiegel"), Skeleton.of("sp1egel"));
        assertEquals(Skeleton.of("lemonde"), Skeleton.of("lernonde"));
        assertEquals(Skeleton.of("gov"), Skeleton.of("g0v"));
        assertEquals(Skeleton.of("gov"), Skeleton.of("qov"));
        assertEquals(Skeleton.of("spiegel"), Skeleton.of("sp\u0456egel")); // Cyrillic і
        assertEquals(Skeleton.of("liberation"), Skeleton.of("lib\u00e9ration"));
        assertFalse(Skeleton.of("spiegel").equals(Skeleton.of("spiegal")));
    }

    @Test
    void typoKindsByHand() {
        assertEquals(Technique.OMISSION, EditOps.classify("spigel", "spiegel"));
        assertEquals(Technique.REPETITION, EditOps.classify("spieggel", "spiegel"));
        assertEquals(Technique.HYPHENATION, EditOps.classify("spie-gel", "spiegel"));
        assertEquals(Technique.TRANSPOSITION, EditOps.classify("spiegle", "spiegel"));
        assertEquals(Technique.KEYBOARD, EditOps.classify("spiegek", "spiegel")); // k next to l
        assertEquals(Technique.VOWEL_SWAP, EditOps.classify("spiagel", "spiegel"));
        assertEquals(Technique.BITFLIP, EditOps.classify("spieoel", "spiegel")); // g 0x67, o 0x6f
        assertNull(EditOps.classify("spiegel", "spiegel"));
        assertNull(EditOps.classify("sgeipel", "spiegel"));
    }

    @Test
    void shortNamesNeedExactMatchesAndTyposOfThemAreIgnored() {
        LookalikeMatcher m = new LookalikeMatcher(List.of(ProtectedEntity.ofDomain("faz.net")), LookalikeMatcher.Config.defaults());
        assertTrue(m.match("taz.de").matches().isEmpty());
        assertFalse(m.match("faz.ltd").matches().isEmpty());
    }

    @Test
    void protectFileAcceptsPlainListsAndBlocksAndReportsBadLines() throws Exception {
        String text = "spiegel.de\nhttps://www.bild.de/\n[En Marche]\ndomains: en-marche.fr, not a domain\nnames: En Marche\ncolour: red\n<b>x</b>\n";
        ProtectFile.Loaded l = ProtectFile.read(new StringReader(text));
        assertEquals(3, l.entities().size());
        assertEquals("bild.de", l.entities().get(1).domains().get(0));
        assertEquals(List.of("en-marche.fr"), l.entities().get(2).domains());
        assertEquals(3, l.problems().size());
        assertEquals(4, l.problems().get(0).line());
    }

    @Test
    void neverFlagsOwnedSubdomainsOrForeignGovernmentNamespaces() {
        LookalikeMatcher m = new LookalikeMatcher(List.of(new ProtectedEntity("BMI", List.of("bmi.bund.de"), List.of(), List.of(), List.of(), "de")),
                LookalikeMatcher.Config.defaults());
        assertTrue(m.match("www.bmi.bund.de").owned());
        assertTrue(m.match("bmi.gv.at").matches().isEmpty());
        assertFalse(m.match("bmi.bund.pe").matches().isEmpty());
    }

    @Test
    void permuterCoversDnstwistFuzzersAndCombinations() {
        var perms = new Permuter(Permuter.Config.defaults()).permute("spiegel.de");
        java.util.Set<String> names = new java.util.HashSet<>();
        for (var p : perms) names.add(p.domain());
        for (String expected : List.of("spigel.de", "spieggel.de", "spiegle.de", "spie-gel.de", "spie.gel.de", "spiegel.ltd",
                "spiegle.ltd", "spiegel-de.com", "mail-spiegel.de", "spiegel.de.com", "spiegels.de", "xn--spegel-qvf.de")) {
            assertTrue(names.contains(expected), expected);
        }
        assertFalse(names.contains("spiegel.de"));
        // every generated name is matched back to the domain by the reverse matcher
        LookalikeMatcher m = new LookalikeMatcher(List.of(ProtectedEntity.ofDomain("spiegel.de")), LookalikeMatcher.Config.defaults().withThreshold(0.01));
        int missed = 0;
        for (var p : perms) if (m.match(p.domain()).matches().isEmpty()) missed++;
        assertEquals(0, missed, "permutations not matched back");
    }
}
