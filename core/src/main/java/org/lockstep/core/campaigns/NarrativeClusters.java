package org.lockstep.core.campaigns;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import org.lockstep.core.model.PostKind;
import org.lockstep.core.model.PostTable;

/**
 * Near-duplicate narratives: posts whose texts share most of their word 3-shingles (copy-paste with small
 * edits). MinHash signatures (Broder 1997, "On the resemblance and containment of documents") built with
 * one-permutation hashing and optimal densification (Li, Owen &amp; Zhang 2012; Shrivastava 2017) so each
 * shingle is hashed once; LSH banding proposes candidates, which join a cluster only when their estimated
 * Jaccard similarity with the band bucket's first member reaches the threshold. Linear in the number of
 * posts (never all pairs); a cluster is a union-find component of confirmed links.
 *
 * <p>Reposts are skipped (their original is the {@link EntityType#POST} entity). Texts are lower-cased,
 * accents removed, URLs, mentions and punctuation dropped.
 */
public final class NarrativeClusters {

    /** @param k signature length; @param bands LSH bands (k divisible by bands); @param threshold minimum estimated Jaccard; @param minWords shortest text considered */
    public record Config(int k, int bands, double threshold, int minWords, int minClusterSize) {
        public Config {
            if (k < 1 || bands < 1 || k % bands != 0) throw new IllegalArgumentException("k must be a positive multiple of bands: " + k + ", " + bands);
            if (!(threshold > 0 && threshold <= 1)) throw new IllegalArgumentException("threshold must be in (0, 1]: " + threshold);
            if (minWords < 1 || minClusterSize < 2) throw new IllegalArgumentException("need minWords ≥ 1 and minClusterSize ≥ 2");
        }

        /** 32 MinHash values in 8 bands, Jaccard 0.6, texts of 6 words or more, clusters of 3 or more. */
        public static Config defaults() { return builder().build(); }

        public static Builder builder() { return new Builder(); }

        public Builder toBuilder() {
            return new Builder().minHash(k, bands).threshold(threshold).minWords(minWords).minClusterSize(minClusterSize);
        }

        /** Builds a {@link Config}; the defaults live here. Not thread-safe. */
        public static final class Builder {
            private int k = 32, bands = 8, minWords = 6, minClusterSize = 3;
            private double threshold = 0.6;

            private Builder() {}

            /** {@code k} MinHash values split into {@code bands} LSH bands ({@code k} a multiple of {@code bands}). */
            public Builder minHash(int k, int bands) { this.k = k; this.bands = bands; return this; }
            public Builder threshold(double v) { threshold = v; return this; }
            public Builder minWords(int v) { minWords = v; return this; }
            public Builder minClusterSize(int v) { minClusterSize = v; return this; }

            public Config build() { return new Config(k, bands, threshold, minWords, minClusterSize); }
        }
    }

    /** Cluster per row (-1 when none) and, per cluster, its size and first (earliest) row. */
    public record Result(int[] clusterOfRow, int clusters, int[] size, int[] firstRow) {}

    private final Config config;

    public NarrativeClusters(Config config) {
        if (config.k() % config.bands() != 0) throw new IllegalArgumentException("k must be divisible by bands");
        if (config.k() > 128) throw new IllegalArgumentException("k is at most 128");
        this.config = config;
    }

    public Result cluster(PostTable t) {
        int n = t.size();
        int k = config.k(), rowsPerBand = k / config.bands();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
        // signatures of bucket heads, recomputed from the text on first comparison (most heads never match)
        it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap<int[]> headSig = new it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap<>();
        // one map for all bands: the band index is mixed into the key
        it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap buckets = new it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap(
                (int) Math.min(1 << 28, (long) n * config.bands() / 2 + 16), 0.75f);
        buckets.defaultReturnValue(-1);
        boolean any = false;
        if (t.hasText()) {
            int[] sig = new int[k];
            for (int r = 0; r < n; r++) {
                if (t.kind(r) == PostKind.REPOST.ordinal()) continue;
                String s = t.text(r);
                if (s == null || s.length() < 10) continue;
                if (!signature(s, sig)) continue;
                any = true;
                for (int b = 0; b < config.bands(); b++) {
                    long h = 0x9E3779B97F4A7C15L * (b + 1);
                    for (int j = b * rowsPerBand; j < (b + 1) * rowsPerBand; j++) h = mix(h ^ sig[j]);
                    int head = buckets.putIfAbsent(h, r);
                    if (head < 0) continue;
                    if (find(parent, head) == find(parent, r)) continue;
                    int[] hs = headSig.get(head);
                    if (hs == null) {
                        hs = new int[k];
                        signature(t.text(head), hs);
                        headSig.put(head, hs);
                    }
                    if (similarity(hs, sig) >= config.threshold()) union(parent, head, r);
                }
            }
        }
        int[] cluster = new int[n];
        Arrays.fill(cluster, -1);
        if (!any) return new Result(cluster, 0, new int[0], new int[0]);
        int[] compSize = new int[n];
        for (int r = 0; r < n; r++) compSize[find(parent, r)]++;
        int[] idOfRoot = new int[n];
        Arrays.fill(idOfRoot, -1);
        int c = 0;
        int[] size = new int[16], first = new int[16];
        for (int r = 0; r < n; r++) {
            int root = find(parent, r);
            if (compSize[root] < config.minClusterSize()) continue;
            if (idOfRoot[root] < 0) {
                if (c == size.length) { size = Arrays.copyOf(size, c * 2); first = Arrays.copyOf(first, c * 2); }
                idOfRoot[root] = c;
                first[c] = r; // rows are in time order: the first row seen is the earliest
                c++;
            }
            int id = idOfRoot[root];
            cluster[r] = id;
            size[id]++;
        }
        return new Result(cluster, c, Arrays.copyOf(size, c), Arrays.copyOf(first, c));
    }

    /** Lower-case ASCII folding of U+0000..U+024F (accents removed), built once with the JDK normaliser. */
    private static final char[] FOLD = new char[0x250];

    static {
        for (char c = 0; c < FOLD.length; c++) {
            String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).toLowerCase(Locale.ROOT);
            char f = d.isEmpty() ? c : d.charAt(0);
            FOLD[c] = Character.isLetterOrDigit(f) ? f : 0;
        }
    }

    /** Folded letter/digit, or 0 for a separator. Letters outside the table are lower-cased only. */
    private static char fold(char c) {
        if (c < FOLD.length) return FOLD[c];
        return Character.isLetterOrDigit(c) ? Character.toLowerCase(c) : 0;
    }

    /**
     * Fills {@code sig} with the densified one-permutation MinHash of the text's word 3-shingles; false when
     * too short. Words are hashed straight from the characters (no strings are built); URLs ("http...",
     * "www.") and mentions are skipped.
     */
    boolean signature(String text, int[] sig) {
        int k = sig.length;
        long w0 = 0, w1 = 0;
        int words = 0;
        Arrays.fill(sig, Integer.MAX_VALUE);
        long filled0 = 0, filled1 = 0; // k <= 128
        int n = text.length(), i = 0;
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) i++;
            int ws = i;
            while (i < n && !Character.isWhitespace(text.charAt(i))) i++;
            if (ws == i) break;
            char c0 = text.charAt(ws);
            if (c0 == '@' || text.startsWith("http", ws) || text.startsWith("www.", ws)) continue;
            long h = 0x84222325CBF29CE4L;
            int len = 0;
            for (int j = ws; j < i; j++) {
                char f = fold(text.charAt(j));
                if (f == 0) continue;
                h = (h ^ f) * 0x100000001B3L;
                len++;
            }
            if (len == 0) continue;
            h = mix(h);
            words++;
            if (words >= 3) {
                long sh = mix(w0 ^ Long.rotateLeft(w1, 21) ^ Long.rotateLeft(h, 42));
                int bin = (int) (((sh >>> 32) * k) >>> 32);   // multiply-shift instead of a division
                int v = (int) sh & 0x7fffffff;
                if (v < sig[bin]) sig[bin] = v;
                if (bin < 64) filled0 |= 1L << bin; else filled1 |= 1L << (bin - 64);
            }
            w0 = w1;
            w1 = h;
        }
        if (words < config.minWords()) return false;
        // optimal densification: an empty bin borrows from a bin chosen by a hash chain
        for (int b = 0; b < k; b++) {
            if (isFilled(filled0, filled1, b)) continue;
            long h = b;
            for (int attempt = 1; attempt < 64; attempt++) {
                h = mix(h + 0x632BE59BD9B4E019L * attempt);
                int other = (int) (((h >>> 32) * k) >>> 32);
                if (isFilled(filled0, filled1, other)) { sig[b] = sig[other]; break; }
            }
        }
        return true;
    }

    private static boolean isFilled(long f0, long f1, int b) {
        return b < 64 ? (f0 >>> b & 1) != 0 : (f1 >>> (b - 64) & 1) != 0;
    }

    static double similarity(int[] a, int[] b) {
        int eq = 0;
        for (int i = 0; i < a.length; i++) if (a[i] == b[i]) eq++;
        return eq / (double) a.length;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    private static int find(int[] p, int x) {
        while (p[x] != x) { p[x] = p[p[x]]; x = p[x]; }
        return x;
    }

    private static void union(int[] p, int a, int b) {
        int ra = find(p, a), rb = find(p, b);
        if (ra == rb) return;
        if (ra < rb) p[rb] = ra; else p[ra] = rb;
    }
}
