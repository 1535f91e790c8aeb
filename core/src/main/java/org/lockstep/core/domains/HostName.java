package org.lockstep.core.domains;

import com.google.thirdparty.publicsuffix.PublicSuffixPatterns;
import java.net.IDN;
import java.util.Locale;

/**
 * A host name checked and split for matching: ASCII (punycode) form, Unicode form, labels, and the
 * index of the first label of its public suffix, found in the public suffix list that Guava ships
 * (ICANN and private sections, the same data and rules as {@code InternetDomainName}).
 *
 * <p>Host names here are written by attackers: {@link #parse} never throws, it returns a
 * {@link Rejected} with a reason for anything it will not handle.
 */
final class HostName {
    /** Longest input looked at; DNS names are at most 253 characters (RFC 1035). */
    static final int MAX_INPUT = 1024;

    /** A parsed host. {@code suffixStart} is the label index where the public suffix begins. */
    record Parsed(String ascii, String[] labels, String[] unicodeLabels, int suffixStart, boolean knownSuffix) {
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
        String[] labels = asciiForm.split("\\.", -1);
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
        int suffix = suffixStart(asciiForm, labels);
        boolean known = suffix >= 0;
        if (!known) suffix = labels.length - 1;
        return new Parsed(asciiForm, labels, unicode, suffix, known);
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
        int start = 0;
        for (int i = 0; i < labels.length; i++) {
            String ancestor = host.substring(start);
            if (PublicSuffixPatterns.EXACT.containsKey(ancestor)) return i;
            if (PublicSuffixPatterns.EXCLUDED.containsKey(ancestor)) return i + 1;
            int next = start + labels[i].length() + 1;
            if (i + 1 < labels.length && PublicSuffixPatterns.UNDER.containsKey(host.substring(next))) return i;
            start = next;
        }
        return -1;
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
