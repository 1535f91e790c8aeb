package org.lockstep.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.lockstep.core.domains.LookalikeMatcher;
import org.lockstep.core.domains.Permuter;
import org.lockstep.core.domains.ProtectedEntity;

/**
 * Deterministic benchmark data for look-alike matching: protected entities with pronounceable
 * made-up names (5 to 14 letters, some hyphenated, mixed suffixes) and a stream of host names of
 * which most are ordinary unrelated names and a share are look-alikes of the protected ones.
 */
final class DomainData {
    private static final String[] ONSETS = {"b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z",
            "br", "ch", "dr", "fr", "gr", "kl", "pl", "sch", "st", "tr", "sp"};
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ei", "au", "ie", "ou"};
    private static final String[] SUFFIXES = {"de", "fr", "com", "net", "org", "co.uk", "it", "es", "pl", "gouv.fr", "eu", "info", "at", "nl", "be"};
    private static final String[] ORDINARY_SUFFIXES = {"com", "net", "org", "de", "fr", "xyz", "online", "shop", "io", "co.uk", "ru", "nl", "top", "site", "info"};
    private static final String[] SUBS = {"www", "cdn", "mail", "api", "shop", "blog", "static", "m"};

    private DomainData() {}

    static String word(SplittableRandom r, int minLen, int maxLen) {
        int target = minLen + r.nextInt(maxLen - minLen + 1);
        StringBuilder sb = new StringBuilder();
        while (sb.length() < target) {
            sb.append(ONSETS[r.nextInt(ONSETS.length)]).append(VOWELS[r.nextInt(VOWELS.length)]);
            if (r.nextInt(4) == 0) sb.append(ONSETS[r.nextInt(ONSETS.length)].charAt(0));
        }
        return sb.length() > maxLen ? sb.substring(0, maxLen) : sb.toString();
    }

    static List<ProtectedEntity> entities(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<ProtectedEntity> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String label = r.nextInt(6) == 0 ? word(r, 3, 6) + "-" + word(r, 3, 7) : word(r, 5, 14);
            String d = label + "." + SUFFIXES[r.nextInt(SUFFIXES.length)];
            List<String> names = r.nextInt(3) == 0 ? List.of(word(r, 4, 8) + " " + word(r, 4, 9)) : List.of();
            out.add(new ProtectedEntity("E" + i, List.of(d), List.of(), names, List.of(), r.nextInt(10) == 0 ? "fr" : null));
        }
        return out;
    }

    /** {@code n} host names; {@code lookalikeShare} of them permutations of protected domains. */
    static String[] hosts(List<ProtectedEntity> entities, int n, double lookalikeShare, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Permuter perm = new Permuter(new Permuter.Config(Permuter.DEFAULT_SUFFIXES, LookalikeMatcher.DEFAULT_KEYWORDS, true, 5000));
        List<String> pool = new ArrayList<>();
        for (int i = 0; i < 50 && i < entities.size(); i++) {
            for (Permuter.Permutation p : perm.permute(entities.get(i).domains().get(0))) pool.add(p.domain());
        }
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            if (r.nextDouble() < lookalikeShare) {
                out[i] = pool.get(r.nextInt(pool.size()));
            } else {
                String h = (r.nextInt(3) == 0 ? word(r, 3, 8) + "-" : "") + word(r, 4, 16) + "." + ORDINARY_SUFFIXES[r.nextInt(ORDINARY_SUFFIXES.length)];
                if (r.nextInt(4) == 0) h = SUBS[r.nextInt(SUBS.length)] + "." + h;
                out[i] = h;
            }
        }
        return out;
    }
}
