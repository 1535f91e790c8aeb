package org.lockstep.core.domains;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Attacker-written host names: the matcher answers every string, never throws. */
class DomainFuzzTest {
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789-._.\u0000\t\n \u00e9\u0456\u0430\u202e\uff0e\u3002xn--:/@\ud83d\ude00\ud800";

    @Test
    void randomStringsNeverThrowAndAlwaysGetAnAnswer() {
        LookalikeMatcher m = new LookalikeMatcher(List.of(
                new ProtectedEntity("En Marche", List.of("en-marche.fr"), List.of(), List.of("En Marche"), List.of(), "fr"),
                ProtectedEntity.ofDomain("spiegel.de"), ProtectedEntity.ofDomain("mil.gov.ua")), LookalikeMatcher.Config.defaults());
        Random r = new Random(20170505);
        for (int i = 0; i < 20_000; i++) {
            int len = r.nextInt(i % 100 == 0 ? 2000 : 40);
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < len; k++) sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
            if (r.nextBoolean()) sb.append(r.nextBoolean() ? ".fr" : ".xn--p1ai");
            LookalikeMatcher.Result res = m.match(sb.toString());
            assertNotNull(res);
            if (res.rejection() != null) {
                assertNull(res.host());
                assertTrue(res.matches().isEmpty());
            } else {
                assertNotNull(res.host());
                for (LookalikeMatcher.Match x : res.matches()) {
                    assertTrue(x.score() >= 0.5 && x.score() <= 1.0);
                    assertTrue(!x.techniques().isEmpty() || x.matchedName() != null);
                }
            }
        }
        // and mutations of a protected name are found in the middle of that noise
        assertTrue(m.match("en-rnarche.fr").matches().size() == 1);
    }
}
