package org.lockstep.io.report;

/**
 * Escaping for text taken from the data (attacker-written: post text, handles, URLs). The result is
 * safe in HTML element content and in double- or single-quoted attribute values, including inside
 * inline SVG.
 */
public final class Html {
    private Html() {}

    /**
     * Escapes {@code & < > " '}; replaces characters that are not allowed in a document (NUL and other
     * C0 controls except TAB/LF/CR, lone surrogates, U+FFFE/U+FFFF) with U+FFFD; and shows bidirectional
     * controls (e.g. U+202E RIGHT-TO-LEFT OVERRIDE) as a visible {@code [U+202E]} so that they can
     * neither reorder the surrounding report nor hide what an account really wrote. Null becomes "".
     */
    public static String escape(String s) {
        if (s == null) return "";
        StringBuilder b = null;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            String rep = null;
            switch (c) {
                case '&': rep = "&amp;"; break;
                case '<': rep = "&lt;"; break;
                case '>': rep = "&gt;"; break;
                case '"': rep = "&quot;"; break;
                case '\'': rep = "&#39;"; break;
                default:
                    if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                        if (b != null) b.append(c).append(s.charAt(i + 1));
                        i++;
                        continue;
                    }
                    if (Character.isSurrogate(c) || (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f
                            || c == '\uFFFE' || c == '\uFFFF') {
                        rep = "\uFFFD";
                    } else if (isBidiControl(c)) {
                        rep = String.format("[U+%04X]", (int) c);
                    }
            }
            if (rep != null && b == null) {
                b = new StringBuilder(n + 16);
                b.append(s, 0, i);
            }
            if (b != null) {
                if (rep != null) b.append(rep);
                else b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F'
                || c == '\u061C';
    }

    /** Shortens to at most {@code max} characters (by code point), ending with an ellipsis when cut. */
    public static String shorten(String s, int max) {
        if (s == null) return "";
        if (s.codePointCount(0, s.length()) <= max) return s;
        int end = s.offsetByCodePoints(0, Math.max(0, max - 1));
        return s.substring(0, end) + "\u2026";
    }
}
