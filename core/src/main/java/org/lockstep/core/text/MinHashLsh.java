package org.lockstep.core.text;

import java.util.Arrays;

/**
 * Near-duplicate clustering of texts: word k-shingles, MinHash signatures (Broder 1997), LSH banding
 * (Indyk &amp; Motwani 1998; Leskovec, Rajaraman &amp; Ullman, <i>Mining of Massive Datasets</i>, ch. 3) for
 * candidates, each candidate confirmed by the exact Jaccard similarity of the two shingle sets. Never
 * all-pairs: inside a bucket each member is compared with the bucket's first member and with its
 * predecessor (linear per bucket), and confirmed pairs are joined with union-find, so a cluster is a
 * connected component of confirmed near-duplicate pairs. Buckets larger than {@code maxBucket} are
 * skipped as boilerplate and counted.
 */
public final class MinHashLsh {
    /**
     * @param shingle words per shingle
     * @param bands LSH bands
     * @param rows MinHash values per band
     * @param threshold minimum exact Jaccard similarity
     * @param maxBucket larger buckets are skipped
     * @param seed seed of the hash functions
     */
    public record Params(int shingle, int bands, int rows, double threshold, int maxBucket, long seed) {}

    /**
     * Clusters.
     *
     * @param cluster per input text, its cluster id (the smallest member index), or -1 when it has no near duplicate
     * @param confirmedPairs candidate pairs whose Jaccard similarity reached the threshold
     * @param comparisons exact Jaccard computations
     * @param skippedBuckets buckets skipped as too large
     */
    public record Result(int[] cluster, long confirmedPairs, long comparisons, long skippedBuckets) {}

    private MinHashLsh() {}

    /** Clusters {@code texts} (already normalised; null or short entries are ignored). */
    public static Result cluster(String[] texts, Params p) {
        int n = texts.length;
        int[] off = new int[n + 1];
        long[] sh = new long[Math.max(16, n * 8)];
        int k = 0;
        long[] buf = new long[64];
        for (int d = 0; d < n; d++) {
            int m = 0;
            String t = texts[d];
            if (t != null && !t.isEmpty()) {
                buf = shingles(t, p.shingle(), buf);
                m = (int) buf[buf.length - 1];
            }
            if (k + m > sh.length) sh = Arrays.copyOf(sh, Math.max(sh.length * 2, k + m));
            System.arraycopy(buf, 0, sh, k, m);
            k += m;
            off[d + 1] = k;
        }
        int h = p.bands() * p.rows();
        long[] seeds = new long[h];
        long s = p.seed();
        for (int i = 0; i < h; i++) seeds[i] = s = mix(s + 0x9E3779B97F4A7C15L);
        // band keys as (key, doc) pairs, sorted to form buckets
        int docs = 0;
        for (int d = 0; d < n; d++) if (off[d + 1] > off[d]) docs++;
        long[] bandKey = new long[docs * p.bands()];
        int[] bandDoc = new int[docs * p.bands()];
        long[] sig = new long[h];
        int q = 0;
        for (int d = 0; d < n; d++) {
            int a = off[d], b = off[d + 1];
            if (a == b) continue;
            Arrays.fill(sig, Long.MAX_VALUE);
            for (int x = a; x < b; x++) {
                long v = sh[x];
                for (int i = 0; i < h; i++) {
                    long hv = mix(v ^ seeds[i]);
                    if (hv < sig[i]) sig[i] = hv;
                }
            }
            for (int band = 0; band < p.bands(); band++) {
                long key = band * 0x632BE59BD9B4E019L;
                for (int r = 0; r < p.rows(); r++) key = mix(key ^ sig[band * p.rows() + r]);
                bandKey[q] = key;
                bandDoc[q] = d;
                q++;
            }
        }
        int[] order = new int[q];
        for (int i = 0; i < q; i++) order[i] = i;
        final long[] bk = bandKey;
        final int[] bd = bandDoc;
        it.unimi.dsi.fastutil.ints.IntArrays.quickSort(order, (x, y) -> {
            int c = Long.compare(bk[x], bk[y]);
            return c != 0 ? c : Integer.compare(bd[x], bd[y]);
        });
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
        long confirmed = 0, comparisons = 0, skipped = 0;
        int i = 0;
        while (i < q) {
            int j = i + 1;
            while (j < q && bk[order[j]] == bk[order[i]]) j++;
            int size = j - i;
            if (size > p.maxBucket()) {
                skipped++;
            } else if (size > 1) {
                int first = bd[order[i]];
                for (int x = i + 1; x < j; x++) {
                    int d = bd[order[x]];
                    int prev = bd[order[x - 1]];
                    if (find(parent, d) == find(parent, first)) continue;
                    comparisons++;
                    if (jaccard(sh, off, d, first) >= p.threshold()) {
                        union(parent, d, first);
                        confirmed++;
                    } else if (prev != first && find(parent, d) != find(parent, prev)) {
                        comparisons++;
                        if (jaccard(sh, off, d, prev) >= p.threshold()) {
                            union(parent, d, prev);
                            confirmed++;
                        }
                    }
                }
            }
            i = j;
        }
        int[] cluster = new int[n];
        int[] members = new int[n];
        for (int d = 0; d < n; d++) members[find(parent, d)]++;
        for (int d = 0; d < n; d++) {
            int r = find(parent, d);
            cluster[d] = members[r] > 1 ? r : -1;
        }
        // cluster id = smallest member index (the root may be any member)
        int[] min = new int[n];
        Arrays.fill(min, Integer.MAX_VALUE);
        for (int d = 0; d < n; d++) if (cluster[d] >= 0 && d < min[cluster[d]]) min[cluster[d]] = d;
        for (int d = 0; d < n; d++) if (cluster[d] >= 0) cluster[d] = min[cluster[d]];
        return new Result(cluster, confirmed, comparisons, skipped);
    }

    /** Exact Jaccard similarity of two sorted distinct shingle sets. */
    static double jaccard(long[] sh, int[] off, int x, int y) {
        int i = off[x], ie = off[x + 1], j = off[y], je = off[y + 1];
        int inter = 0;
        while (i < ie && j < je) {
            long a = sh[i], b = sh[j];
            if (a < b) i++;
            else if (a > b) j++;
            else { inter++; i++; j++; }
        }
        int uni = (ie - off[x]) + (je - off[y]) - inter;
        return uni == 0 ? 0 : (double) inter / uni;
    }

    /** Exact Jaccard similarity of the word-shingle sets of two normalised texts. */
    public static double jaccard(String a, String b, int shingle) {
        long[] x = shingles(a, shingle, new long[16]);
        int nx = (int) x[x.length - 1];
        long[] y = shingles(b, shingle, new long[16]);
        int ny = (int) y[y.length - 1];
        long[] all = new long[nx + ny];
        System.arraycopy(x, 0, all, 0, nx);
        System.arraycopy(y, 0, all, nx, ny);
        return jaccard(all, new int[] {0, nx, nx + ny}, 0, 1);
    }

    /**
     * Sorted distinct hashes of the word {@code k}-shingles of {@code t} (one shingle of all words when
     * there are fewer than k). The count is stored in the last slot of the returned buffer.
     */
    static long[] shingles(String t, int k, long[] buf) {
        // word hashes
        int words = 0;
        long[] wh = new long[Math.max(4, t.length() / 3 + 2)];
        int start = -1;
        for (int i = 0; i <= t.length(); i++) {
            boolean sp = i == t.length() || t.charAt(i) == ' ';
            if (!sp && start < 0) start = i;
            if (sp && start >= 0) {
                long hv = 1125899906842597L;
                for (int c = start; c < i; c++) hv = 31 * hv + t.charAt(c);
                if (words == wh.length) wh = Arrays.copyOf(wh, words * 2);
                wh[words++] = mix(hv);
                start = -1;
            }
        }
        int m = words == 0 ? 0 : Math.max(1, words - k + 1);
        if (buf.length < m + 1) buf = new long[m + 1];
        for (int i = 0; i < m; i++) {
            long hv = 0x9E3779B97F4A7C15L;
            for (int w = i; w < Math.min(words, i + k); w++) hv = mix(hv ^ wh[w]) + w - i;
            buf[i] = hv;
        }
        Arrays.sort(buf, 0, m);
        int d = 0;
        for (int i = 0; i < m; i++) if (d == 0 || buf[d - 1] != buf[i]) buf[d++] = buf[i];
        buf[buf.length - 1] = d;
        return buf;
    }

    /** A 64-bit finaliser (Stafford's Mix13 variant of MurmurHash3's fmix64). */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static int find(int[] parent, int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    private static void union(int[] parent, int x, int y) {
        int a = find(parent, x), b = find(parent, y);
        if (a != b) parent[Math.max(a, b)] = Math.min(a, b);
    }
}
