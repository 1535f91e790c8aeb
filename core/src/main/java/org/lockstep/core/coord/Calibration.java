package org.lockstep.core.coord;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Checks of the statistics on real data, as the house rule asks: "a p-value is checked against a
 * simulation of its null on real data".
 *
 * <ul>
 * <li>{@link #monteCarlo}: the timing test's analytic p-values against a Monte Carlo jitter test — every
 *     timed action of the two accounts moved uniformly by ±D, the episodes recounted with the detector's own
 *     rules (window, episode gap, one pair of posts once), K draws — for the pairs the detector tests.</li>
 * <li>{@link #shifted} and {@link #shuffled}: true nulls made from real data. Shifting each account's whole
 *     timeline by its own offset destroys cross-account alignment and keeps everything else (a null for the
 *     timing test); shuffling who-shares-what among actions of the same signal keeps every account's volume
 *     and rhythm and every object's popularity (a null for both tests).</li>
 * </ul>
 */
public final class Calibration {
    private Calibration() {}

    /** One tested pair: its observed episodes, analytic p-value and Monte Carlo p-value. */
    public record Check(String a, String b, int episodes, double lambda, double analytic, double monteCarlo) {}

    /**
     * Monte Carlo p-values for at most {@code maxPairs} of the pairs the timing test tests (those with the
     * smallest analytic p-values first, then by key), {@code draws} draws each.
     */
    public static List<Check> monteCarlo(Actions x, CoordinationConfig c, int maxPairs, int draws, long seed) {
        ActionIndex ix = ActionIndex.build(x, c);
        EdgeTests t = EdgeTests.run(ix, c.toBuilder().selection(CoordinationConfig.Selection.SIGNIFICANCE).build(),
                c.effectiveMemoryBudget());
        Integer[] idx = new Integer[t.size()];
        int n = 0;
        for (int e = 0; e < t.size(); e++) if (!Double.isNaN(t.pTiming[e])) idx[n++] = e;
        idx = Arrays.copyOf(idx, n);
        Arrays.sort(idx, (u, v) -> u.equals(v) ? 0 : Double.compare(t.pTiming[u], t.pTiming[v]) != 0
                ? Double.compare(t.pTiming[u], t.pTiming[v]) : Long.compare(t.keys[u], t.keys[v]));
        ActionIndex.Rows r = ix.timed;
        int na = x.accountCount();
        int[] posts = r.post;
        int[] start = new int[na + 1];
        for (int k = 0; k < r.size(); k++) start[r.account[k] + 1]++;
        for (int a = 0; a < na; a++) start[a + 1] += start[a];
        int[] byAccount = new int[r.size()];
        int[] fill = Arrays.copyOf(start, na);
        for (int k = 0; k < r.size(); k++) byAccount[fill[r.account[k]]++] = k;
        List<Check> out = new ArrayList<>();
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int q = 0; q < Math.min(maxPairs, n); q++) {
            int e = idx[q];
            int a = PairKernel.keyA(t.keys[e]), b = PairKernel.keyB(t.keys[e]);
            int[] rows = merge(byAccount, start, a, b);
            long[] jt = new long[rows.length];
            int observed = t.episodes[e], atLeast = 0;
            for (int d = 0; d < draws; d++) {
                for (int k = 0; k < rows.length; k++) {
                    int i = rows[k];
                    long dd = ix.jitter[r.signal[i]];
                    jt[k] = r.time[i] + (dd > 0 ? rnd.nextLong(-dd, dd + 1) : 0);
                }
                if (episodes(ix, rows, jt, posts, a) >= observed) atLeast++;
            }
            out.add(new Check(x.accountName(a), x.accountName(b), observed, t.lambdaTiming[e], t.pTiming[e],
                    (1.0 + atLeast) / (draws + 1.0)));
        }
        return out;
    }

    /** The timed rows of accounts a and b, sorted by object. */
    private static int[] merge(int[] byAccount, int[] start, int a, int b) {
        int[] rows = new int[start[a + 1] - start[a] + start[b + 1] - start[b]];
        int k = 0;
        for (int i = start[a]; i < start[a + 1]; i++) rows[k++] = byAccount[i];
        for (int i = start[b]; i < start[b + 1]; i++) rows[k++] = byAccount[i];
        return rows;
    }

    /**
     * Episodes of the pair under jittered times {@code jt}, with the rules of {@link PairCounts}: per object
     * (in id order), co-actions of the two accounts within the window, ordered by the earlier action's time;
     * a co-action on a new object or more than the episode gap after the previous one starts an episode
     * unless its earlier post already appeared in an earlier co-action.
     */
    static int episodes(ActionIndex ix, int[] rows, long[] jt, int[] posts, int accountA) {
        ActionIndex.Rows r = ix.timed;
        int n = rows.length;
        Integer[] ord = new Integer[n];
        for (int k = 0; k < n; k++) ord[k] = k;
        Arrays.sort(ord, (u, v) -> {
            int cmp = Integer.compare(r.object[rows[u]], r.object[rows[v]]);
            return cmp != 0 ? cmp : Long.compare(jt[u], jt[v]);
        });
        int episodes = 0, lastObject = -1;
        long lastTime = 0;
        java.util.HashSet<Integer> seen = new java.util.HashSet<>();
        int s = 0;
        while (s < n) {
            int o = r.object[rows[ord[s]]];
            int e = s;
            while (e < n && r.object[rows[ord[e]]] == o) e++;
            long w = ix.window[r.signal[rows[ord[s]]]];
            long gap = ix.gap[r.signal[rows[ord[s]]]];
            for (int u = s; u < e; u++) {
                int iu = ord[u];
                for (int v = u + 1; v < e; v++) {
                    int iv = ord[v];
                    if (jt[iv] - jt[iu] > w) break;
                    if ((r.account[rows[iu]] == accountA) == (r.account[rows[iv]] == accountA)) continue;
                    boolean fresh = o != lastObject || jt[iu] - lastTime > gap;
                    if (fresh && seen.add(posts[rows[iu]])) episodes++;
                    else seen.add(posts[rows[iu]]);
                    lastObject = o;
                    lastTime = jt[iu];
                }
            }
            s = e;
        }
        return episodes;
    }

    /** Every account's actions moved by its own offset, uniform in ±{@code maxShiftMs} (at least an hour away). */
    public static Actions shifted(Actions x, long maxShiftMs, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long[] shift = new long[x.accountCount()];
        for (int a = 0; a < shift.length; a++) {
            long m = Math.max(3_600_000L, rnd.nextLong(3_600_000L, Math.max(3_600_001L, maxShiftMs + 1)));
            shift[a] = rnd.nextBoolean() ? m : -m;
        }
        return copy(x, null, shift);
    }

    /**
     * Who-shares-what shuffled: the object column permuted among actions of the same signal; each account keeps
     * its actions' number and times, each object its number of actions.
     */
    public static Actions shuffled(Actions x, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] obj = x.object.clone();
        int nsig = Signal.values().length;
        for (int s = 0; s < nsig; s++) {
            int[] idx = new int[x.size];
            int m = 0;
            for (int i = 0; i < x.size; i++) if (x.signal[i] == s) idx[m++] = i;
            for (int k = m - 1; k > 0; k--) {
                int j = rnd.nextInt(k + 1);
                int t = obj[idx[k]];
                obj[idx[k]] = obj[idx[j]];
                obj[idx[j]] = t;
            }
        }
        return copy(x, obj, null);
    }

    private static Actions copy(Actions x, int[] object, long[] shift) {
        Actions.Builder b = new Actions.Builder(x.accountCount(), x::accountName, x::contentName);
        Integer[] order = new Integer[x.size];
        for (int i = 0; i < x.size; i++) order[i] = i;
        // rows of one signal must be added together, in enum order
        Arrays.sort(order, (u, v) -> Integer.compare(x.signal[u], x.signal[v]));
        int current = -1;
        for (int k = 0; k < x.size; k++) {
            int i = order[k];
            int s = x.signal[i];
            if (s != current) {
                Signal sig = Signal.of(s);
                int base = x.objectBase(sig);
                int next = s + 1 < nsig() ? x.objectBase(Signal.of(s + 1)) : x.objectCount();
                b.beginSignal(sig, next - base, o -> x.objectName(base + o));
                current = s;
            }
            int o = (object != null ? object[i] : x.object[i]) - x.objectBase(Signal.of(s));
            long t = x.time[i] + (shift != null ? shift[x.account[i]] : 0);
            b.add(o, x.account[i], x.content[i], x.row[i], t);
        }
        return b.build();
    }

    private static int nsig() {
        return Signal.values().length;
    }

    /** Accounts in the network of {@code r} (for counting false positives on a null). */
    public static int flaggedAccounts(CoordinationResult r) {
        return r.accountCount();
    }
}
