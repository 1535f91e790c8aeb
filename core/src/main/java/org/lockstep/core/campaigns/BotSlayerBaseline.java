package org.lockstep.core.campaigns;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
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
        AccountTable info = t.accountInfo;
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
        PostTable t = idx.table();
        int from = lowerBound(t.time, windowEnd - 2 * WINDOW);
        int mid = upperBound(t.time, windowEnd - WINDOW);
        int to = upperBound(t.time, windowEnd);
        Int2IntOpenHashMap prev = new Int2IntOpenHashMap(), posts = new Int2IntOpenHashMap();
        Int2ObjectOpenHashMap<double[]> bs = new Int2ObjectOpenHashMap<>();
        Int2ObjectOpenHashMap<IntOpenHashSet> users = new Int2ObjectOpenHashMap<>();
        int[] buf = new int[256];
        for (int r = from; r < to; r++) {
            // previous window is [end-8h, end-4h], the focal one (end-4h, end], as BETWEEN in BotSlayer
            int k = idx.entitiesOf(r, buf);
            boolean focal = r >= mid;
            for (int i = 0; i < k; i++) {
                int e = buf[i];
                if (!focal) { prev.addTo(e, 1); continue; }
                posts.addTo(e, 1);
                users.computeIfAbsent(e, x -> new IntOpenHashSet()).add(t.account[r]);
                double b = bot[t.account[r]];
                double[] acc = bs.computeIfAbsent(e, x -> new double[2]);
                if (!Double.isNaN(b)) { acc[0] += b; acc[1]++; }
            }
        }
        int m = posts.size();
        if (m == 0 || !posts.containsKey(entity)) return null;
        int[] ents = posts.keySet().toIntArray();
        double[] vol = new double[m], trend = new double[m], div = new double[m], bot2 = new double[m];
        int self = -1;
        for (int i = 0; i < m; i++) {
            int e = ents[i];
            int p = posts.get(e);
            vol[i] = p;
            trend[i] = prev.containsKey(e) ? (p + 1.0) / (prev.get(e) + 1.0) : p + 1.0;
            div[i] = (users.get(e).size() + 1.0) / (p + 1.0);
            double[] acc = bs.get(e);
            bot2[i] = acc == null || acc[1] == 0 ? 0 : acc[0] / acc[1];
            if (e == entity) self = i;
        }
        double rt = normRank(trend, self), rv = normRank(vol, self), rb = normRank(bot2, self), rd = normRank(div, self);
        if (Double.isNaN(rt) || Double.isNaN(rv) || Double.isNaN(rb) || Double.isNaN(rd)) {
            return new Campaign.BotSlayer(Double.NaN, trend[self], bot2[self], (int) vol[self],
                    users.get(entity).size(), windowEnd, m);
        }
        double z = 1.91356533 * (1 - rt) + 2.8811564 * (1 - rv) + 7.09627534 * (1 - rb) - 0.0889277 * (1 - rd) - 10.3836869;
        return new Campaign.BotSlayer(sig(z), trend[self], bot2[self], (int) vol[self], users.get(entity).size(),
                windowEnd, m);
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

    static int lowerBound(long[] a, long x) {
        int lo = 0, hi = a.length;
        while (lo < hi) {
            int m = (lo + hi) >>> 1;
            if (a[m] < x) lo = m + 1; else hi = m;
        }
        return lo;
    }

    static int upperBound(long[] a, long x) {
        int lo = 0, hi = a.length;
        while (lo < hi) {
            int m = (lo + hi) >>> 1;
            if (a[m] <= x) lo = m + 1; else hi = m;
        }
        return lo;
    }
}
