package org.lockstep.core.campaigns;

import java.util.Arrays;
import org.lockstep.core.model.AccountSnapshot;
import org.lockstep.core.model.AccountTable;
import org.lockstep.core.model.PostTable;

/**
 * The published baseline of BotSlayer-CE (Hui et al. 2019, "BotSlayer: real-time detection of bot
 * amplification on Twitter", JOSS 4(42):1706; formula from the BotSlayer-CE source): for each entity
 * active in a 4-hour window, volume (posts), trendiness {@code (posts+1)/(posts in the previous window+1)}
 * (or {@code posts+1} when absent), diversity {@code (accounts+1)/(posts+1)} and botness (mean bot score
 * of the posts) are ranked over all entities (SQL {@code RANK() − 1}, descending, divided by the largest
 * rank), and
 * {@code BS = σ(1.91356533·(1−r_trend) + 2.8811564·(1−r_volume) + 7.09627534·(1−r_botness)
 *  − 0.0889277·(1−r_diversity) − 10.3836869)}.
 *
 * <p>Bot scores are BotSlayer-CE's BotRuler heuristic: the mean of σ(following/day − 1),
 * σ(following/followers − 7.4), σ(statuses/day − 33), default profile and 1 − verified, divided by the
 * largest score. (BotRuler also uses "profile uses background image", which the post model does not
 * carry; it is left out and the mean is over the remaining known features.)
 */
public final class BotSlayerBaseline {
    private static final long WINDOW = 4 * CampaignConfig.HOUR;

    private BotSlayerBaseline() {}

    /** BotRuler bot score per account (0..1, NaN when no feature is known). */
    public static double[] botRulerScores(PostTable t) {
        AccountTable info = t.accountInfo();
        int n = info.size();
        double[] s = new double[n];
        double max = 0;
        for (int a = 0; a < n; a++) {
            double sum = 0;
            int k = 0;
            long created = info.createdAt[a], at = info.snapshotTime[a];
            double age = created == AccountSnapshot.UNKNOWN || at == AccountSnapshot.UNKNOWN ? Double.NaN
                    : Math.max(1e-3, (at - created) / 86_400_000.0);
            long fr = info.following[a], fo = info.followers[a], st = info.posts[a];
            if (fr != AccountSnapshot.UNKNOWN && !Double.isNaN(age)) { sum += sig(fr / age - 1); k++; }
            if (fr != AccountSnapshot.UNKNOWN && fo != AccountSnapshot.UNKNOWN) {
                sum += sig((fo > 0 ? fr / (double) fo : fr) - 7.4); k++;
            }
            if (st != AccountSnapshot.UNKNOWN && !Double.isNaN(age)) { sum += sig(st / age - 33); k++; }
            if (info.defaultProfile[a] >= 0) { sum += info.defaultProfile[a]; k++; }
            if (info.verified[a] >= 0) { sum += 1 - info.verified[a]; k++; }
            s[a] = k == 0 ? Double.NaN : sum / k;
            if (k > 0) max = Math.max(max, s[a]);
        }
        if (max > 0) for (int a = 0; a < n; a++) s[a] /= max;
        return s;
    }

    private static double sig(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** The BS level of {@code entity} for the 4-hour window ending at {@code windowEnd} (inclusive). */
    public static Campaign.BotSlayer level(EntityIndex idx, double[] bot, long windowEnd, int entity) {
        return new BotSlayerBaseline.Scratch(idx).level(bot, windowEnd, entity);
    }

    /** Reusable arrays over the entity ids, so repeated calls cost only the rows in the windows. */
    static final class Scratch {
        private final EntityIndex idx;
        private final int[] posts, prev, slot;
        private final double[] bsSum;
        private final int[] bsN;
        private final int[] buf = new int[256];

        Scratch(EntityIndex idx) {
            this.idx = idx;
            int ne = idx.size();
            posts = new int[ne];
            prev = new int[ne];
            slot = new int[ne];
            bsSum = new double[ne];
            bsN = new int[ne];
        }

        private long cachedEnd = Long.MIN_VALUE;
        private int[] cachedSlot;          // entity -> slot, -1
        private double[] cTrend, cBs, cRt, cRv, cRb, cRd;
        private int[] cVol, cUsers;
        private int cM;

        /** The BS level of {@code entity} for the window ending at {@code windowEnd}; consecutive calls with the same end share the work. */
        Campaign.BotSlayer level(double[] bot, long windowEnd, int entity) {
            if (windowEnd != cachedEnd) compute(bot, windowEnd);
            int self = entity < cachedSlot.length ? cachedSlot[entity] : -1;
            if (self < 0) return null;
            double level = Double.NaN;
            if (!(Double.isNaN(cRt[self]) || Double.isNaN(cRv[self]) || Double.isNaN(cRb[self]) || Double.isNaN(cRd[self]))) {
                double z = 1.91356533 * (1 - cRt[self]) + 2.8811564 * (1 - cRv[self]) + 7.09627534 * (1 - cRb[self])
                        - 0.0889277 * (1 - cRd[self]) - 10.3836869;
                level = sig(z);
            }
            return new Campaign.BotSlayer(level, cTrend[self], cBs[self], cVol[self], cUsers[self], windowEnd, cM);
        }

        private void compute(double[] bot, long windowEnd) {
            PostTable t = idx.table();
            int from = t.firstRowAt(windowEnd - 2 * WINDOW);
            int mid = t.firstRowAt(windowEnd - WINDOW + 1);
            int to = t.firstRowAt(windowEnd + 1);
            it.unimi.dsi.fastutil.ints.IntArrayList touched = new it.unimi.dsi.fastutil.ints.IntArrayList();
            it.unimi.dsi.fastutil.longs.LongArrayList pairs = new it.unimi.dsi.fastutil.longs.LongArrayList();
            for (int r = from; r < to; r++) {
                // previous window [end-8h, end-4h], focal (end-4h, end], as BotSlayer's BETWEEN
                int k = idx.entitiesOf(r, buf);
                boolean focal = r >= mid;
                for (int i = 0; i < k; i++) {
                    int e = buf[i];
                    if (posts[e] == 0 && prev[e] == 0) touched.add(e);
                    if (!focal) { prev[e]++; continue; }
                    posts[e]++;
                    pairs.add(((long) e << 32) | t.account(r));
                    double b = bot[t.account(r)];
                    if (!Double.isNaN(b)) { bsSum[e] += b; bsN[e]++; }
                }
            }
            long[] pa = pairs.toLongArray();
            Arrays.sort(pa);
            int m = 0;
            java.util.Arrays.fill(slot, -1);
            for (int i = 0; i < touched.size(); i++) {
                int e = touched.getInt(i);
                if (posts[e] > 0) slot[e] = m++;
            }
            int[] users = new int[m];
            for (int i = 0; i < pa.length; i++) if (i == 0 || pa[i] != pa[i - 1]) users[slot[(int) (pa[i] >>> 32)]]++;
            double[] vol = new double[m], trend = new double[m], div = new double[m], bs = new double[m];
            int[] vi = new int[m];
            for (int i = 0; i < touched.size(); i++) {
                int e = touched.getInt(i);
                int sl = slot[e];
                if (sl < 0) continue;
                int p = posts[e];
                vol[sl] = p;
                vi[sl] = p;
                trend[sl] = prev[e] > 0 ? (p + 1.0) / (prev[e] + 1.0) : p + 1.0;
                div[sl] = (users[sl] + 1.0) / (p + 1.0);
                bs[sl] = bsN[e] == 0 ? 0 : bsSum[e] / bsN[e];
            }
            cachedSlot = slot.clone();
            cTrend = trend; cBs = bs; cVol = vi; cUsers = users; cM = m;
            cRt = normRanks(trend); cRv = normRanks(vol); cRb = normRanks(bs); cRd = normRanks(div);
            cachedEnd = windowEnd;
            for (int i = 0; i < touched.size(); i++) {
                int e = touched.getInt(i);
                posts[e] = 0; prev[e] = 0; bsSum[e] = 0; bsN[e] = 0;
            }
        }
    }

    /** {@link #normRank} of every element, with one sort. */
    static double[] normRanks(double[] v) {
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double[] out = new double[n];
        if (n == 0) return out;
        int maxRank = n - upper(sorted, sorted[0]);
        for (int i = 0; i < n; i++) out[i] = maxRank == 0 ? Double.NaN : (n - upper(sorted, v[i])) / (double) maxRank;
        return out;
    }

    /** {@code (RANK() OVER (ORDER BY v DESC) − 1) / max rank} of element {@code self}; NaN when every rank is 0. */
    static double normRank(double[] v, int self) {
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        // rank-1 of x (descending) = number of values strictly greater than x
        int maxRank = n - upper(sorted, sorted[0]); // rank of the smallest value
        int r = n - upper(sorted, v[self]);
        return maxRank == 0 ? Double.NaN : r / (double) maxRank;
    }

    /** Number of elements of sorted {@code a} that are ≤ x. */
    private static int upper(double[] a, double x) {
        int lo = 0, hi = a.length;
        while (lo < hi) {
            int m = (lo + hi) >>> 1;
            if (a[m] <= x) lo = m + 1; else hi = m;
        }
        return lo;
    }
}
