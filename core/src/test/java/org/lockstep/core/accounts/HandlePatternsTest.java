package org.lockstep.core.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HandlePatternsTest {
    @Test
    void scoresDigitRunsAndRandomStrings() {
        assertEquals(1.0, HandlePatterns.score("marie84736251"));
        assertEquals(0.2, HandlePatterns.score("jean1984"), 1e-9);
        assertEquals(0.0, HandlePatterns.score("jean84"));
        assertEquals(0.0, HandlePatterns.score("emmanuel_macron"));
        assertEquals(1.0, HandlePatterns.score("xk7qp2lw9"));   // letter/digit switches
        assertEquals(1.0, HandlePatterns.score("qwrtzkp"));     // 7 consonants in a row
        assertEquals(0.0, HandlePatterns.score(null));
        assertEquals(6, HandlePatterns.longestConsonantRun("aaxkcdfbe")); // x k c d f b
        assertEquals(4, HandlePatterns.classSwitches("a1b2c"));
    }

    @Test
    void locationsMapToLanguages() {
        assertEquals("fr", LocationLanguages.languages("Lyon, France")[0]);
        assertEquals("de", LocationLanguages.languages("München")[0]);
        assertEquals("en", LocationLanguages.languages("NYC")[0]);
        assertEquals(null, LocationLanguages.languages("somewhere over the rainbow"));
        assertEquals(true, LocationLanguages.spoken(new String[] {"en"}, "en-gb"));
    }
}
