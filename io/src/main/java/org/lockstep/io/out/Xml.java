package org.lockstep.io.out;

/** Text made legal for XML 1.0; escaping itself is left to the {@code XMLStreamWriter}. */
final class Xml {
    private Xml() {}

    /**
     * Replaces every character XML 1.0 forbids (NUL and other C0 controls except TAB, LF, CR; lone
     * surrogates; U+FFFE, U+FFFF) with U+FFFD, so that any attacker-written string still yields a
     * well-formed document.
     */
    static String legal(String s) {
        if (s == null) return null;
        StringBuilder b = null;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c)) {
                ok = i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1));
                if (ok) {
                    if (b != null) b.append(c).append(s.charAt(i + 1));
                    i++;
                    continue;
                }
            } else if (Character.isLowSurrogate(c)) {
                ok = false;
            } else {
                ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xFFFD);
            }
            if (!ok && b == null) {
                b = new StringBuilder(n);
                b.append(s, 0, i);
            }
            if (b != null) b.append(ok ? c : '\uFFFD');
        }
        return b == null ? s : b.toString();
    }
}
