package org.lockstep.core.domains;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reverse matching: which protected entity does an observed host name imitate, with a score and
 * the techniques that explain it. All entities are matched at once through three indexes built
 * from their names, never by enumerating permutations per candidate:
 *
 * <ul>
 *   <li>a deletion neighbourhood ({@link DeletionIndex}) over UTS #39 skeletons of every name
 *       variant, which finds exact, homoglyph and single-typo matches in (length + 1) hash probes;
 *   <li>an Aho–Corasick automaton ({@link AhoCorasick}) over the same skeletons without hyphens,
 *       which finds names inside longer labels ({@code webmail-en-marche}) in one pass;
 *   <li>hash sets of owned and sister domains (never flagged), keywords and free-hosting domains.
 * </ul>
 *
 * Every label of the candidate is looked at, the public suffix included ({@code g0uv.fr}), so
 * techniques combine freely: a typo plus a new suffix, a homoglyph plus a keyword, and so on.
 * Thread-safe after construction.
 */
public final class LookalikeMatcher {
    /** Words attackers put next to a real name (threat reports: APT28, Ghostwriter, Doppelganger). */
    public static final List<String> DEFAULT_KEYWORDS = List.of(
            "mail", "webmail", "email", "login", "logon", "signin", "account", "accounts", "onedrive", "office",
            "office365", "o365", "outlook", "owa", "sharepoint", "adfs", "sso", "auth", "secure", "security",
            "verify", "verification", "update", "support", "service", "services", "portal", "online", "web",
            "www", "news", "press", "media", "info", "live", "cloud", "drive", "docs", "files", "download",
            "id", "my", "vote", "election", "elections", "campaign", "donate", "official", "app", "mobile",
            "vpn", "intranet", "admin", "team", "help", "today", "daily", "actu", "actualites", "nachrichten",
            "aktuell", "info", "gov", "gouv", "mil", "ministry", "protect", "passport", "my");

    /**
     * Editorial words among the keywords: a name written solid with only these
     * ({@code liberationnews}, {@code weltaktuell}) reads as the title of another publication and is
     * qualified {@link Technique#EDITORIAL}.
     */
    public static final List<String> EDITORIAL_WORDS = List.of(
            "news", "press", "media", "info", "live", "today", "daily", "actu", "actualites", "nachrichten",
            "aktuell", "online", "web", "official");

    /** Registrable domains and private suffixes whose subdomains anyone can get for free. */
    public static final List<String> DEFAULT_FREE_HOSTING = List.of(
            "github.io", "gitlab.io", "blogspot.com", "wordpress.com", "weebly.com", "wixsite.com",
            "000webhostapp.com", "firebaseapp.com", "web.app", "netlify.app", "vercel.app", "pages.dev",
            "workers.dev", "herokuapp.com", "azurewebsites.net", "glitch.me", "duckdns.org", "ngrok.io",
            "ngrok-free.app", "tilda.ws", "squarespace.com", "webflow.io", "godaddysites.com", "jimdosite.com",
            "yolasite.com", "mystrikingly.com", "site123.me", "ukit.me", "appspot.com", "r2.dev", "surge.sh",
            "carrd.co", "notion.site", "framer.website", "telegra.ph", "linktr.ee", "myshopify.com");

    /**
     * Settings.
     *
     * @param threshold         smallest score reported (0..1)
     * @param minTypoLength     shortest name (skeleton letters, no hyphens) for which typos count;
     *                          shorter names need an exact or homoglyph match
     * @param minKeywordLength  shortest name that counts when combined with keywords
     * @param minContainsLength shortest name that counts inside arbitrary other text
     * @param maxMatches        most matches reported per candidate (best entity first)
     * @param keywords          words combined with names (the defaults plus user-supplied ones)
     * @param freeHosting       free-hosting domains
     * @param allow             popularity allow-list (e.g. a top-sites list): hosts and registrable
     *                          domains whose matches are qualified {@link Technique#POPULAR}
     */
    public record Config(double threshold, int minTypoLength, int minKeywordLength, int minContainsLength,
                         int maxMatches, List<String> keywords, List<String> freeHosting, Set<String> allow) {
        public Config {
            if (!(threshold > 0 && threshold <= 1)) throw new IllegalArgumentException("threshold must be in (0, 1]: " + threshold);
            if (minTypoLength < 1 || minKeywordLength < 1 || minContainsLength < 1)
                throw new IllegalArgumentException("minimum lengths must be at least 1");
            if (maxMatches < 1) throw new IllegalArgumentException("maxMatches must be at least 1: " + maxMatches);
            keywords = List.copyOf(keywords);
            freeHosting = List.copyOf(freeHosting);
            allow = Set.copyOf(allow);
        }

        /** A builder holding the defaults; set what differs, then {@link Builder#build()} validates. */
        public static Builder builder() {
            return defaults().toBuilder();
        }

        /** A builder holding this config's values. */
        public Builder toBuilder() {
            Builder b = new Builder();
            b.threshold = threshold;
            b.minTypoLength = minTypoLength;
            b.minKeywordLength = minKeywordLength;
            b.minContainsLength = minContainsLength;
            b.maxMatches = maxMatches;
            b.keywords = keywords;
            b.freeHosting = freeHosting;
            b.allow = allow;
            return b;
        }

        /** Builds a {@link Config}. Not thread-safe. */
        public static final class Builder {
            private double threshold;
            private int minTypoLength, minKeywordLength, minContainsLength, maxMatches;
            private List<String> keywords, freeHosting;
            private Set<String> allow;

            private Builder() {}

            public Builder threshold(double v) { threshold = v; return this; }
            public Builder minTypoLength(int v) { minTypoLength = v; return this; }
            public Builder minKeywordLength(int v) { minKeywordLength = v; return this; }
            public Builder minContainsLength(int v) { minContainsLength = v; return this; }
            public Builder maxMatches(int v) { maxMatches = v; return this; }
            public Builder keywords(List<String> v) { keywords = v; return this; }
            public Builder freeHosting(List<String> v) { freeHosting = v; return this; }
            /** Popularity allow-list: lower-case host names or registrable domains never reported. */
            public Builder allow(Set<String> v) { allow = v; return this; }

            /** The config; throws {@link IllegalArgumentException} naming the first invalid parameter. */
            public Config build() {
                return new Config(threshold, minTypoLength, minKeywordLength, minContainsLength, maxMatches, keywords,
                        freeHosting, allow);
            }
        }

        public Config(double threshold, int minTypoLength, int minKeywordLength, int minContainsLength,
                      int maxMatches, List<String> keywords, List<String> freeHosting) {
            this(threshold, minTypoLength, minKeywordLength, minContainsLength, maxMatches, keywords, freeHosting, Set.of());
        }

        /**
         * Threshold 0.5, bare typos from 5 letters (shorter names with corroboration), names from 3
         * letters next to keywords, contains from 6, 3 matches, no allow-list.
         */
        public static Config defaults() {
            return new Config(0.5, 5, 3, 6, 3, DEFAULT_KEYWORDS, DEFAULT_FREE_HOSTING, Set.of());
        }

        public Config withThreshold(double t) {
            return toBuilder().threshold(t).build();
        }

        public Config withKeywords(List<String> extra) {
            List<String> k = new ArrayList<>(keywords);
            k.addAll(extra);
            return toBuilder().keywords(k).build();
        }

        /** The same with a popularity allow-list (lower-case host names or registrable domains). */
        public Config withAllow(Set<String> list) {
            return toBuilder().allow(list).build();
        }
    }

    /**
     * Evidence beyond the name, when a source has it. First seen recently (e.g. a new certificate in
     * a CT log) +0.05, certificate from a free certificate authority +0.05, shared by accounts found
     * coordinated +0.1; registered or first seen more than 365 days ago ×0.6
     * ({@link Technique#OLD}: look-alikes used in operations are young, most real namesakes old);
     * on one certificate with a protected, owned or sister domain: the organisation's own, never
     * flagged.
     *
     * @param ageDays           days since registration or first sighting, or -1 when unknown
     * @param sharesCertificate true when the host is on a certificate that also names a protected,
     *                          owned or sister domain (ownership evidence)
     */
    public record Evidence(boolean recent, boolean freeCa, int coordinatedAccounts, int ageDays, boolean sharesCertificate) {
        public static final Evidence NONE = new Evidence(false, false, 0);

        public Evidence(boolean recent, boolean freeCa, int coordinatedAccounts) {
            this(recent, freeCa, coordinatedAccounts, -1, false);
        }

        double bonus() {
            return (recent || ageDays >= 0 && ageDays <= 30 ? 0.05 : 0) + (freeCa ? 0.05 : 0) + (coordinatedAccounts > 0 ? 0.1 : 0);
        }

        boolean old() {
            return ageDays > 365;
        }
    }

    /**
     * One protected entity the candidate imitates.
     *
     * @param candidate       the host as given, in ASCII (punycode) form
     * @param protectedDomain the protected domain (or organisation name) it imitates
     * @param entity          the entity's display name
     * @param score           0..1, higher is more suspicious
     * @param techniques      the techniques that explain the resemblance, strongest evidence first
     * @param matchedName     the name variant that matched (e.g. {@code nato-int} for {@code nato.int})
     */
    public record Match(String candidate, String protectedDomain, String entity, double score,
                        List<Technique> techniques, String matchedName) {}

    /**
     * The answer for one candidate.
     *
     * @param candidate the candidate as given (not safe to print raw)
     * @param host      its ASCII form, or null when rejected
     * @param rejection why it was not looked at, or null
     * @param owned     true when it is an owned or sister domain (or under one): never flagged
     * @param matches   matches above the threshold, best first
     */
    public record Result(String candidate, String host, String rejection, boolean owned, List<Match> matches) {}

    private static final Technique[] TECHNIQUES = Technique.values();
    private final Config config;
    private final String[] entityNames;
    private final Set<String> owned = new HashSet<>();
    private final Set<String> freeHosting;
    private final Set<String> keywordSkeletons = new HashSet<>();
    private final int[] keywordLengths;
    /** Keywords (not country words) by {@link #hash}, for allocation-free splitting. */
    private final it.unimi.dsi.fastutil.longs.LongOpenHashSet keywordHashes = new it.unimi.dsi.fastutil.longs.LongOpenHashSet();
    /** Country words by hash, with the entities whose country they name: only those entities' names use them. */
    private final it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap<java.util.BitSet> countryOwners =
            new it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap<>();
    /** Per pattern: true when one of its names is distinctive (needs no corroboration). */
    private boolean[] patternDistinct;
    private final Set<String> editorialSkeletons = new HashSet<>();
    private final int[] editorialLengths;
    /** Per entity: the national country codes it belongs to (its {@code country}, its domains' ccTLDs). */
    private final Set<String>[] entityCountries;
    // name variants, struct of arrays
    private final String[] nameSkel, nameLight, nameRaw, nameSuffix, nameSuffixSkel, nameProtected;
    private final int[] nameEntity, nameLen, nameMask;
    /** Per name: at least 5 letters and not an English word, so that it needs no corroboration. */
    private final boolean[] nameDistinct;
    /** Per name: its light skeleton without hyphens (what two-edit matches compare), and its letter counts. */
    private final String[] nameHf;
    private final int[][] nameHist;
    private static final int HIST = 38;
    /**
     * Two-edit matches of long names (pigeonhole): each name of {@link #LONG_NAME}+ letters is cut in
     * three pieces; two edits leave one intact, and an intact piece sits at a known place in the
     * candidate: the first at its start, the last at its end, the middle one within two positions of
     * its place in the name. Keys: piece number, name length and the piece's hash, behind a Bloom
     * filter; a label of n letters makes at most 7 probes for each name length in n ± 2. (Two
     * transpositions straddling both cuts break all three pieces: missed.)
     */
    private final it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap<int[]> pieceIndex = new it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap<>();
    private final long[] pieceBloom;
    private final int pieceBloomMask;
    private final int minLong, maxLong;
    private final Set<String> allow;
    private final DeletionIndex index = new DeletionIndex();
    private int minNameLength = Integer.MAX_VALUE, maxNameLength;
    private final AhoCorasick automaton;
    private final int[][] patternNames;

    /** Builds the indexes for {@code entities}. Invalid domains throw {@link IllegalArgumentException}. */
    public LookalikeMatcher(List<ProtectedEntity> entities, Config config) {
        this.config = config;
        this.entityNames = new String[entities.size()];
        @SuppressWarnings("unchecked")
        Set<String>[] ec = new Set[entities.size()];
        this.entityCountries = ec;
        this.freeHosting = new HashSet<>(config.freeHosting());
        Set<String> kw = new LinkedHashSet<>(config.keywords());
        List<Object[]> names = new ArrayList<>();
        Map<String, Boolean> seen = new HashMap<>();
        Set<Integer> countryLengths = new java.util.TreeSet<>();
        for (int e = 0; e < entities.size(); e++) {
            ProtectedEntity pe = entities.get(e);
            entityNames[e] = pe.name();
            Set<String> cc = new HashSet<>();
            if (pe.country() != null) cc.add(pe.country().toLowerCase(Locale.ROOT));
            for (String d : pe.domains()) addCc(cc, d);
            for (String d : pe.sisters()) addCc(cc, d);
            entityCountries[e] = cc;
            kw.addAll(pe.keywords());
            if (pe.country() != null) {
                // country words corroborate this entity's names only (4miles.com is no look-alike of mil.gov.ua
                // because another protected entity is Spanish)
                for (String c : Countries.words(pe.country())) {
                    countryOwners.computeIfAbsent(hash(c, 0, c.length()), x -> new java.util.BitSet()).set(e);
                    countryLengths.add(c.length());
                }
                if (pe.country().equalsIgnoreCase("gb")) cc.add("uk");
                kw.add("gov");
                kw.add("gouv");
                kw.add("gob");
                kw.add("govt");
                kw.add("mil");
            }
            for (String d : pe.domains()) owned.add(d.toLowerCase(Locale.ROOT));
            for (String d : pe.sisters()) owned.add(d.toLowerCase(Locale.ROOT));
            for (String d : pe.domains()) {
                HostName.Parsed p = HostName.parseOrThrow(d);
                String[] L = p.labels();
                String[] U = p.unicodeLabels();
                // the most specific label is the name (bmi in bmi.bund.de), the rest its natural suffix
                String suffix = HostName.join(L, 1, L.length, '.');
                String label = U[0];
                int len = hyphenFree(Skeleton.of(label)).length();
                addName(names, seen, e, d, label, 0, suffix, len);
                if (label.indexOf('-') >= 0) addName(names, seen, e, d, label.replace("-", ""), bit(Technique.HYPHENATION), suffix, len);
                String bare = withoutArticle(label);
                if (bare != null) addName(names, seen, e, d, bare, bit(Technique.ARTICLE), suffix, hyphenFree(Skeleton.of(bare)).length());
                for (int k = 2; k <= L.length; k++) {
                    String rest = k < L.length ? HostName.join(L, k, L.length, '.') : null;
                    String flat = HostName.join(U, 0, k, '-');
                    int flatLen = Math.max(len, hyphenFree(Skeleton.of(flat)).length());
                    addName(names, seen, e, d, flat, bit(Technique.DOTS), rest, flatLen);
                    addName(names, seen, e, d, flat.replace("-", ""), bit(Technique.DOTS), rest, flatLen);
                }
            }
            String first = pe.domains().isEmpty() ? pe.name() : pe.domains().get(0);
            for (String n : pe.names()) {
                String t = n.toLowerCase(Locale.ROOT).replaceAll("[\\s'’.&,]+", " ").strip();
                if (t.isEmpty()) continue;
                String joined = t.replace(" ", "");
                int len = hyphenFree(Skeleton.of(joined)).length();
                if (len < 3 || len > 63) continue;
                addName(names, seen, e, first, joined, bit(Technique.NAME), null, len);
                if (t.indexOf(' ') >= 0) addName(names, seen, e, first, t.replace(" ", "-"), bit(Technique.NAME), null, len);
            }
        }
        int n = names.size();
        nameSkel = new String[n];
        nameLight = new String[n];
        nameRaw = new String[n];
        nameSuffix = new String[n];
        nameSuffixSkel = new String[n];
        nameProtected = new String[n];
        nameEntity = new int[n];
        nameLen = new int[n];
        nameMask = new int[n];
        nameDistinct = new boolean[n];
        nameHf = new String[n];
        nameHist = new int[n][];
        Map<String, IntArrayList> patterns = new LinkedHashMap<>();
        Map<Long, IntArrayList> pieces = new LinkedHashMap<>();
        int minL = Integer.MAX_VALUE, maxL = 0;
        for (int i = 0; i < n; i++) {
            Object[] o = names.get(i);
            nameEntity[i] = (Integer) o[0];
            nameProtected[i] = (String) o[1];
            nameRaw[i] = (String) o[2];
            nameMask[i] = (Integer) o[3];
            nameSuffix[i] = (String) o[4];
            nameLen[i] = (Integer) o[5];
            nameSkel[i] = Skeleton.of(nameRaw[i]);
            nameSuffixSkel[i] = nameSuffix[i] == null ? null : suffixSkeleton(nameSuffix[i]);
            index.add(nameSkel[i], i);
            minNameLength = Math.min(minNameLength, Math.min(nameSkel[i].length(), nameRaw[i].length()));
            maxNameLength = Math.max(maxNameLength, Math.max(nameSkel[i].length(), nameRaw[i].length()));
            String rawAscii = nameRaw[i];
            if (!rawAscii.equals(nameSkel[i])) index.add(rawAscii, i);
            // the light skeleton (no multi-character rewrites) too: "spiegc1" is one edit from "spiegel" there
            nameLight[i] = Skeleton.light(nameRaw[i]);
            if (!nameLight[i].equals(nameSkel[i]) && !nameLight[i].equals(rawAscii)) index.add(nameLight[i], i);
            String hf = hyphenFree(Skeleton.light(nameRaw[i]));
            // flattened names and names without their article are found whole, not inside labels
            boolean dots = (nameMask[i] & (bit(Technique.DOTS) | bit(Technique.ARTICLE))) != 0;
            if (!dots && hf.length() >= Math.min(config.minKeywordLength(), config.minContainsLength())) {
                patterns.computeIfAbsent(hf, x -> new IntArrayList()).add(i);
            }
            nameDistinct[i] = nameLen[i] >= 5 && !Words.isWord(hyphenFree(nameRaw[i]));
            nameHf[i] = hf;
            nameHist[i] = histogram(hf, new int[HIST]);
            if (!dots && hf.length() >= LONG_NAME) {
                // pigeonhole: two edits leave at least one of three pieces intact, shifted by at most two
                int m = hf.length(), a = m / 3, b = 2 * m / 3;
                int[][] cuts = {{0, a}, {a, b}, {b, m}};
                for (int k = 0; k < 3; k++) {
                    IntArrayList l = pieces.computeIfAbsent(pieceKey(k, m, hash(hf, cuts[k][0], cuts[k][1])), x -> new IntArrayList());
                    if (!l.contains(i)) l.add(i);
                }
                minL = Math.min(minL, hf.length());
                maxL = Math.max(maxL, hf.length());
            }
        }
        index.build();
        minLong = minL;
        maxLong = maxL;
        allow = new HashSet<>();
        for (String a : config.allow()) allow.add(a.toLowerCase(Locale.ROOT));
        List<String> keys = new ArrayList<>(patterns.keySet());
        automaton = AhoCorasick.build(keys);
        patternNames = new int[keys.size()][];
        for (int p = 0; p < keys.size(); p++) patternNames[p] = patterns.get(keys.get(p)).toIntArray();
        int bits = Integer.highestOneBit(Math.max(64, pieces.size() * 64 - 1)) << 1;
        pieceBloom = new long[bits >>> 6];
        pieceBloomMask = bits - 1;
        for (Map.Entry<Long, IntArrayList> en : pieces.entrySet()) {
            pieceIndex.put((long) en.getKey(), en.getValue().toIntArray());
            int bb = (int) (en.getKey() >>> 20) & pieceBloomMask;
            pieceBloom[bb >>> 6] |= 1L << bb;
        }
        Set<Integer> lengths = new java.util.TreeSet<>(countryLengths);
        for (String k : kw) {
            // as written (digits kept: "o365", "2fa") and as light skeleton ("1ogin" for "login")
            for (String s : List.of(hyphenFree(k.toLowerCase(Locale.ROOT)), hyphenFree(Skeleton.light(k.toLowerCase(Locale.ROOT))))) {
                if (s.length() >= 2) {
                    keywordSkeletons.add(s);
                    keywordHashes.add(hash(s, 0, s.length()));
                    lengths.add(s.length());
                }
            }
        }
        patternDistinct = new boolean[patternNames.length];
        for (int p = 0; p < patternNames.length; p++) for (int nm : patternNames[p]) patternDistinct[p] |= nameDistinct[nm];
        keywordLengths = lengths.stream().mapToInt(Integer::intValue).toArray();
        Set<Integer> elengths = new java.util.TreeSet<>();
        for (String k : EDITORIAL_WORDS) {
            String s = hyphenFree(Skeleton.light(k));
            editorialSkeletons.add(s);
            elengths.add(s.length());
        }
        editorialLengths = elengths.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void addCc(Set<String> cc, String domain) {
        if (!(HostName.parse(domain) instanceof HostName.Parsed p)) return;
        String c = Suffixes.nationalCc(p);
        if (c != null) cc.add(c);
    }

    /** Techniques that are evidence of imitation beyond the name and a typo of it. */
    private static final int OTHER_EVIDENCE = bit(Technique.KEYWORD) | bit(Technique.HOMOGLYPH) | bit(Technique.DOTS)
            | bit(Technique.FRONT);

    /**
     * {@link Technique#TLD_NATIONAL} in place of {@link Technique#TLD_LEGACY} when the candidate's
     * suffix is a national country code of another country than the entity's and nothing else
     * supports the match (see the technique).
     */
    int nationalPolicy(int mask, HostName.Parsed p, int entity, boolean namespaceKept, double bonus, boolean distinct) {
        if (distinct || (mask & bit(Technique.TLD_LEGACY)) == 0 || (mask & OTHER_EVIDENCE) != 0 || namespaceKept || bonus > 0) return mask;
        String cc = Suffixes.nationalCc(p);
        if (cc == null || entityCountries[entity].contains(cc)) return mask;
        return mask & ~bit(Technique.TLD_LEGACY) | bit(Technique.TLD_NATIONAL);
    }

    private static void addName(List<Object[]> names, Map<String, Boolean> seen, int entity, String domain,
                                String raw, int mask, String suffix, int len) {
        if (raw.isEmpty() || raw.length() > 63) return;
        String key = entity + "\u0000" + raw + "\u0000" + suffix;
        if (seen.putIfAbsent(key, Boolean.TRUE) != null) return;
        names.add(new Object[] {entity, domain, raw, mask, suffix, len});
    }

    private static int bit(Technique t) {
        return 1 << t.ordinal();
    }

    /**
     * Names of at least this many letters also match at two edits ({@link Technique#TYPO2}). At 10,
     * matching cost 10-15 % more per host in DomainMatchCpuTime (more names and label lengths to
     * probe) and flagged 0.023 % more of its made-up ordinary names; at 12 the cost is within the
     * noise of the old matcher's.
     */
    static final int LONG_NAME = 12;

    private static long pieceKey(int piece, int nameLength, long hash) {
        long x = hash ^ (long) piece << 58 ^ (long) nameLength << 50 ^ 0x9E3779B97F4A7C15L;
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        return x;
    }
    /**
     * Not a technique: the match holds only with corroboration (a keyword, another public suffix, a
     * free-hosting or front position), because the name is short or an ordinary word.
     */
    private static final int NEEDS = 1 << 30;
    /** What corroborates a match of a short or ordinary-word name. */
    private static final int CORROBORATION = bit(Technique.KEYWORD) | bit(Technique.FREE_HOSTING)
            | bit(Technique.FRONT) | bit(Technique.DOTS) | bit(Technique.HOMOGLYPH);

    /**
     * True when a match of a short or ordinary-word name is corroborated: a keyword, a free-hosting
     * or front position, flattened dots, a homoglyph, or a move to a suffix that look-alike
     * operations favour ({@link Suffixes#abused}); a move to {@code .com} or a country code, where
     * namesakes are everywhere, is not enough.
     */
    static boolean corroborated(int mask) {
        if ((mask & CORROBORATION) != 0) return true;
        return (mask & bit(Technique.TLD)) != 0 && (mask & (bit(Technique.TLD_LEGACY) | bit(Technique.TLD_NATIONAL))) == 0;
    }

    /** Leading articles of titles in the languages of the protected sites (English, French, Spanish, Italian, German, Dutch). */
    private static final List<String> ARTICLES = List.of("the", "les", "le", "la", "los", "las", "el", "il", "lo", "die", "der", "das", "het", "de");

    /** The label without a leading article when at least 5 letters remain ({@code theguardian} to {@code guardian}), or null. */
    static String withoutArticle(String label) {
        String l = hyphenFree(label);
        for (String a : ARTICLES) {
            if (l.startsWith(a) && l.length() - a.length() >= 5) return l.substring(a.length());
        }
        return null;
    }

    static String hyphenFree(String s) {
        return s.indexOf('-') < 0 ? s : s.replace("-", "");
    }

    private static String suffixSkeleton(String dotted) {
        String[] parts = dotted.split("\\.");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) sb.append('.');
            String u = parts[i];
            if (u.startsWith("xn--")) {
                try {
                    u = java.net.IDN.toUnicode(u, java.net.IDN.ALLOW_UNASSIGNED);
                } catch (IllegalArgumentException e) {
                    // keep as is
                }
            }
            sb.append(Skeleton.of(u));
        }
        return sb.toString();
    }

    /**
     * The two-label registrable domains named in the private section of the bundled public suffix
     * list (platform companies: ordinary, legitimate domains for base-rate measurements), sorted.
     */
    public static List<String> privateSectionDomains() {
        return HostName.privateRegistrableRules();
    }

    /** Version line of the bundled public suffix list. */
    public static String publicSuffixListVersion() {
        return HostName.LIST_VERSION;
    }

    /** Number of name variants indexed (for diagnostics and benchmarks). */
    public int indexedNames() {
        return nameSkel.length;
    }

    public Config config() {
        return config;
    }

    /**
     * A host name to check, with what its source knows about it.
     *
     * @param host     the host name as observed (untrusted)
     * @param evidence extra evidence for ranking
     * @param context  the source's own data carried through to the output (line number, CT index,
     *                 accounts that posted it); may be null
     */
    public record Candidate(String host, Evidence evidence, Object context) {
        public static Candidate of(String host) {
            return new Candidate(host, Evidence.NONE, null);
        }
    }

    /** Receives each candidate with its result (rejected, owned, unmatched or matched). */
    public interface Sink {
        void accept(Candidate candidate, Result result) throws java.io.IOException;
    }

    /** Matches every candidate in order and hands each result to {@code sink}. */
    public void matchAll(Iterable<Candidate> candidates, Sink sink) throws java.io.IOException {
        for (Candidate c : candidates) sink.accept(c, match(c.host(), c.evidence()));
    }

    /** Matches one host name with no extra evidence. */
    public Result match(String host) {
        return match(host, Evidence.NONE);
    }

    /** Matches one host name (any text: bad input yields a rejection, never an exception). */
    public Result match(String candidate, Evidence evidence) {
        Object parsed = HostName.parse(candidate);
        if (parsed instanceof HostName.Rejected r) return new Result(candidate, null, r.reason(), false, List.of());
        HostName.Parsed p = (HostName.Parsed) parsed;
        String host = p.ascii();
        if (isOwned(host)) return new Result(candidate, host, null, true, List.of());
        Evidence ev = evidence == null ? Evidence.NONE : evidence;
        if (ev.sharesCertificate()) return new Result(candidate, host, null, true, List.of());
        int s = p.suffixStart();
        if (s == 0) return new Result(candidate, host, null, false, List.of());
        if (Suffixes.governmentNamespace(p)) return new Result(candidate, host, null, false, List.of());
        Query q = scratch.get();
        boolean popular = !allow.isEmpty() && (allow.contains(host) || allow.contains(p.registrable()));
        q.reset(p, ev, popular);
        String[] L = p.labels();
        String[] U = p.unicodeLabels();
        int r = s - 1;
        int w = 0;
        while (w < r && L[w].equals("www")) w++;
        String[] skel = new String[L.length]; // suffix labels are skeletonised only when needed
        for (int i = w; i < s; i++) skel[i] = Skeleton.of(U[i]);
        q.skel = skel;
        analyse(q, r, U[r], skel[r], 0, true);
        for (int j = w; j < r; j++) analyse(q, j, U[j], skel[j], 0, true);
        if (r - 1 >= w) {
            String raw = U[r - 1] + U[r];
            if (raw.length() <= 63) analyse(q, r, raw, skel[r - 1] + skel[r], bit(Technique.DOT_INSERTION), false);
        }
        return new Result(candidate, host, null, false, q.finish());
    }

    /**
     * True when {@code host} is a protected, owned or sister domain or under one (ownership
     * evidence for sources that see several names together, such as the names on one certificate).
     */
    public boolean ownsName(String host) {
        Object parsed = HostName.parse(host);
        return parsed instanceof HostName.Parsed p && isOwned(p.ascii());
    }

    private boolean isOwned(String host) {
        int i = 0;
        while (true) {
            if (owned.contains(i == 0 ? host : host.substring(i))) return true;
            int dot = host.indexOf('.', i);
            if (dot < 0) return false;
            i = dot + 1;
        }
    }

    /** Per-call state. */
    private final ThreadLocal<Query> scratch = ThreadLocal.withInitial(Query::new);

    private final class Query implements AhoCorasick.Sink {
        HostName.Parsed p;
        Evidence evidence;
        double bonus;
        // the piece being scanned by the automaton
        String pieceRaw, pieceHf, pieceText;
        /** cut[k]: a hyphen stood before position k of {@link #pieceHf} (or k is an end). */
        boolean[] cut = new boolean[70];
        int pieceLabel, pieceExtra;
        boolean popular;
        /** Letters the context adds to the name's distinctiveness (set by {@link #context}). */
        int extraLen;
        String[] skel;
        final List<Match> best = new ArrayList<>(4);
        final int[] bestEntity = new int[16];
        final IntArrayList probed = new IntArrayList();
        final long[] keys = new long[131];
        final long[] scratch = new long[131];
        /** Names already checked at two edits for the current piece. */
        final IntArrayList typo2 = new IntArrayList();
        /** Letter counts of the current piece (filled on its first piece hit) and rows for the distance. */
        final int[] hist = new int[HIST];
        boolean histReady;
        final int[][] rows = new int[3][80];

        long[] preTwo = new long[80];

        /** Two-edit matches of long names for the current piece (see {@link #pieceIndex}). */
        void twoEdits() {
            String hf = pieceHf;
            int n = hf.length();
            if (n + 1 > preTwo.length) preTwo = new long[n + 1];
            boolean pre = false;
            for (int m = Math.max(minLong, n - 2); m <= Math.min(maxLong, n + 2); m++) {
                int a = m / 3, b = 2 * m / 3;
                for (int k = 0; k < 7; k++) {
                    // piece 0 at the start, piece 2 at the end, piece 1 at its place shifted by -2..2
                    int piece = k == 0 ? 0 : k == 6 ? 2 : 1;
                    int from = piece == 0 ? 0 : piece == 2 ? n - (m - b) : a + k - 3;
                    int to = from + (piece == 0 ? a : piece == 2 ? m - b : b - a);
                    if (from < 0 || to > n) continue;
                    if (!pre) {
                        prefixHashes(hf, preTwo);
                        pre = true;
                    }
                    long key = pieceKey(piece, m, sub(preTwo, from, to));
                    int bb = (int) (key >>> 20) & pieceBloomMask;
                    if ((pieceBloom[bb >>> 6] & 1L << bb) == 0) continue;
                    int[] names = pieceIndex.get(key);
                    if (names != null) for (int name : names) checkTwoEdits(name);
                }
            }
        }

        private void checkTwoEdits(int name) {
            String hf = pieceHf;
            {
                String nh = nameHf[name];
                if (typo2.contains(name)) return;
                typo2.add(name);
                // each edit changes the letter counts by at most 2: a cheap bound before the distance
                if (!histReady) {
                    histogram(hf, hist);
                    histReady = true;
                }
                int[] nhist = nameHist[name];
                int diff = 0;
                for (int c = 0; c < HIST && diff <= 4; c++) diff += Math.abs(hist[c] - nhist[c]);
                if (diff > 4) return;
                if (osaDistance(hf, nh, 2, rows) != 2) return;
                int mask = pieceExtra | bit(Technique.TYPO2);
                if (Words.isWord(pieceText)) mask |= bit(Technique.WORD);
                offer(name, mask, pieceLabel);
            }
        }

        void reset(HostName.Parsed p, Evidence evidence, boolean popular) {
            this.p = p;
            this.evidence = evidence;
            this.bonus = evidence.bonus();
            this.popular = popular;
            best.clear();
        }

        @Override
        public void hit(int pattern, int start, int end) {
            String hf = pieceHf;
            if (start == 0 && end == hf.length()) return;
            // keywords first on the text as written (digits are fillers, not letters: "enmarche2017"),
            // then on the light skeleton (homoglyphs inside keywords: "1ogin")
            String text = pieceText;
            int len0 = text.length();
            prepare();
            boolean kw = split(text, preText, 0, start, -1, false) && split(text, preText, end, len0, -1, false)
                    || hfDiffers && split(hf, preHf, 0, start, -1, false) && split(hf, preHf, end, hf.length(), -1, false);
            boolean editorial = kw && pieceRaw.indexOf('-') < 0
                    && editorial(hf, 0, start) && editorial(hf, end, hf.length());
            // a whole token: between hyphens, or the rest splits into words and keywords (Kintis et al. 2017);
            // word splitting only where it can matter: a distinctive name, or a suffix attackers favour
            boolean hyphenToken = cut[start] && cut[end];
            boolean token = !kw && (hyphenToken || (patternDistinct[pattern] || abused)
                    && split(text, preText, 0, start, -1, true) && split(text, preText, end, len0, -1, true));
            boolean keywordToken = token && hasKeywordToken(text, start, end);
            for (int name : patternNames[pattern]) {
                int len = nameLen[name];
                int mask = pieceExtra;
                int e = nameEntity[name];
                // the entity's own country words: "bmide", "germany-bmi"
                boolean kwE = kw || !countryOwners.isEmpty() && split(text, preText, 0, start, e, false) && split(text, preText, end, len0, e, false);
                if (kwE && len >= config.minKeywordLength()) {
                    mask |= bit(Technique.KEYWORD) | (editorial ? bit(Technique.EDITORIAL) : 0);
                } else if (token && len >= config.minKeywordLength()) {
                    mask |= bit(Technique.COMBO);
                    if (keywordToken || hasCountryToken(text, start, end, e)) mask |= bit(Technique.KEYWORD);
                    else if (!nameDistinct[name]) mask |= NEEDS;
                } else if (len >= config.minContainsLength() && nameDistinct[name]) {
                    mask |= bit(Technique.CONTAINS);
                } else {
                    continue;
                }
                if (!hyphenFree(pieceRaw).contains(hyphenFree(nameRaw[name]))) mask |= bit(Technique.HOMOGLYPH);
                offer(name, mask, pieceLabel);
            }
        }

        // prefix hashes of the current piece, computed on its first name hit
        long[] preText = new long[80], preHf = new long[80];
        boolean prepared, hfDiffers, abused;
        final boolean[] okScratch = new boolean[80];

        private void prepare() {
            if (prepared) return;
            prepared = true;
            if (preText.length <= pieceText.length()) preText = new long[pieceText.length() + 1];
            if (preHf.length <= pieceHf.length()) preHf = new long[pieceHf.length() + 1];
            prefixHashes(pieceText, preText);
            hfDiffers = !pieceText.equals(pieceHf);
            if (hfDiffers) prefixHashes(pieceHf, preHf);
            abused = Suffixes.abused(p);
        }

        /**
         * True when {@code s[from, to)} is empty or splits into keywords and digits (and, with
         * {@code words}, English words), using the country words of {@code entity} (-1: none).
         */
        private boolean split(String s, long[] pre, int from, int to, int entity, boolean words) {
            if (from >= to) return true;
            int n = to - from;
            if (n > 64) return false;
            boolean[] ok = n + 1 <= okScratch.length ? okScratch : new boolean[n + 1];
            java.util.Arrays.fill(ok, 0, n + 1, false);
            ok[0] = true;
            for (int i = 0; i < n; i++) {
                if (!ok[i]) continue;
                char c = s.charAt(from + i);
                if (c >= '0' && c <= '9' || c == '-') ok[i + 1] = true;
                for (int len : keywordLengths) {
                    if (i + len > n) break;
                    if (ok[i + len]) continue;
                    long h = sub(pre, from + i, from + i + len);
                    if (keywordHashes.contains(h)) ok[i + len] = true;
                    else if (entity >= 0) {
                        java.util.BitSet owners = countryOwners.get(h);
                        if (owners != null && owners.get(entity)) ok[i + len] = true;
                    }
                }
                if (words) {
                    for (int len = Words.MIN; len <= Math.min(Words.MAX, n - i); len++) {
                        if (!ok[i + len] && Words.containsHash(sub(pre, from + i, from + i + len))) ok[i + len] = true;
                    }
                }
            }
            return ok[n];
        }

        /** True when a hyphen-delimited token other than the name's own ({@code [start, end)}) is made of keywords. */
        private boolean hasKeywordToken(String s, int start, int end) {
            int a = 0;
            for (int k = 1; k <= s.length(); k++) {
                if (!cut[k]) continue;
                if ((k <= start || a >= end) && split(s, preText, a, k, -1, false)) return true;
                a = k;
            }
            return false;
        }

        /** True when a hyphen-delimited token other than the name's own is a country word of {@code entity}. */
        private boolean hasCountryToken(String s, int start, int end, int entity) {
            if (countryOwners.isEmpty()) return false;
            int a = 0;
            for (int k = 1; k <= s.length(); k++) {
                if (!cut[k]) continue;
                if (k <= start || a >= end) {
                    java.util.BitSet owners = countryOwners.get(sub(preText, a, k));
                    if (owners != null && owners.get(entity)) return true;
                }
                a = k;
            }
            return false;
        }

        void offer(int name, int mask, int labelIndex) {
            mask |= nameMask[name];
            extraLen = 0;
            mask |= context(name, labelIndex, mask);
            if ((mask & NEEDS) != 0 && !corroborated(mask)) return;
            // a short or ordinary-word name alone as a subdomain label is most often a real site's section
            if ((mask & bit(Technique.SUBDOMAIN)) != 0 && !nameDistinct[name] && (mask & bit(Technique.KEYWORD)) == 0) return;
            mask &= ~NEEDS;
            // a keyword next to a short name (an agency's acronym with a country or a service word:
            // bmi-germany, faz-login) makes the whole as distinctive as a name two letters longer
            if ((mask & bit(Technique.KEYWORD)) != 0 && nameLen[name] < 5) extraLen += 2;
            mask = nationalPolicy(mask, p, nameEntity[name], extraLen > 0, bonus, nameDistinct[name]);
            if (popular) mask |= bit(Technique.POPULAR);
            if (evidence.old()) mask |= bit(Technique.OLD);
            double score = distinct(nameLen[name] + extraLen);
            for (Technique t : TECHNIQUES) if ((mask & bit(t)) != 0) score *= t.strength();
            // evidence only lifts what already looks like its name (no bonus below 0.3)
            score = Math.min(1.0, score + (score >= 0.3 ? bonus : 0));
            if (score < config.threshold() || score <= 0) return;
            int e = nameEntity[name];
            for (int i = 0; i < best.size(); i++) {
                if (bestEntity[i] == e) {
                    Match m = best.get(i);
                    if (m.score() > score || m.score() == score && m.techniques().size() <= Integer.bitCount(mask)) return;
                    best.set(i, match(name, mask, score));
                    return;
                }
            }
            if (best.size() < bestEntity.length) {
                bestEntity[best.size()] = e;
                best.add(match(name, mask, score));
            }
        }

        private Match match(int name, int mask, double score) {
            List<Technique> ts = new ArrayList<>(3);
            for (Technique t : TECHNIQUES) if ((mask & bit(t)) != 0) ts.add(t);
            return new Match(p.ascii(), nameProtected[name], entityNames[nameEntity[name]],
                    Math.round(score * 1000) / 1000.0, List.copyOf(ts), nameRaw[name]);
        }

        /** Techniques that come from where the name sits in the host. */
        private int context(int name, int j, int mask) {
            String[] L = p.labels();
            int s = p.suffixStart();
            String ns = nameSuffix[name];
            if (j == s - 1) {
                String cs = p.suffix();
                if (ns == null || cs.equals(ns)) return 0;
                if (freeHosting.contains(cs)) return bit(Technique.FREE_HOSTING);
                if (suffixSkeletonOf(s).equals(nameSuffixSkel[name])) return bit(Technique.HOMOGLYPH);
                return tldBit(p);
            }
            String rest = HostName.join(L, j + 1, L.length, '.');
            if (ns != null) {
                String restSkel = suffixSkeletonOf(j + 1);
                if (restSkel.equals(nameSuffixSkel[name])) return bit(Technique.HOMOGLYPH);
                if (sameButLast(rest, ns)) {
                    // the whole name but its last label is kept (bmi.bund.pe for bmi.bund.de): as distinctive as all of it
                    extraLen = rest.lastIndexOf('.');
                    return tldBit(p);
                }
                if (rest.startsWith(ns + ".") || rest.startsWith(ns + "-")) return bit(Technique.FRONT);
                if (restSkel.startsWith(nameSuffixSkel[name] + ".") || restSkel.startsWith(nameSuffixSkel[name] + "-")) {
                    return bit(Technique.FRONT) | bit(Technique.HOMOGLYPH);
                }
            }
            if (freeHosting.contains(p.registrable()) || freeHosting.contains(p.suffix())) return bit(Technique.FREE_HOSTING);
            return bit(Technique.SUBDOMAIN);
        }

        private String suffixSkeletonOf(int from) {
            StringBuilder sb = new StringBuilder();
            for (int i = from; i < skel.length; i++) {
                if (i > from) sb.append('.');
                sb.append(skel[i] != null ? skel[i] : Skeleton.of(p.unicodeLabels()[i]));
            }
            return sb.toString();
        }

        List<Match> finish() {
            p = null;
            skel = null;
            if (best.isEmpty()) return List.of();
            best.sort((a, b) -> Double.compare(b.score(), a.score()));
            return best.size() > config.maxMatches() ? List.copyOf(best.subList(0, config.maxMatches())) : List.copyOf(best);
        }
    }

    /** Same number of labels, all equal but the last ({@code diplomatie.gouv.fm} for {@code .gouv.fr}). */
    static boolean sameButLast(String a, String b) {
        int da = a.lastIndexOf('.'), db = b.lastIndexOf('.');
        return da > 0 && da == db && a.regionMatches(0, b, 0, da) && !a.equals(b);
    }

    /** TLD swap to a suffix often abused (new gTLDs, generic-use ccTLDs, private suffixes) or not. */
    private static int tldBit(HostName.Parsed p) {
        return Suffixes.abused(p) ? bit(Technique.TLD) : bit(Technique.TLD) | bit(Technique.TLD_LEGACY);
    }

    /** Distinctiveness of a name by its length: short names collide by chance (0.6 .. 1). */
    static double distinct(int len) {
        if (len <= 3) return 0.6;
        if (len == 4) return 0.7;
        if (len == 5) return 0.8;
        if (len == 6) return 0.9;
        if (len == 7) return 0.95;
        return 1.0;
    }

    /** Looks for names in one piece of the candidate (a label, or two labels joined). */
    private void analyse(Query q, int labelIndex, String raw, String skel, int extra, boolean combine) {
        probe(q, labelIndex, raw, skel, extra, 0);
        if (!combine) return;
        // names inside longer labels, exactly (or by homoglyph): keywords around, or anything
        q.pieceRaw = raw;
        String light = Skeleton.light(raw);
        String hf = hyphenFree(light);
        q.pieceHf = hf;
        q.pieceText = Skeleton.isAscii(raw) ? hyphenFree(raw) : hf;
        q.pieceLabel = labelIndex;
        q.pieceExtra = extra;
        if (hf.length() + 1 > q.cut.length) q.cut = new boolean[hf.length() + 1];
        java.util.Arrays.fill(q.cut, 0, hf.length() + 1, false);
        q.cut[0] = true;
        q.cut[hf.length()] = true;
        for (int i = 0, k = 0; i < light.length(); i++) {
            if (light.charAt(i) == '-') q.cut[k] = true;
            else k++;
        }
        q.prepared = false;
        automaton.scan(hf, q);
        // two edits of a long name (pigeonhole on three pieces, then a bounded check)
        if (hf.length() >= minLong - 2 && hf.length() <= maxLong + 2) {
            q.typo2.clear();
            q.histReady = false;
            q.twoEdits();
        }
        // a typo of the name between hyphens, keywords around it ("mail-en-rnarche", "login-spiegle")
        if (raw.indexOf('-') > 0) {
            String[] rawTokens = raw.split("-");
            if (rawTokens.length < 2 || rawTokens.length > 8) return;
            String[] tokens = new String[rawTokens.length];
            for (int i = 0; i < tokens.length; i++) tokens[i] = Skeleton.light(rawTokens[i]);
            for (int a = 0; a < tokens.length; a++) {
                for (int b = a + 1; b <= tokens.length; b++) {
                    if (a == 0 && b == tokens.length) continue;
                    if (!allKeywords(tokens, 0, a) || !allKeywords(tokens, b, tokens.length)) continue;
                    String rawPiece = String.join("-", java.util.Arrays.asList(rawTokens).subList(a, b));
                    probe(q, labelIndex, rawPiece, Skeleton.of(rawPiece), extra | bit(Technique.KEYWORD), 1);
                    if (b - a > 1) {
                        String joined = rawPiece.replace("-", "");
                        probe(q, labelIndex, joined, Skeleton.of(joined), extra | bit(Technique.KEYWORD), 1);
                    }
                }
            }
        }
    }

    private boolean allKeywords(String[] tokens, int from, int to) {
        for (int i = from; i < to; i++) if (!decomposes(tokens[i], 0, tokens[i].length())) return false;
        return true;
    }

    /**
     * Exact, homoglyph and one-typo matches of a whole piece. {@code minDistance} 1 skips exact ones.
     * The raw piece and its deletions are always probed (every single edit); the skeleton itself
     * once (every pure homoglyph); the skeleton's deletions only when the piece holds a character
     * or sequence that only look-alikes use (non-ASCII, 0, 1, q, rn, vv, cl), for homoglyph plus typo.
     */
    private void probe(Query q, int labelIndex, String raw, String skel, int extra, int minDistance) {
        int n = Math.max(raw.length(), skel.length());
        if (skel.isEmpty() || n > 64 || raw.length() + 1 < minNameLength || skel.length() > maxNameLength + 1 && raw.length() > maxNameLength + 1) return;
        IntArrayList probed = q.probed;
        probed.clear();
        long[] keys = q.keys, scratch = q.scratch;
        DeletionIndex.keys(raw, keys, scratch);
        lookup(q, labelIndex, raw, skel, extra, minDistance, keys, raw.length() + 1, probed);
        if (!raw.equals(skel)) {
            DeletionIndex.keys(skel, keys, scratch);
            boolean sus = suspicious(raw);
            lookup(q, labelIndex, raw, skel, extra, minDistance, keys, sus ? skel.length() + 1 : 1, probed);
            if (sus) {
                String light = Skeleton.light(raw);
                if (!light.equals(skel) && !light.equals(raw) && light.length() <= 64) {
                    DeletionIndex.keys(light, keys, scratch);
                    lookup(q, labelIndex, raw, skel, extra, minDistance, keys, light.length() + 1, probed);
                }
            }
        }
    }

    /** True when {@code s} holds something that ordinary names rarely do but look-alikes do. */
    static boolean suspicious(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || c == '0' || c == '1' || c == 'q') return true;
            if (i > 0) {
                char p = s.charAt(i - 1);
                if (p == 'r' && c == 'n' || p == 'v' && c == 'v' || p == 'c' && c == 'l' || p == 'l' && c == 'n') return true;
            }
        }
        return false;
    }

    private void lookup(Query q, int labelIndex, String raw, String skel, int extra, int minDistance, long[] keys, int nkeys, IntArrayList probed) {
        for (int ki = 0; ki < nkeys; ki++) {
            int[] post = index.get(keys[ki]);
            if (post == null) continue;
            for (int name : post) {
                if (probed.contains(name)) continue;
                probed.add(name);
                String ns = nameSkel[name];
                int mask = extra;
                if (skel.equals(ns)) {
                    if (minDistance > 0) continue;
                    if (!raw.equals(nameRaw[name])) mask |= bit(Technique.HOMOGLYPH);
                } else {
                    if (hyphenFree(skel).length() < 3) continue;
                    // typos of names under 5 letters count only with corroboration (checked in offer)
                    if (nameLen[name] < config.minTypoLength()) mask |= NEEDS;
                    // (equal skeletons were handled above: a replacement of look-alike characters is a homoglyph)
                    Technique t = EditOps.classify(raw, nameRaw[name]);
                    if (t == null) {
                        t = EditOps.classify(skel, ns);
                        if (t == null) t = EditOps.classify(Skeleton.light(raw), nameLight[name]);
                        if (t == null) continue;
                        mask |= bit(Technique.HOMOGLYPH);
                    }
                    mask |= bit(t);
                    if (Words.isWord(hyphenFree(raw))) mask |= bit(Technique.WORD);
                }
                q.offer(name, mask, labelIndex);
            }
        }
    }

    static final long HASH_P = 0x100000001B3L;
    private static final long[] HASH_POW = new long[130];

    static {
        HASH_POW[0] = 1;
        for (int i = 1; i < HASH_POW.length; i++) HASH_POW[i] = HASH_POW[i - 1] * HASH_P;
    }

    /** Polynomial hash of {@code s[from, to)}, the same as {@link #sub} over {@link #prefixHashes}. */
    static long hash(String s, int from, int to) {
        long h = 0;
        for (int i = from; i < to; i++) h = h * HASH_P + s.charAt(i);
        return h;
    }

    static void prefixHashes(String s, long[] pre) {
        pre[0] = 0;
        for (int i = 0; i < s.length(); i++) pre[i + 1] = pre[i] * HASH_P + s.charAt(i);
    }

    static long sub(long[] pre, int from, int to) {
        return pre[to] - pre[from] * HASH_POW[to - from];
    }

    /**
     * Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions), or
     * {@code max + 1} when it exceeds {@code max}.
     */
    static int osaDistance(String a, String b, int max) {
        int w = Math.max(a.length(), b.length()) + 1;
        return osaDistance(a, b, max, new int[3][w]);
    }

    /** As {@link #osaDistance(String, String, int)} with three caller-supplied rows of length > |b|. */
    static int osaDistance(String a, String b, int max, int[][] rows) {
        int n = a.length(), m = b.length();
        if (Math.abs(n - m) > max) return max + 1;
        if (rows[0].length <= m) rows = new int[3][m + 1];
        int[] pp = rows[0], prev = rows[1], cur = rows[2];
        for (int j = 0; j <= m; j++) prev[j] = j;
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            int rowMin = i;
            char ai = a.charAt(i - 1);
            for (int j = 1; j <= m; j++) {
                char bj = b.charAt(j - 1);
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + (ai == bj ? 0 : 1));
                if (i > 1 && j > 1 && ai == b.charAt(j - 2) && a.charAt(i - 2) == bj) v = Math.min(v, pp[j - 2] + 1);
                cur[j] = v;
                if (v < rowMin) rowMin = v;
            }
            if (rowMin > max) return max + 1;
            int[] t = pp;
            pp = prev;
            prev = cur;
            cur = t;
        }
        return Math.min(prev[m], max + 1);
    }

    /** Counts of a-z, 0-9, hyphen-or-underscore and anything else in {@code s}, into {@code h}. */
    static int[] histogram(String s, int[] h) {
        java.util.Arrays.fill(h, 0);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int k = c >= 'a' && c <= 'z' ? c - 'a' : c >= '0' && c <= '9' ? 26 + c - '0' : c == '-' || c == '_' ? 36 : 37;
            h[k]++;
        }
        return h;
    }

    /** True when {@code s[from, to)} is empty or a concatenation of editorial words only. */
    private boolean editorial(String s, int from, int to) {
        if (from >= to) return true;
        int n = to - from;
        if (n > 64) return false;
        boolean[] ok = new boolean[n + 1];
        ok[0] = true;
        for (int i = 0; i < n; i++) {
            if (!ok[i]) continue;
            for (int len : editorialLengths) {
                if (i + len > n) break;
                if (editorialSkeletons.contains(s.substring(from + i, from + i + len))) ok[i + len] = true;
            }
        }
        return ok[n];
    }

    /**
     * True when {@code s[from, to)} is empty or a concatenation of keywords and digits. Called on the
     * text as written first, so digits are fillers ({@code 2017}) before they are read as letters.
     */
    private boolean decomposes(String s, int from, int to) {
        if (from >= to) return true;
        int n = to - from;
        if (n > 64) return false;
        boolean[] ok = new boolean[n + 1];
        ok[0] = true;
        for (int i = 0; i < n; i++) {
            if (!ok[i]) continue;
            char c = s.charAt(from + i);
            if (c >= '0' && c <= '9' || c == '-') ok[i + 1] = true;
            for (int len : keywordLengths) {
                if (i + len > n) break;
                if (keywordSkeletons.contains(s.substring(from + i, from + i + len))) ok[i + len] = true;
            }
        }
        return ok[n];
    }
}
