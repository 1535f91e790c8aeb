package org.lockstep.core.images;

import java.util.function.IntFunction;

/**
 * Media ids grouped into near-duplicate images for the {@code co-image} signal: ids that are 64-bit
 * perceptual hashes written as 16 hex digits (as {@link PerceptualHash} computes them, or as a source gives
 * them) are joined when within {@code radius} bits of each other, through {@link HashIndex} (no comparison of
 * all pairs); any other id (a URL, a platform's media key) stands for itself. A meme re-captioned, rescaled
 * or recompressed is then one object for the accounts that posted it.
 */
public final class MediaGroups {
    private MediaGroups() {}

    /** Bits within which two pHashes are the same picture for coordination (docs/plans.md: copies ≤ 14, different ≥ 18). */
    public static final int RADIUS = 10;

    /** {@code group[i]}: the smallest id of media id i's near-duplicate group ({@code i} itself when it is not a hash). */
    public static int[] of(IntFunction<String> ids, int n, int radius) {
        int[] group = new int[n];
        int hashes = 0;
        long[] h = new long[n];
        int[] which = new int[n];
        for (int i = 0; i < n; i++) {
            group[i] = i;
            String s = ids.apply(i);
            if (s != null && s.length() == 16 && isHex(s)) {
                h[hashes] = Long.parseUnsignedLong(s, 16);
                which[hashes++] = i;
            }
        }
        if (hashes < 2) return group;
        long[] hs = java.util.Arrays.copyOf(h, hashes);
        int[] c = new HashIndex(hs).clusters(radius);
        for (int k = 0; k < hashes; k++) group[which[k]] = which[c[k]];
        return group;
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (!(ch >= '0' && ch <= '9' || ch >= 'a' && ch <= 'f' || ch >= 'A' && ch <= 'F')) return false;
        }
        return true;
    }
}
