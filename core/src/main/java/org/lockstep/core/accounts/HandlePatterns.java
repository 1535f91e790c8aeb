package org.lockstep.core.accounts;

/**
 * Handle shapes typical of mass-created accounts: a name followed by a long run of digits
 * ({@code marie84736251}, the pattern of platform-suggested handles) and random strings
 * ({@code xk7Qp2Lw9}); cf. Beskow &amp; Carley 2019, "Its all in a name: detecting and labeling bots by
 * their name". Pure functions.
 */
public final class HandlePatterns {
    private HandlePatterns() {}

    /** Length of the run of ASCII digits at the end of {@code h}. */
    public static int trailingDigits(String h) {
        int n = 0;
        for (int i = h.length() - 1; i >= 0 && h.charAt(i) >= '0' && h.charAt(i) <= '9'; i--) n++;
        return n;
    }

    /** Number of switches between letter and digit along the handle (underscores ignored). */
    public static int classSwitches(String h) {
        int switches = 0, prev = 0;
        for (int i = 0; i < h.length(); i++) {
            char c = h.charAt(i);
            int cls = Character.isDigit(c) ? 1 : Character.isLetter(c) ? 2 : 0;
            if (cls == 0) continue;
            if (prev != 0 && cls != prev) switches++;
            prev = cls;
        }
        return switches;
    }

    /** Longest run of consonant letters (y counts as a vowel). */
    public static int longestConsonantRun(String h) {
        int best = 0, run = 0;
        for (int i = 0; i < h.length(); i++) {
            char c = Character.toLowerCase(h.charAt(i));
            if (c >= 'a' && c <= 'z' && "aeiouy".indexOf(c) < 0) best = Math.max(best, ++run);
            else run = 0;
        }
        return best;
    }

    /**
     * 0..1: digits score {@code (trailingDigits − 3) / 5} (4 digits 0.2, 8 or more 1), or 1 for a random
     * string (3+ letter/digit switches, or 5+ consonants in a row), whichever is larger.
     */
    public static double score(String handle) {
        if (handle == null || handle.isEmpty()) return 0;
        double digits = Math.min(1.0, Math.max(0.0, (trailingDigits(handle) - 3) / 5.0));
        boolean random = classSwitches(handle) >= 3 || longestConsonantRun(handle) >= 5;
        return Math.max(digits, random ? 1.0 : 0.0);
    }
}
