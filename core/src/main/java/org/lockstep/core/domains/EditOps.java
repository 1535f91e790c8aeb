package org.lockstep.core.domains;

/**
 * Tells which single edit (Damerau–Levenshtein distance one: omission, insertion, replacement,
 * transposition) turns a protected name into a candidate, and names the kind of typo: repetition,
 * hyphenation, keyboard neighbour (QWERTY, QWERTZ, AZERTY), vowel swap, bit flip (Dinaburg 2011).
 */
final class EditOps {
    private static final boolean[][] ADJACENT = new boolean[128][128];

    static {
        String[][] layouts = {
                {"1234567890-", "qwertyuiop", "asdfghjkl", "zxcvbnm"},
                {"1234567890", "qwertzuiop", "asdfghjkl", "yxcvbnm"},
                {"1234567890", "azertyuiop", "qsdfghjklm", "wxcvbn"}};
        for (String[] rows : layouts) {
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < rows[r].length(); c++) {
                    char k = rows[r].charAt(c);
                    link(k, at(rows, r, c - 1));
                    link(k, at(rows, r, c + 1));
                    link(k, at(rows, r - 1, c));
                    link(k, at(rows, r - 1, c + 1));
                    link(k, at(rows, r + 1, c));
                    link(k, at(rows, r + 1, c - 1));
                }
            }
        }
    }

    private EditOps() {}

    private static char at(String[] rows, int r, int c) {
        if (r < 0 || r >= rows.length || c < 0 || c >= rows[r].length()) return 0;
        return rows[r].charAt(c);
    }

    private static void link(char a, char b) {
        if (a == 0 || b == 0) return;
        ADJACENT[a][b] = true;
        ADJACENT[b][a] = true;
    }

    static boolean adjacent(char a, char b) {
        return a < 128 && b < 128 && ADJACENT[a][b];
    }

    static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
    }

    /** 0 when equal, 1 when one edit (incl. a transposition) apart, 2 otherwise. */
    static int distanceAtMostOne(String a, String b) {
        if (a.equals(b)) return 0;
        return classify(a, b) == null ? 2 : 1;
    }

    /**
     * The typo that turns {@code prot} into {@code cand}, or null when they are equal or more than
     * one edit apart.
     */
    static Technique classify(String cand, String prot) {
        int n = cand.length(), m = prot.length();
        if (n == m) {
            int i = 0;
            while (i < n && cand.charAt(i) == prot.charAt(i)) i++;
            if (i == n) return null;
            if (i + 1 < n && cand.charAt(i) == prot.charAt(i + 1) && cand.charAt(i + 1) == prot.charAt(i)
                    && cand.regionMatches(i + 2, prot, i + 2, n - i - 2)) return Technique.TRANSPOSITION;
            if (!cand.regionMatches(i + 1, prot, i + 1, n - i - 1)) return null;
            char c = cand.charAt(i), p = prot.charAt(i);
            if (isVowel(c) && isVowel(p)) return Technique.VOWEL_SWAP;
            if (adjacent(c, p)) return Technique.KEYBOARD;
            if (Integer.bitCount(c ^ p) == 1 && validHostChar((char) (c ^ p ^ p))) return Technique.BITFLIP;
            return Technique.REPLACEMENT;
        }
        if (n == m + 1) {
            int i = 0;
            while (i < m && cand.charAt(i) == prot.charAt(i)) i++;
            if (!cand.regionMatches(i + 1, prot, i, m - i)) return null;
            char c = cand.charAt(i);
            if (c == '-') return Technique.HYPHENATION;
            if (i > 0 && cand.charAt(i - 1) == c || i + 1 < n && cand.charAt(i + 1) == c) return Technique.REPETITION;
            return Technique.INSERTION;
        }
        if (n + 1 == m) {
            int i = 0;
            while (i < n && cand.charAt(i) == prot.charAt(i)) i++;
            if (!cand.regionMatches(i, prot, i + 1, n - i)) return null;
            return Technique.OMISSION;
        }
        return null;
    }

    static boolean validHostChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-';
    }
}
