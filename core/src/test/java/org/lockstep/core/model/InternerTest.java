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

    @Test
    void numberMapAgreesWithAHashMapThroughManyRehashes() {
        Interner.NumberMap m = new Interner.NumberMap(2);
        java.util.HashMap<Long, Integer> ref = new java.util.HashMap<>();
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
        for (int i = 0; i < 200_000; i++) {
            // snowflake-like ids (low 22 bits zero), small numbers and 0, with repeats
            long k = switch (i % 4) {
                case 0 -> (860_000_000_000_000_000L + rnd.nextLong(1L << 36)) & ~((1L << 22) - 1);
                case 1 -> rnd.nextLong(1000);
                case 2 -> rnd.nextLong(999_999_999_999_999_999L);
                default -> i / 3;
            };
            Integer want = ref.get(k);
            int got = m.putIfAbsent(k, ref.size());
            assertEquals(want == null ? -1 : want, got, "key " + k);
            if (want == null) ref.put(k, ref.size());
        }
        assertEquals(ref.size(), m.size());
        for (var e : ref.entrySet()) assertEquals(e.getValue(), m.get(e.getKey()));
        assertEquals(-1, m.get(860_000_000_000_000_001L));
        assertEquals(-1, m.get(1_000_000_000_000_000_000L - 1));
    }

    @Test
    void internWithANumberWorkedOutBeforeIsIntern() {
        Interner a = new Interner(4), b = new Interner(1 << 20);
        String[] values = {"17", "x", "017", "17", "", "123456789012345678", "x", "0"};
        for (String v : values) assertEquals(a.intern(v), b.intern(v, Interner.canonicalNumber(v)), v);
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) assertEquals(a.get(i), b.get(i));
        // a fresh interner makes its maps on first use: nothing is found before
        assertEquals(-1, new Interner(1 << 20).find("17"));
        assertEquals(-1, new Interner().find("x"));
    }
}
