package org.lockstep.core.domains;

import java.util.Set;

/**
 * What a public suffix says about a domain. Two facts are used for ranking:
 *
 * <ul>
 *   <li>Abused suffixes: look-alike operations register on new generic suffixes ({@code .ltd},
 *       {@code .work}, {@code .pics}), on country codes sold as generic ones ({@code .co}, {@code .ws},
 *       {@code .cc}) and on private second-level suffixes ({@code eu.com}, {@code co.com}); see the
 *       Doppelganger domains in VIGINUM's RRN report (2023) and Interisle's Phishing Landscape
 *       reports. A country code or legacy suffix ({@code .ie}, {@code .com}) more often hosts an
 *       unrelated real site of the same name.
 *   <li>Government namespaces ({@code gov.xx}, {@code gouv.xx}, {@code gv.at}, {@code .gov}) are
 *       registered only by governments, so a name there is never an attacker's registration.
 * </ul>
 */
final class Suffixes {
    private static final Set<String> LEGACY = Set.of("com", "net", "org", "edu", "gov", "mil", "int", "biz", "info", "name", "mobi", "aero", "coop", "museum", "jobs", "travel", "post", "asia", "cat", "tel", "pro", "arpa");
    private static final Set<String> GENERIC_CC = Set.of("co", "cc", "ws", "pw", "tk", "ml", "ga", "cf", "gq", "me", "io", "tv", "su", "ly", "to", "gg", "nu", "la", "fm", "am", "sh", "ac", "vc", "ai", "im", "is", "so", "st");
    /**
     * Country codes of tiny territories whose registries sell to anyone under their parent's rules
     * ({@code .pm}, {@code .tf}, {@code .wf}, {@code .yt}: AFNIC, open to any EU resident or company),
     * so that almost none of their names are local sites. Not national for {@link #nationalCc}.
     */
    private static final Set<String> OPEN_TERRITORY_CC = Set.of("pm", "tf", "wf", "yt");
    private static final Set<String> GOVERNMENT_LABELS = Set.of("gov", "gouv", "gv", "gob", "govt", "mil", "gub", "go", "admin", "bund");
    private static final Set<String> GOVERNMENT_TLDS = Set.of("gov", "mil");

    private Suffixes() {}

    /** True when the host's public suffix is one that look-alike operations favour. */
    static boolean abused(HostName.Parsed p) {
        if (!p.knownSuffix()) return true;
        if (p.privateSuffix()) return true;
        String[] L = p.labels();
        String tld = L[L.length - 1];
        if (tld.length() == 2) return GENERIC_CC.contains(tld) && L.length - p.suffixStart() == 1;
        return !LEGACY.contains(tld);
    }

    /**
     * The national country code the host's public suffix falls under ({@code ee} for {@code .ee},
     * {@code ca} for {@code pe.ca}, {@code co} for {@code com.co}), or null for generic suffixes,
     * country codes sold as generic ones at their top level ({@code .co}, {@code .me}), the open
     * territory codes, private suffixes ({@code eu.com}) and unknown suffixes.
     */
    static String nationalCc(HostName.Parsed p) {
        if (!p.knownSuffix() || p.privateSuffix()) return null;
        String[] L = p.labels();
        String tld = L[L.length - 1];
        if (tld.length() != 2 || OPEN_TERRITORY_CC.contains(tld)) return null;
        // a generic-use code is national below its own second levels (com.co is Colombian, .co is not)
        if (GENERIC_CC.contains(tld) && L.length - p.suffixStart() == 1) return null;
        return tld;
    }

    /**
     * True when the host lies in a government-only namespace ({@code *.gov.pl}, {@code *.gv.at},
     * {@code *.gov}), wherever the public suffix list puts that namespace: some governments
     * registered theirs in the list's private section ({@code gov.nl}, {@code gov.scot},
     * {@code gov.ru}), which says who submitted the entry, not who may register under it.
     */
    static boolean governmentNamespace(HostName.Parsed p) {
        String[] L = p.labels();
        int s = p.suffixStart();
        if (GOVERNMENT_TLDS.contains(L[L.length - 1])) return true;
        if (L.length - s >= 2 && p.knownSuffix()) {
            if (!GOVERNMENT_LABELS.contains(L[s]) || L[s].equals("bund")) return false;
            // the government label right under a country code or a geographic top-level domain
            String tld = L[s + 1];
            return s + 2 == L.length && (tld.length() == 2 || !LEGACY.contains(tld));
        }
        return false;
    }
}
