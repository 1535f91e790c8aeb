package org.lockstep.core.domains;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;

/**
 * The visual skeleton of a domain label: two labels that look alike get the same skeleton.
 *
 * <p>Non-ASCII labels go through case folding (NFKC_Casefold), the UTS #39 skeleton of ICU's
 * {@link SpoofChecker} (Unicode confusables: Cyrillic {@code а} becomes Latin {@code a}) and accent
 * stripping. Every label then goes through the ASCII look-alikes that UTS #39 leaves alone but that
 * attackers use: {@code 0/o}, {@code 1/l}, {@code i/l}, {@code q/g}, {@code rn/m}, {@code vv/w},
 * {@code cl/d}, {@code ln/h}. The result is only compared, never shown.
 */
final class Skeleton {
    private static final SpoofChecker SPOOF = new SpoofChecker.Builder().build();
    private static final Normalizer2 CASEFOLD = Normalizer2.getNFKCCasefoldInstance();
    private static final Normalizer2 NFD = Normalizer2.getNFDInstance();
    private static final char[] ASCII = new char[128];

    static {
        for (char c = 0; c < 128; c++) ASCII[c] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        ASCII['0'] = 'o';
        ASCII['1'] = 'l';
        ASCII['i'] = 'l';
        ASCII['I'] = 'l';
        ASCII['|'] = 'l';
        ASCII['q'] = 'g';
        ASCII['Q'] = 'g';
    }

    private Skeleton() {}

    /** The skeleton of one label (or any short string), given in Unicode or ASCII form. */
    static String of(String label) {
        String s = label;
        if (!isAscii(s)) {
            s = CASEFOLD.normalize(s);
            s = SPOOF.getSkeleton(s);
            s = stripMarks(s);
        }
        return asciiPass(s);
    }

    /**
     * A lighter skeleton for searching names inside longer labels: single-character look-alikes only,
     * no multi-character rewrites, which could join characters across the boundary between a name
     * and the text around it ({@code spiegel}+{@code news} must not turn {@code ln} into {@code h}).
     */
    static String light(String label) {
        String s = label;
        boolean ascii = isAscii(s);
        if (!ascii) {
            s = CASEFOLD.normalize(s);
            s = SPOOF.getSkeleton(s);
            s = stripMarks(s);
        }
        char[] out = new char[s.length()];
        for (int i = 0; i < out.length; i++) {
            char c = s.charAt(i);
            out[i] = c < 128 ? ASCII[c] : Character.toLowerCase(c);
        }
        String r = new String(out);
        return ascii ? r : r.replace("rn", "m"); // undo UTS #39's m -> rn
    }

    /** The skeleton of a dotted name, label by label, dots kept. */
    static String ofName(String[] unicodeLabels, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (i > from) sb.append('.');
            sb.append(of(unicodeLabels[i]));
        }
        return sb.toString();
    }

    /** True when the ASCII pass would leave {@code s} unchanged. */
    private static boolean plain(String s) {
        char p = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 128 || ASCII[c] != c) return false;
            if (p == 'r' && c == 'n' || p == 'v' && c == 'v' || p == 'c' && c == 'l' || p == 'l' && c == 'n') return false;
            p = c;
        }
        return true;
    }

    static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= 0x80) return false;
        return true;
    }

    private static String stripMarks(String s) {
        String d = NFD.normalize(s);
        StringBuilder sb = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            int t = Character.getType(c);
            if (t == Character.NON_SPACING_MARK || t == Character.ENCLOSING_MARK || t == Character.COMBINING_SPACING_MARK) continue;
            sb.append(c);
        }
        return sb.toString();
    }

    /**
     * The ASCII look-alikes, in a fixed order: first the two-letter ones ({@code rn/m}, {@code vv/w},
     * {@code cl/d}, {@code ln/h}) on the letters as written, left to right without overlap (so in
     * {@code cln} the leftmost pair wins: {@code dn}), then the one-letter ones ({@code 0/o},
     * {@code 1/l}, {@code i/l}, {@code q/g}). The other order would rewrite letters that a
     * one-letter rule produced: {@code in} would become {@code ln} and then {@code h}, {@code ci}
     * would become {@code d}, so unrelated real names would collide.
     */
    private static String asciiPass(String s) {
        int n = s.length();
        if (plain(s)) return s;
        char[] out = new char[n];
        int o = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            char lc = c < 128 && c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
            if (i + 1 < n) {
                char d = s.charAt(i + 1);
                char ld = d < 128 && d >= 'A' && d <= 'Z' ? (char) (d + 32) : d;
                char pair = pair(lc, ld);
                if (pair != 0) {
                    out[o++] = pair;
                    i++;
                    continue;
                }
            }
            out[o++] = c < 128 ? ASCII[c] : Character.toLowerCase(c);
        }
        return new String(out, 0, o);
    }

    /** The letter that the two letters {@code a b} imitate, or 0. */
    private static char pair(char a, char b) {
        if (a == 'r' && b == 'n') return 'm';
        if (a == 'v' && b == 'v') return 'w';
        if (a == 'c' && b == 'l') return 'd';
        if (a == 'l' && b == 'n') return 'h';
        return 0;
    }
}
