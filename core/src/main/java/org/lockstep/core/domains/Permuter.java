package org.lockstep.core.domains;

import java.net.IDN;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Forward generation: the look-alikes of one domain, for a watch list. Covers every fuzzer of
 * dnstwist (addition, bitsquatting, cyrillic, dictionary, homoglyph, hyphenation, insertion,
 * omission, plural, repetition, replacement, subdomain, transposition, vowel-swap, various,
 * tld-swap) and, unlike it, combines them: each single edit or homoglyph under every suffix of the
 * list, keywords under every suffix, the real domain in front of another suffix. Each output says
 * which techniques produced it (classified the same way as {@link LookalikeMatcher} explains).
 */
public final class Permuter {
    /** Suffixes tried by suffix swaps: common, cheap and abused gTLDs, big ccTLDs, private look-alikes. */
    public static final List<String> DEFAULT_SUFFIXES = List.of(
            "com", "net", "org", "info", "biz", "co", "io", "me", "ws", "ltd", "work", "live", "online", "site",
            "space", "xyz", "top", "club", "news", "press", "eu", "us", "uk", "co.uk", "fr", "de", "ru", "ua",
            "cc", "tv", "pw", "in", "su", "icu", "buzz", "app", "website", "tech", "store", "today", "world",
            "co.com", "eu.com", "de.com", "uk.com", "us.com", "com.co", "net.co", "cn", "pl", "es", "it", "nl");

    /**
     * Settings.
     *
     * @param suffixes  suffixes for suffix swaps (and combinations)
     * @param keywords  words combined with the name
     * @param combine   also put every edit under every suffix, and keywords under every suffix
     * @param limit     stop after this many names
     */
    public record Config(List<String> suffixes, List<String> keywords, boolean combine, int limit) {
        public Config {
            if (limit < 1) throw new IllegalArgumentException("limit must be at least 1: " + limit);
            suffixes = List.copyOf(suffixes);
            keywords = List.copyOf(keywords);
        }

        public static Config defaults() {
            return builder().build();
        }

        public static Builder builder() { return new Builder(); }

        public Builder toBuilder() {
            return new Builder().suffixes(suffixes).keywords(keywords).combine(combine).limit(limit);
        }

        /** Builds a {@link Config}; the defaults live here. Not thread-safe. */
        public static final class Builder {
            private List<String> suffixes = DEFAULT_SUFFIXES, keywords = LookalikeMatcher.DEFAULT_KEYWORDS;
            private boolean combine = true;
            private int limit = 1_000_000;

            private Builder() {}

            public Builder suffixes(List<String> v) { suffixes = v; return this; }
            public Builder keywords(List<String> v) { keywords = v; return this; }
            public Builder combine(boolean v) { combine = v; return this; }
            public Builder limit(int v) { limit = v; return this; }

            public Config build() { return new Config(suffixes, keywords, combine, limit); }
        }
    }

    /** One generated name and the techniques that produce it. */
    public record Permutation(String domain, Set<Technique> techniques) {}

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    /** Look-alikes used for single substitutions: ASCII, Cyrillic, Greek, Latin with marks. */
    private static final Map<Character, String> GLYPHS = Map.ofEntries(
            Map.entry('a', "\u0430\u00e0\u00e1\u00e2\u00e4\u00e5\u0251"), Map.entry('b', "\u0432\u0184"),
            Map.entry('c', "\u0441\u00e7\u0188"), Map.entry('d', "\u0501\u0257"), Map.entry('e', "\u0435\u00e8\u00e9\u00ea\u00eb"),
            Map.entry('g', "q\u0261"), Map.entry('h', "\u04bb"), Map.entry('i', "1l\u0456\u00ec\u00ed\u00ef\u0131"),
            Map.entry('j', "\u0458"), Map.entry('k', "\u043a"), Map.entry('l', "1i\u04cf"), Map.entry('m', "\u043c"),
            Map.entry('n', "\u0578\u00f1"), Map.entry('o', "0\u043e\u03bf\u00f2\u00f3\u00f6"), Map.entry('p', "\u0440\u03c1"),
            Map.entry('q', "g\u051b"), Map.entry('r', "\u0433"), Map.entry('s', "\u0455"), Map.entry('t', "\u0442"),
            Map.entry('u', "\u03c5\u00fc\u00fa"), Map.entry('v', "\u03bd\u0475"), Map.entry('w', "\u0461\u051d"),
            Map.entry('x', "\u0445"), Map.entry('y', "\u0443\u00fd"), Map.entry('z', "\u0290"), Map.entry('0', "o"),
            Map.entry('1', "l"));
    private static final String[][] MULTI = {{"m", "rn"}, {"w", "vv"}, {"d", "cl"}, {"h", "ln"}, {"rn", "m"}, {"vv", "w"}};

    private final Config config;

    public Permuter(Config config) {
        this.config = config;
    }

    /** All permutations of {@code domain} (not including itself), in generation order. */
    public List<Permutation> permute(String domain) {
        HostName.Parsed p = HostName.parseOrThrow(domain);
        int s = Math.max(1, p.suffixStart());
        String[] L = p.labels();
        String label = p.unicodeLabels()[s - 1];
        String prefix = HostName.join(L, 0, s - 1, '.');
        String suffix = HostName.join(L, s, L.length, '.');
        Out out = new Out(p.ascii(), prefix, config.limit());
        // single edits of the label, under its own suffix (and every other with combine)
        List<String[]> edits = new ArrayList<>();
        int n = label.length();
        for (int i = 0; i < n; i++) edits.add(new String[] {label.substring(0, i) + label.substring(i + 1), null});
        for (int i = 0; i <= n; i++) {
            for (int c = 0; c < ALPHABET.length(); c++) edits.add(new String[] {label.substring(0, i) + ALPHABET.charAt(c) + label.substring(i), null});
            if (i > 0 && i < n) edits.add(new String[] {label.substring(0, i) + "-" + label.substring(i), null});
        }
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < ALPHABET.length(); c++) {
                if (ALPHABET.charAt(c) != label.charAt(i)) edits.add(new String[] {label.substring(0, i) + ALPHABET.charAt(c) + label.substring(i + 1), null});
            }
            for (int b = 0; b < 7; b++) { // bit flips onto other valid host characters
                char f = (char) (label.charAt(i) ^ (1 << b));
                if (EditOps.validHostChar(f) && ALPHABET.indexOf(f) < 0) edits.add(new String[] {label.substring(0, i) + f + label.substring(i + 1), null});
            }
        }
        for (int i = 0; i + 1 < n; i++) {
            if (label.charAt(i) != label.charAt(i + 1)) {
                edits.add(new String[] {label.substring(0, i) + label.charAt(i + 1) + label.charAt(i) + label.substring(i + 2), null});
            }
        }
        for (int i = 0; i < n; i++) {
            String g = GLYPHS.get(label.charAt(i));
            if (g == null) continue;
            for (int k = 0; k < g.length(); k++) edits.add(new String[] {label.substring(0, i) + g.charAt(k) + label.substring(i + 1), "h"});
        }
        // two look-alike substitutions at once (dnstwist's homoglyph fuzzer also combines them)
        List<String[]> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String gi = GLYPHS.get(label.charAt(i));
            if (gi == null) continue;
            for (int j = i + 1; j < n; j++) {
                String gj = GLYPHS.get(label.charAt(j));
                if (gj == null) continue;
                for (int a = 0; a < gi.length(); a++) {
                    for (int b = 0; b < gj.length(); b++) {
                        pairs.add(new String[] {label.substring(0, i) + gi.charAt(a) + label.substring(i + 1, j) + gj.charAt(b) + label.substring(j + 1), "h"});
                    }
                }
            }
        }
        for (String[] m : MULTI) {
            int at = label.indexOf(m[0]);
            while (at >= 0) {
                edits.add(new String[] {label.substring(0, at) + m[1] + label.substring(at + m[0].length()), "h"});
                at = label.indexOf(m[0], at + 1);
            }
        }
        for (String[] e : edits) {
            EnumSet<Technique> t = EnumSet.noneOf(Technique.class);
            if (e[1] != null) t.add(Technique.HOMOGLYPH);
            else {
                Technique k = EditOps.classify(e[0], label);
                if (k == null) continue;
                t.add(k);
            }
            out.add(e[0], suffix, t);
        }
        for (String[] e : pairs) out.add(e[0], suffix, EnumSet.of(Technique.HOMOGLYPH));
        // every letter that has a Cyrillic look-alike replaced at once (dnstwist's "cyrillic")
        StringBuilder cyr = new StringBuilder(n);
        int changed = 0;
        for (int i = 0; i < n; i++) {
            char c = label.charAt(i);
            String g = GLYPHS.get(c);
            char k = c;
            if (g != null) for (int x = 0; x < g.length(); x++) if (Character.UnicodeBlock.of(g.charAt(x)) == Character.UnicodeBlock.CYRILLIC) { k = g.charAt(x); break; }
            if (k != c) changed++;
            cyr.append(k);
        }
        if (changed >= 2) out.add(cyr.toString(), suffix, EnumSet.of(Technique.HOMOGLYPH));
        // dot insertion (dnstwist "subdomain")
        for (int i = 1; i < n; i++) {
            if (label.charAt(i - 1) != '-' && label.charAt(i) != '-') {
                out.add(label.substring(0, i) + "." + label.substring(i), suffix, EnumSet.of(Technique.DOT_INSERTION));
            }
        }
        // dots to hyphens or removed (dnstwist "various"), under own suffix and every other
        String flat = label + "-" + suffix.replace('.', '-');
        String flat2 = label + suffix.replace(".", "");
        out.add(flat, suffix, EnumSet.of(Technique.DOTS));
        out.add(flat2, suffix, EnumSet.of(Technique.DOTS));
        // keywords (dnstwist "dictionary")
        for (String k : config.keywords()) {
            for (String v : new String[] {k + "-" + label, label + "-" + k, k + label, label + k}) out.add(v, suffix, EnumSet.of(Technique.KEYWORD));
        }
        // suffix swaps, and with combine everything above under every suffix
        for (String t : config.suffixes()) {
            if (t.equals(suffix)) continue;
            out.add(label, t, EnumSet.of(Technique.TLD));
            if (!config.combine()) continue;
            out.add(label + "." + suffix, t, EnumSet.of(Technique.FRONT));
            out.add(flat, t, EnumSet.of(Technique.DOTS));
            out.add(flat2, t, EnumSet.of(Technique.DOTS));
            for (String[] e : edits) {
                EnumSet<Technique> ts = EnumSet.of(Technique.TLD);
                if (e[1] != null) ts.add(Technique.HOMOGLYPH);
                else {
                    Technique k = EditOps.classify(e[0], label);
                    if (k == null) continue;
                    ts.add(k);
                }
                out.add(e[0], t, ts);
            }
            for (String k : config.keywords()) {
                for (String v : new String[] {k + "-" + label, label + "-" + k}) out.add(v, t, EnumSet.of(Technique.KEYWORD, Technique.TLD));
            }
        }
        return new ArrayList<>(out.map.values());
    }

    private static final class Out {
        final String original;
        final String prefix;
        final int limit;
        final Map<String, Permutation> map = new LinkedHashMap<>();

        Out(String original, String prefix, int limit) {
            this.original = original;
            this.prefix = prefix;
            this.limit = limit;
        }

        void add(String label, String suffix, Set<Technique> t) {
            if (map.size() >= limit || label.isEmpty() || label.startsWith("-") || label.endsWith("-") || label.startsWith(".")) return;
            String name = (prefix.isEmpty() ? "" : prefix + ".") + label + "." + suffix;
            String ascii;
            try {
                ascii = IDN.toASCII(name, IDN.ALLOW_UNASSIGNED);
            } catch (IllegalArgumentException e) {
                return;
            }
            if (ascii.equals(original) || ascii.length() > 253) return;
            if (!(HostName.parse(ascii) instanceof HostName.Parsed)) return;
            map.putIfAbsent(ascii, new Permutation(ascii, Set.copyOf(t)));
        }
    }
}
