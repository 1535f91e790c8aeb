package org.lockstep.cli;

/**
 * Makes attacker-written text safe to print on a terminal: control characters (C0, DEL, C1, which
 * include ESC and CSI, so no colour, cursor or title sequence can run) and bidirectional controls
 * (which can make a handle or domain read differently from what it is) are shown as {@code \\uXXXX}.
 * Long text is cut.
 */
final class Terminal {
    static final int MAX = 300;

    private Terminal() {}

    static String safe(String s) {
        if (s == null) return "";
        StringBuilder sb = null;
        int n = Math.min(s.length(), MAX);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean bad = c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || isBidiControl(c);
            if (bad && sb == null) {
                sb = new StringBuilder(n + 16);
                sb.append(s, 0, i);
            }
            if (sb != null) {
                if (bad) sb.append(String.format("\\u%04x", (int) c));
                else sb.append(c);
            }
        }
        String out = sb == null ? s.substring(0, n) : sb.toString();
        return s.length() > MAX ? out + "…" : out;
    }

    /** Unicode bidirectional formatting characters (UAX #9): embeddings, overrides, isolates, marks. */
    static boolean isBidiControl(char c) {
        return (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')
                || c == '\u200e' || c == '\u200f' || c == '\u061c';
    }
}
