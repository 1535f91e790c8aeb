package org.lockstep.core.url;

import com.google.common.net.InternetDomainName;
import java.net.IDN;
import java.util.Locale;
import java.util.Set;

/**
 * Puts URLs in one canonical form so that the same link shared by different accounts compares equal:
 * lower-case scheme and host, no default port, no fragment, no tracking parameters (utm_*, fbclid,
 * gclid, ...), no trailing slash, {@code http} folded into {@code https}, {@code www.} dropped.
 * Also gives the host and its registrable domain (public suffix + one label, from the public suffix
 * list that Guava ships, private section included).
 *
 * <p>Pure and stateless; never throws on attacker-written input, returns null instead.
 */
public final class UrlNormalizer {
    private static final Set<String> TRACKING = Set.of(
            "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "mc_cid", "mc_eid",
            "igshid", "igsh", "si", "ref_src", "ref_url", "_ga", "_gl", "mkt_tok", "spm", "s_cid",
            "twclid", "ttclid", "vero_id", "oly_anon_id", "oly_enc_id", "__s", "cmpid", "ncid", "sr_share");

    /**
     * Prefix of an opaque link object: a source that gives link ids instead of URLs (CooRTweet's
     * {@code url_id}, {@code url_123}) is read as {@code id:} + the id, kept as it is by
     * {@link #normalize} and without host or domain.
     */
    public static final String OPAQUE = "id:";

    private UrlNormalizer() {}

    /**
     * The canonical form of {@code url}, or null when it is not an http(s) URL with a host; an
     * {@link #OPAQUE} link id is returned as it is (stripped).
     */
    public static String normalize(String url) {
        if (url == null) return null;
        String u = url.strip();
        if (u.isEmpty() || u.length() > 8192) return null;
        if (u.startsWith(OPAQUE)) return u.length() > OPAQUE.length() ? u : null;
        int schemeEnd = u.indexOf("://");
        String rest;
        if (schemeEnd < 0) {
            if (u.startsWith("www.")) rest = u;
            else return null;
        } else {
            String scheme = u.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) return null;
            rest = u.substring(schemeEnd + 3);
        }
        int hash = rest.indexOf('#');
        if (hash >= 0) rest = rest.substring(0, hash);
        int pathStart = indexOfAny(rest, '/', '?');
        String authority = pathStart < 0 ? rest : rest.substring(0, pathStart);
        String pathAndQuery = pathStart < 0 ? "" : rest.substring(pathStart);
        int at = authority.lastIndexOf('@');
        if (at >= 0) authority = authority.substring(at + 1);
        String host = authority;
        String port = null;
        int colon = authority.lastIndexOf(':');
        if (colon >= 0 && authority.indexOf(']') < colon) {
            host = authority.substring(0, colon);
            port = authority.substring(colon + 1);
            if (port.equals("80") || port.equals("443") || port.isEmpty()) port = null;
        }
        host = normalizeHost(host);
        if (host == null) return null;
        String path = pathAndQuery;
        String query = null;
        int q = pathAndQuery.indexOf('?');
        if (q >= 0) {
            path = pathAndQuery.substring(0, q);
            query = cleanQuery(pathAndQuery.substring(q + 1));
        }
        while (path.endsWith("/")) path = path.substring(0, path.length() - 1);
        StringBuilder sb = new StringBuilder(16 + host.length() + path.length());
        sb.append("https://").append(host);
        if (port != null) sb.append(':').append(port);
        sb.append(path);
        if (query != null && !query.isEmpty()) sb.append('?').append(query);
        return sb.toString();
    }

    /** The lower-case, IDN-to-ASCII host of {@code url} without {@code www.}, or null (also for an opaque link id). */
    public static String host(String url) {
        String n = normalize(url);
        if (n == null || n.startsWith(OPAQUE)) return null;
        int start = "https://".length();
        int end = indexOfAny(n.substring(start), '/', '?');
        String hp = end < 0 ? n.substring(start) : n.substring(start, start + end);
        int colon = hp.lastIndexOf(':');
        return colon >= 0 && hp.indexOf(']') < colon ? hp.substring(0, colon) : hp;
    }

    /**
     * The registrable domain ("eTLD+1") of a host, using the public suffix list including its private
     * section (so {@code foo.blogspot.com} is its own site). Returns the host itself when it is an IP
     * address or has no known public suffix, null when it is not a valid host name.
     */
    public static String registrableDomain(String host) {
        if (host == null || host.isEmpty()) return null;
        if (isIpLiteral(host)) return host;
        try {
            InternetDomainName d = InternetDomainName.from(host);
            if (d.isTopPrivateDomain() || d.isPublicSuffix()) return d.toString();
            if (d.isUnderPublicSuffix()) return d.topPrivateDomain().toString();
            return host;
        } catch (IllegalArgumentException | IllegalStateException e) {
            return null;
        }
    }

    static String normalizeHost(String host) {
        if (host == null) return null;
        String h = host.strip().toLowerCase(Locale.ROOT);
        while (h.endsWith(".")) h = h.substring(0, h.length() - 1);
        if (h.isEmpty() || h.length() > 253) return null;
        if (h.startsWith("[")) return h.endsWith("]") ? h : null;
        boolean ascii = true;
        for (int i = 0; i < h.length(); i++) {
            char c = h.charAt(i);
            if (c >= 0x80) { ascii = false; continue; }
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_')) return null;
        }
        if (!ascii) {
            try {
                h = IDN.toASCII(h, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        if (h.startsWith("www.") && h.length() > 4 && h.indexOf('.', 4) > 0) h = h.substring(4);
        if (h.startsWith(".") || h.contains("..")) return null;
        return h;
    }

    private static String cleanQuery(String query) {
        if (query.isEmpty()) return null;
        StringBuilder sb = new StringBuilder(query.length());
        int i = 0;
        while (i <= query.length()) {
            int amp = query.indexOf('&', i);
            if (amp < 0) amp = query.length();
            String param = query.substring(i, amp);
            if (!param.isEmpty()) {
                int eq = param.indexOf('=');
                String name = (eq < 0 ? param : param.substring(0, eq)).toLowerCase(Locale.ROOT);
                if (!name.startsWith("utm_") && !TRACKING.contains(name)) {
                    if (sb.length() > 0) sb.append('&');
                    sb.append(param);
                }
            }
            i = amp + 1;
        }
        return sb.toString();
    }

    private static boolean isIpLiteral(String host) {
        if (host.startsWith("[")) return true;
        int dots = 0;
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c == '.') dots++;
            else if (c < '0' || c > '9') return false;
        }
        return dots == 3;
    }

    private static int indexOfAny(String s, char a, char b) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == a || c == b) return i;
        }
        return -1;
    }
}
