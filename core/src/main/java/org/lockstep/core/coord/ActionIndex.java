package org.lockstep.core.coord;

import it.unimi.dsi.fastutil.ints.IntArrays;
import java.util.Arrays;

/**
 * Stage 1 of detection: the co-action rows a run tests, sorted by (object, time), as two indexes over
 * the same {@link Actions}.
 *
 * <ul>
 * <li>{@link #timed}: every row of a timed signal (accounts with at least {@code minParticipation}
 *     rows), for the fine-time test; windows widened by the data's time resolution.</li>
 * <li>{@link #rare}: one row per (object, account) on objects shared by at most
 *     {@code maxObjectAccounts} accounts, of every signal, for the co-occurrence test: how many rare
 *     objects two accounts have in common, whatever the lag between them.</li>
 * </ul>
 *
 * <p>Also here: each account's incidences per signal and the pair mass of rare objects per signal, the
 * ingredients of the co-occurrence null ({@link CooccurrenceNull}), and each popular object's own
 * popularity curve, which the timing null ({@link TimingNull}) uses beside the jitter.
 */
final class ActionIndex {
    /**
     * Rows sorted by (object, time): parallel columns; {@code row} indexes {@link Actions}; {@code post} is the
     * post behind the action (its content id; a unique negative number when the row has none), the identity
     * behind "one pair of posts is one coincidence".
     */
    static final class Rows {
        final int[] object, account, row, post;
        final long[] time;
        final byte[] signal;

        Rows(int n) {
            object = new int[n];
            account = new int[n];
            row = new int[n];
            post = new int[n];
            time = new long[n];
            signal = new byte[n];
        }

        int size() {
            return row.length;
        }
    }

    final Actions actions;
    final Rows timed, rare;
    /** Per signal ordinal: the co-action window widened by the time resolution, −1 when off or any-time. */
    final long[] window;
    /** Per signal ordinal: the episode gap (unbounded for any-time signals). */
    final long[] gap;
    /** Per signal ordinal: the null model's jitter D. */
    final long[] jitter;
    /** Per signal ordinal: whether the signal is tested by co-occurrence only. */
    final boolean[] anyTime;
    /** {@code incidences[s][a]}: objects of signal s account a acted on (null when the signal has none). */
    final int[][] incidences;
    /** Per signal: Σ c(c − 1) over rare objects divided by (Σ c)², c = accounts per object. */
    final double[] cooccurrence;
    /** Per object: the distinct accounts that acted on it (its degree in the account–object graph). */
    final int[] objectAccounts;
    /** Objects shared by at most this many accounts are rare (the co-occurrence test counts them). */
    final int maxObjectAccounts;
    /**
     * Per object: for public news (shared by more than {@code popularShare} of the active accounts and more
     * than {@link CoordinationConfig#POPULAR_MIN_ACCOUNTS}) the share of its pairs of actions that fall within
     * the window, the object's own popularity curve; 0 for other objects.
     */
    final double[] objectCurve;
    /** Rows per account that survive the participation filter (0 for filtered accounts). */
    final int[] actionsPerAccount;
    final long ignoredActions, droppedObjects;
    final long resolutionMs;

    private ActionIndex(Actions actions, Rows timed, Rows rare, long[] window, long[] gap, long[] jitter,
            boolean[] anyTime, int[][] incidences, double[] cooccurrence, int[] objectAccounts,
            int maxObjectAccounts, double[] objectCurve, int[] actionsPerAccount, long ignored,
            long droppedObjects, long resolutionMs) {
        this.objectAccounts = objectAccounts;
        this.maxObjectAccounts = maxObjectAccounts;
        this.objectCurve = objectCurve;
        this.actions = actions;
        this.timed = timed;
        this.rare = rare;
        this.window = window;
        this.gap = gap;
        this.jitter = jitter;
        this.anyTime = anyTime;
        this.incidences = incidences;
        this.cooccurrence = cooccurrence;
        this.actionsPerAccount = actionsPerAccount;
        this.ignoredActions = ignored;
        this.droppedObjects = droppedObjects;
        this.resolutionMs = resolutionMs;
    }

    /** Builds both indexes of {@code x} under {@code c}. */
    static ActionIndex build(Actions x, CoordinationConfig c) {
        int n = x.size;
        int na = x.accountCount();
        int nobj = x.objectCount();
        int nsig = Signal.values().length;
        long resolution = c.timeResolutionMs() > 0 ? c.timeResolutionMs() : TimeResolution.of(x.time, n);
        long[] window = new long[nsig], gap = new long[nsig], jitter = new long[nsig];
        boolean[] anyTime = new boolean[nsig];
        for (Signal s : Signal.values()) {
            int k = s.ordinal();
            long w = c.windowMs(s);
            anyTime[k] = w == CoordinationConfig.ANY_TIME;
            window[k] = w < 0 || anyTime[k] ? -1 : TimeResolution.widen(w, resolution);
            gap[k] = c.episodeGapMs(s);
            jitter[k] = c.jitterMs(s);
        }
        // participation filter and counting sort by object (stable: input order, then time order, within an object)
        int[] rowsPerAccount = new int[na];
        for (int i = 0; i < n; i++) rowsPerAccount[x.account[i]]++;
        int[] objStart = new int[nobj + 1];
        long ignored = 0;
        for (int i = 0; i < n; i++) {
            if (rowsPerAccount[x.account[i]] >= c.minParticipation()) objStart[x.object[i] + 1]++;
            else ignored++;
        }
        for (int o = 0; o < nobj; o++) objStart[o + 1] += objStart[o];
        int m = objStart[nobj];
        int[] sidx = new int[m];
        int[] fill = Arrays.copyOf(objStart, nobj);
        for (int i = 0; i < n; i++) {
            if (rowsPerAccount[x.account[i]] >= c.minParticipation()) sidx[fill[x.object[i]]++] = i;
        }
        final long[] xt = x.time;
        for (int o = 0; o < nobj; o++) {
            int s = objStart[o], e = objStart[o + 1];
            for (int k = s + 1; k < e; k++) {
                if (xt[sidx[k - 1]] > xt[sidx[k]]) {
                    IntArrays.mergeSort(sidx, s, e, (p, q) -> Long.compare(xt[p], xt[q]));
                    break;
                }
            }
        }
        // per object: distinct accounts; the first row of each account goes to the rare index
        int[] lastObjOfAccount = new int[na];
        Arrays.fill(lastObjOfAccount, -1);
        int[][] incidences = new int[nsig][];
        double[] pairMass = new double[nsig], stubs = new double[nsig];
        int[] firstRows = new int[m];
        boolean[] rareObject = new boolean[nobj], popular = new boolean[nobj];
        int[] objectAccounts = new int[nobj];
        int timedRows = 0, rareRows = 0;
        long droppedObjects = 0;
        for (int o = 0; o < nobj; o++) {
            int s = objStart[o], e = objStart[o + 1];
            if (s == e) continue;
            int sig = x.signal[sidx[s]];
            if (!anyTime[sig]) timedRows += e - s;
            int from = rareRows;
            for (int k = s; k < e; k++) {
                int a = x.account[sidx[k]];
                if (lastObjOfAccount[a] == o) continue;
                lastObjOfAccount[a] = o;
                firstRows[rareRows++] = sidx[k];
            }
            int cnt = rareRows - from;
            objectAccounts[o] = cnt;
            if (incidences[sig] == null) incidences[sig] = new int[na];
            for (int k = from; k < rareRows; k++) incidences[sig][x.account[firstRows[k]]]++;
            stubs[sig] += cnt;
            if (cnt > c.maxObjectAccounts()) {
                rareRows = from;
                if (anyTime[sig]) droppedObjects++;
                continue;
            }
            if (cnt >= 2) pairMass[sig] += (double) cnt * (cnt - 1);
            if (cnt < 2 || !c.cooccurrence() && !anyTime[sig]) {
                rareRows = from;
                continue;
            }
            rareObject[o] = true;
        }
        double[] cooc = new double[nsig];
        for (int s = 0; s < nsig; s++) cooc[s] = stubs[s] > 0 ? pairMass[s] / (stubs[s] * stubs[s]) : 0;
        Rows timed = new Rows(timedRows);
        int[] actionsPerAccount = new int[na];
        int t = 0;
        for (int k = 0; k < m; k++) {
            int i = sidx[k];
            if (anyTime[x.signal[i]]) continue;
            put(timed, t++, x, i);
            actionsPerAccount[x.account[i]]++;
        }
        int r = 0;
        for (int k = 0; k < rareRows; k++) if (rareObject[x.object[firstRows[k]]]) r++;
        Rows rare = new Rows(r);
        r = 0;
        for (int k = 0; k < rareRows; k++) {
            int i = firstRows[k];
            if (!rareObject[x.object[i]]) continue;
            put(rare, r++, x, i);
            if (anyTime[x.signal[i]]) actionsPerAccount[x.account[i]]++;
        }
        // the popularity curve of public news: the share of its pairs of actions within the window
        int active = 0;
        for (int a = 0; a < na; a++) if (rowsPerAccount[a] >= c.minParticipation()) active++;
        long newsAbove = Math.max(CoordinationConfig.POPULAR_MIN_ACCOUNTS, (long) Math.ceil(c.popularShare() * active));
        for (int o = 0; o < nobj; o++) popular[o] = c.popularShare() > 0 && objectAccounts[o] > newsAbove;
        long[] within = new long[nobj];
        PairKernel.sweep(timed.object, timed.time, timed.signal, window, Integer.MAX_VALUE, within, (i, end) -> {});
        double[] curve = new double[nobj];
        for (int o = 0; o < nobj; o++) {
            long rows = objStart[o + 1] - objStart[o];
            if (popular[o] && rows > 1) curve[o] = Math.min(1, within[o] / (rows * (rows - 1) / 2.0));
        }
        return new ActionIndex(x, timed, rare, window, gap, jitter, anyTime, incidences, cooc, objectAccounts,
                c.maxObjectAccounts(), curve,
                actionsPerAccount, ignored, droppedObjects, resolution);
    }

    private static void put(Rows rows, int k, Actions x, int i) {
        rows.object[k] = x.object[i];
        rows.account[k] = x.account[i];
        rows.row[k] = i;
        rows.post[k] = x.content[i] >= 0 ? x.content[i] : -2 - i;
        rows.time[k] = x.time[i];
        rows.signal[k] = x.signal[i];
    }

    /** Windows of the null's reach: a pair of actions further apart than window + 2D can never co-act. */
    long[] reach() {
        long[] r = new long[window.length];
        for (int s = 0; s < r.length; s++) r[s] = window[s] < 0 ? -1 : window[s] + 2 * jitter[s];
        return r;
    }

    /** Windows of the co-occurrence index: any time for every signal. */
    long[] anyTimeWindows() {
        long[] r = new long[window.length];
        Arrays.fill(r, Long.MAX_VALUE);
        return r;
    }

    /** Episode gaps of the co-occurrence index: every rare object is one episode. */
    long[] anyTimeGaps() {
        long[] r = new long[window.length];
        Arrays.fill(r, Long.MAX_VALUE);
        return r;
    }
}
