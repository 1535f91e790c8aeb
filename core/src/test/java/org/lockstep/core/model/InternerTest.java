package org.lockstep.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InternerTest {
    @Test
    void numbersAndStringsShareOneDenseIdSpaceAndRoundTrip() {
        Interner in = new Interner(2);
        String[] values = {"860000000000000001", "abc", "0", "007", "12", "-5", "1234567890123456789", "12", "abc", ""};
        int[] expected = {0, 1, 2, 3, 4, 5, 6, 4, 1, 7};
        for (int i = 0; i < values.length; i++) {
            assertEquals(expected[i], in.intern(values[i]), values[i]);
        }
        assertEquals(8, in.size());
        for (int i = 0; i < values.length; i++) {
            assertEquals(values[i], in.get(in.find(values[i])), "round trip of '" + values[i] + "'");
        }
        assertEquals(-1, in.find("13"));
        assertEquals(-1, in.find("nope"));
    }

    @Test
    void onlyCanonicalDecimalsAreKeptAsNumbers() {
        assertEquals(0, Interner.canonicalNumber("0"));
        assertEquals(860000000000000001L, Interner.canonicalNumber("860000000000000001"));
        // leading zeros, signs, 19+ digits and non-digits would not round-trip through Long.toString
        assertEquals(-1, Interner.canonicalNumber("007"));
        assertEquals(-1, Interner.canonicalNumber("-5"));
        assertEquals(-1, Interner.canonicalNumber("+5"));
        assertEquals(-1, Interner.canonicalNumber("1234567890123456789"));
        assertEquals(-1, Interner.canonicalNumber("12a"));
        assertEquals(-1, Interner.canonicalNumber(""));
    }
}
