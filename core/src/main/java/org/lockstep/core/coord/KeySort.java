package org.lockstep.core.coord;

/**
 * Stable least-significant-digit radix sort of {@code long} keys, optionally carrying an {@code int} payload,
 * over the bit range {@code [low, low + bits)} of the keys (Knuth, TAOCP vol. 3, 5.2.5). Digits on which every key agrees are
 * skipped, so a sort costs one counting pass plus one scatter pass per varying digit, whatever the order
 * of the input. Stability is what {@link PairCounts} relies on: equal keys keep their input order.
 */
final class KeySort {
    private KeySort() {}

    /**
     * Sorts {@code key[0..n)} (with {@code val}) by their low {@code bits} bits, using {@code keyTmp} and
     * {@code valTmp} (same lengths) as scratch.
     *
     * @return true when the sorted data ended in the scratch arrays, false when in the input arrays
     */
    static boolean sort(long[] key, int[] val, long[] keyTmp, int[] valTmp, int n, int bits) {
        return sort(key, val, keyTmp, valTmp, n, 0, bits);
    }

    /**
     * Sorts {@code key[0..n)} by bits {@code [low, low + bits)}; {@code val} may be null (then bits below
     * {@code low} can carry a payload, which keeps its input order among equal keys).
     */
    static boolean sort(long[] key, int[] val, long[] keyTmp, int[] valTmp, int n, int low, int bits) {
        if (n < 2 || bits <= 0) return false;
        int passes = (bits + 10) / 11;
        int width = (bits + passes - 1) / passes;
        int buckets = 1 << width;
        int mask = buckets - 1;
        int[][] count = new int[passes][buckets];
        for (int i = 0; i < n; i++) {
            long k = key[i] >>> low;
            for (int p = 0; p < passes; p++) count[p][(int) (k >>> (p * width)) & mask]++;
        }
        long[] ks = key, kd = keyTmp;
        int[] vs = val, vd = valTmp;
        boolean swapped = false;
        for (int p = 0; p < passes; p++) {
            int[] c = count[p];
            boolean trivial = false;
            for (int b = 0; b < buckets; b++) {
                if (c[b] == n) { trivial = true; break; }
                if (c[b] != 0) break;
            }
            if (trivial) continue;
            int sum = 0;
            for (int b = 0; b < buckets; b++) {
                int t = c[b];
                c[b] = sum;
                sum += t;
            }
            int shift = low + p * width;
            if (vs == null) {
                for (int i = 0; i < n; i++) {
                    long k = ks[i];
                    kd[c[(int) (k >>> shift) & mask]++] = k;
                }
            } else {
                for (int i = 0; i < n; i++) {
                    long k = ks[i];
                    int d = c[(int) (k >>> shift) & mask]++;
                    kd[d] = k;
                    vd[d] = vs[i];
                }
                int[] tv = vs; vs = vd; vd = tv;
            }
            long[] tk = ks; ks = kd; kd = tk;
            swapped = !swapped;
        }
        return swapped;
    }
}
