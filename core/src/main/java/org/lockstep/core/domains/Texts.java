package org.lockstep.core.domains;

/** Makes attacker-written text safe to print in a one-line message. */
final class Texts {
    private Texts() {}

    /** At most 80 characters, control characters shown as {@code \\uXXXX}. */
    static String printable(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && sb.length() < 80; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || Character.isISOControl(c)) sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        if (sb.length() >= 80) sb.append('…');
        return sb.toString();
    }
}
