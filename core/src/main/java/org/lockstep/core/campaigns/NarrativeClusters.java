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
        public static Config defaults() { return new Config(64, 16, 0.6, 6, 3); }
    }

    /** Cluster per row (-1 when none) and, per cluster, its size and first (earliest) row. */
    public record Result(int[] clusterOfRow, int clusters, int[] size, int[] firstRow) {}

    private final Config config;

    public NarrativeClusters(Config config) {
        if (config.k() % config.bands() != 0) throw new IllegalArgumentException("k must be divisible by bands");
        this.config = config;
    }

    public Result cluster(PostTable t) {
        int n = t.size;
        int k = config.k(), rowsPerBand = k / config.bands();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
        // signatures of bucket heads, recomputed from the text on first comparison (most heads never match)
        it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap<int[]> headSig = new it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap<>();
        it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap[] buckets = new it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap[config.bands()];
        for (int b = 0; b < buckets.length; b++) {
            buckets[b] = new it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap();
            buckets[b].defaultReturnValue(-1);
        }
        boolean any = false;
        if (t.text != null) {
            int[] sig = new int[k];
            for (int r = 0; r < n; r++) {
                if (t.kind[r] == PostKind.REPOST.ordinal()) continue;
                String s = t.text[r];
                if (s == null || s.length() < 10) continue;
                if (!signature(s, sig)) continue;
                any = true;
                for (int b = 0; b < config.bands(); b++) {
                    long h = 0x9E3779B97F4A7C15L * (b + 1);
                    for (int j = b * rowsPerBand; j < (b + 1) * rowsPerBand; j++) h = mix(h ^ sig[j]);
                    int head = buckets[b].putIfAbsent(h, r);
                    if (head < 0) continue;
                    if (find(parent, head) == find(parent, r)) continue;
                    int[] hs = headSig.get(head);
                    if (hs == null) {
                        hs = new int[k];
                        signature(t.text[head], hs);
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

    /** Fills {@code sig} with the densified one-permutation MinHash of the text's word 3-shingles; false when too short. */
    boolean signature(String text, int[] sig) {
        String[] words = words(text);
        if (words.length < config.minWords()) return false;
        int k = sig.length;
        Arrays.fill(sig, Integer.MAX_VALUE);
        boolean[] filled = new boolean[k];
        long[] wh = new long[words.length];
        for (int i = 0; i < words.length; i++) wh[i] = words[i].hashCode() * 0xC2B2AE3D27D4EB4FL;
        for (int i = 0; i + 2 < words.length; i++) {
            long h = mix(wh[i] ^ Long.rotateLeft(wh[i + 1], 21) ^ Long.rotateLeft(wh[i + 2], 42));
            int bin = (int) Long.remainderUnsigned(h, k);
            int v = (int) (h >>> 32) & 0x7fffffff;
            if (v < sig[bin]) sig[bin] = v;
            filled[bin] = true;
        }
        // optimal densification: an empty bin borrows from a bin chosen by a hash chain
        for (int b = 0; b < k; b++) {
            if (filled[b]) continue;
            long h = b;
            for (int attempt = 1; attempt < 64; attempt++) {
                h = mix(h + 0x632BE59BD9B4E019L * attempt);
                int other = (int) Long.remainderUnsigned(h, k);
                if (filled[other]) { sig[b] = sig[other]; break; }
            }
        }
        return true;
    }

    static String[] words(String text) {
        String s = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder(s.length());
        String[] raw = s.split("\\s+");
        int n = 0;
        String[] out = new String[raw.length];
        for (String w : raw) {
            if (w.startsWith("http") || w.startsWith("@") || w.startsWith("www.")) continue;
            sb.setLength(0);
            for (int i = 0; i < w.length(); i++) {
                char c = w.charAt(i);
                if (Character.isLetterOrDigit(c)) sb.append(c);
            }
            if (sb.length() > 0) out[n++] = sb.toString();
        }
        return Arrays.copyOf(out, n);
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
