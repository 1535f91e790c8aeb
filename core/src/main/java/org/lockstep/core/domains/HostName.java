package org.lockstep.core.domains;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.net.IDN;
import java.util.Locale;

/**
 * A host name checked and split for matching: ASCII (punycode) form, Unicode form, labels, and the
 * index of the first label of its public suffix, found in the public suffix list shipped as a
 * resource ({@code public_suffix_list.dat.gz}, MPL 2.0, taken unchanged from a Maven Central jar;
 * see the {@code README.md} beside it), ICANN and private sections, with the list's own rules
 * (exact, wildcard and exception rules; the longest match wins). Guava's
 * {@code InternetDomainName} applies the same rules to its own copy of the list; its internal
 * tables are not a public API, so they are not used.
 *
 * <p>Host names here are written by attackers: {@link #parse} never throws, it returns a
 * {@link Rejected} with a reason for anything it will not handle.
 */
final class HostName {
    /** Longest input looked at; DNS names are at most 253 characters (RFC 1035). */
    static final int MAX_INPUT = 1024;

    /** A parsed host. {@code suffixStart} is the label index where the public suffix begins. */
    record Parsed(String ascii, String[] labels, String[] unicodeLabels, int suffixStart, boolean knownSuffix, boolean privateSuffix) {
        /** The public suffix, e.g. {@code co.uk}. */
        String suffix() {
            return join(labels, suffixStart, labels.length, '.');
        }

        /** The registrable domain (one label plus the public suffix), or the host when it is only a suffix. */
        String registrable() {
            return join(labels, Math.max(0, suffixStart - 1), labels.length, '.');
        }
    }

    /** Why a host was not accepted. */
    record Rejected(String reason) {}

    private HostName() {}

    /** Parses {@code raw}; returns a {@link Parsed} or a {@link Rejected}. */
    static Object parse(String raw) {
        if (raw == null) return new Rejected("empty");
        if (raw.length() > MAX_INPUT) return new Rejected("too long (" + raw.length() + " characters)");
        String h = raw.strip();
        if (h.startsWith("*.")) h = h.substring(2); // wildcard certificate names
        while (h.endsWith(".")) h = h.substring(0, h.length() - 1);
        if (h.isEmpty()) return new Rejected("empty");
        boolean ascii = true;
        for (int i = 0; i < h.length(); i++) {
            char c = h.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) return new Rejected("control character at " + i);
            if (c >= 0x80) ascii = false;
        }
        String asciiForm;
        if (ascii) {
            asciiForm = h.toLowerCase(Locale.ROOT);
        } else {
            try {
                asciiForm = IDN.toASCII(h, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                return new Rejected("not a valid internationalised name");
            }
        }
        if (asciiForm.length() > 253) return new Rejected("longer than 253 characters");
        for (int i = 0; i < asciiForm.length(); i++) {
            char c = asciiForm.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_')) {
                return new Rejected("character not allowed in a host name: U+" + String.format("%04X", (int) c));
            }
        }
        String[] labels = splitDots(asciiForm);
        String[] unicode = new String[labels.length];
        for (int i = 0; i < labels.length; i++) {
            String l = labels[i];
            if (l.isEmpty()) return new Rejected("empty label");
            if (l.length() > 63) return new Rejected("label longer than 63 characters");
            if (l.startsWith("xn--")) {
                String u;
                try {
                    u = IDN.toUnicode(l, IDN.ALLOW_UNASSIGNED);
                } catch (IllegalArgumentException e) {
                    u = l;
                }
                if (u.equals(l) || u.isEmpty()) return new Rejected("broken punycode in label " + (i + 1));
                unicode[i] = u.toLowerCase(Locale.ROOT);
            } else {
                unicode[i] = l;
            }
        }
        int found = suffixStart(asciiForm, labels);
        boolean known = found >= 0;
        int suffix = known ? found & 0xffff : labels.length - 1;
        return new Parsed(asciiForm, labels, unicode, suffix, known, known && (found & PRIVATE_BIT) != 0);
    }

    /** Parses a host that must be valid (protected domains); throws with the reason otherwise. */
    static Parsed parseOrThrow(String raw) {
        Object o = parse(raw);
        if (o instanceof Parsed p) return p;
        throw new IllegalArgumentException(raw + ": " + ((Rejected) o).reason());
    }

    /**
     * Index of the first label of the longest public suffix, or -1 when none is listed. Same rules
     * as Guava's {@code InternetDomainName}: an exact rule, an exception rule ({@code !www.ck}) that
     * makes the parent the suffix, or a wildcard rule ({@code *.ck}) for the label under it.
     */
    static int suffixStart(String host, String[] labels) {
        int n = labels.length;
        // one lookup per ancestor, right to left, then the leftmost rule wins (the longest suffix)
        int[] flags = new int[n + 1];
        int start = host.length();
        int[] starts = new int[n];
        for (int i = n - 1; i >= 0; i--) {
            start -= labels[i].length();
            starts[i] = start;
            Integer f = RULES.get(i == 0 ? host : host.substring(start));
            flags[i] = f == null ? 0 : f;
            start--; // the dot
        }
        for (int i = 0; i < n; i++) {
            int f = flags[i];
            if ((f & EXACT) != 0) return i | (f & PRIVATE_BIT);
            if ((f & EXCLUDED) != 0) return (i + 1) | (flags[i + 1] & PRIVATE_BIT);
            if (i + 1 < n && (flags[i + 1] & UNDER) != 0) return i | (flags[i + 1] & PRIVATE_BIT);
        }
        return -1;
    }

    private static final int EXACT = 1, EXCLUDED = 2, UNDER = 4, PRIVATE_BIT = 1 << 16;
    /** The rules of the public suffix list, keyed by ASCII (punycode) suffix, merged into flags. */
    private static final java.util.HashMap<String, Integer> RULES = new java.util.HashMap<>(1 << 15);
    /** Version line of the list ({@code // VERSION: ...}), for diagnostics. */
    static final String LIST_VERSION;

    static {
        String version = "unknown";
        try (InputStream raw = HostName.class.getResourceAsStream("public_suffix_list.dat.gz")) {
            if (raw == null) throw new IllegalStateException("public_suffix_list.dat.gz missing from the class path");
            BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
            boolean priv = false;
            String line;
            while ((line = r.readLine()) != null) {
                String t = line.strip();
                if (t.startsWith("//")) {
                    if (t.contains("===BEGIN PRIVATE DOMAINS===")) priv = true;
                    if (t.startsWith("// VERSION:")) version = t.substring(11).strip();
                    continue;
                }
                if (t.isEmpty()) continue;
                int sp = t.indexOf(' ');
                if (sp > 0) t = t.substring(0, sp);
                addRule(t, priv);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LIST_VERSION = version;
    }

    private static void addRule(String rule, boolean priv) {
        int flag;
        String name;
        if (rule.startsWith("!")) {
            flag = EXCLUDED;
            name = rule.substring(1);
        } else if (rule.startsWith("*.")) {
            flag = UNDER;
            name = rule.substring(2);
        } else {
            flag = EXACT;
            name = rule;
        }
        if (name.contains("*")) return; // no such rules in the list today; never guess
        String ascii;
        try {
            ascii = java.net.IDN.toASCII(name, java.net.IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return;
        }
        int f = flag | (priv && flag != EXCLUDED ? PRIVATE_BIT : 0);
        RULES.merge(ascii, f, (a, b) -> a | b);
    }

    /**
     * Every exact rule of the list's private section with exactly two labels, ASCII only: registrable
     * domains of companies that run platforms (used by benchmarks as ordinary, legitimate domains).
     */
    static java.util.List<String> privateRegistrableRules() {
        java.util.List<String> out = new java.util.ArrayList<>();
        RULES.forEach((k, v) -> {
            if ((v & PRIVATE_BIT) != 0 && (v & EXACT) != 0 && k.indexOf('.') == k.lastIndexOf('.') && k.indexOf('.') > 0
                    && !k.startsWith("xn--") && !k.contains(".xn--")) out.add(k);
        });
        java.util.Collections.sort(out);
        return out;
    }

    static String[] splitDots(String s) {
        int count = 1;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == '.') count++;
        String[] out = new String[count];
        int from = 0, k = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || s.charAt(i) == '.') {
                out[k++] = s.substring(from, i);
                from = i + 1;
            }
        }
        return out;
    }

    static String join(String[] parts, int from, int to, char sep) {
        if (from >= to) return "";
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (i > from) sb.append(sep);
            sb.append(parts[i]);
        }
        return sb.toString();
    }
}
