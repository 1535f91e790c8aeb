package org.lockstep.core.coord;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.Arrays;

/**
 * Stage 5: every pair of actions behind the kept edges, found by sweeping again over the network's
 * accounts only: the co-actions within the window (the viral bound checked on positions in the full order,
 * so exactly the pairs the count saw), and the rare objects the two accounts share at any other time (the
 * co-occurrence test's evidence: a relay minutes or hours later).
 */
final class EvidenceSweep {
    private EvidenceSweep() {}

    /** Pairs (action indices into {@link Actions}, earlier first) behind the kept edges. */
    static final class Pairs {
        int[] i = new int[1024], j = new int[1024], e = new int[1024];
        boolean[] within = new boolean[1024];
        int size;

        void add(int ai, int aj, int edge, boolean inWindow) {
            if (size == i.length) {
                i = Arrays.copyOf(i, size * 2);
                j = Arrays.copyOf(j, size * 2);
                e = Arrays.copyOf(e, size * 2);
                within = Arrays.copyOf(within, size * 2);
            }
            i[size] = ai;
            j[size] = aj;
            e[size] = edge;
            within[size] = inWindow;
            size++;
        }
    }

    /** Sweeps for the edges {@code keys} (ascending). */
    static Pairs sweep(ActionIndex ix, long[] keys, int maxPartners) {
        int na = ix.actions.accountCount();
        Long2IntOpenHashMap edgeOf = new Long2IntOpenHashMap(Math.max(16, keys.length));
        edgeOf.defaultReturnValue(-1);
        boolean[] inNet = new boolean[na];
        for (int e = 0; e < keys.length; e++) {
            edgeOf.put(keys[e], e);
            inNet[PairKernel.keyA(keys[e])] = inNet[PairKernel.keyB(keys[e])] = true;
        }
        Pairs out = new Pairs();
        ActionIndex.Rows t = ix.timed;
        Sub f = Sub.of(t, inNet);
        PairKernel.run(f.object, f.account, f.time, f.signal, ix.window, Integer.MAX_VALUE, null, (i, j) -> {
            if (f.pos[j] - f.pos[i] > maxPartners) return;
            int e = edgeOf.get(PairKernel.key(f.account[i], f.account[j]));
            if (e >= 0) out.add(t.row[f.pos[i]], t.row[f.pos[j]], e, true);
        });
        ActionIndex.Rows r = ix.rare;
        Sub g = Sub.of(r, inNet);
        long[] any = ix.anyTimeWindows();
        PairKernel.run(g.object, g.account, g.time, g.signal, any, Integer.MAX_VALUE, null, (i, j) -> {
            int s = g.signal[i];
            // within the window on a timed signal: the first sweep has it already
            if (ix.window[s] >= 0 && g.time[j] - g.time[i] <= ix.window[s]) return;
            int e = edgeOf.get(PairKernel.key(g.account[i], g.account[j]));
            if (e >= 0) out.add(r.row[g.pos[i]], r.row[g.pos[j]], e, false);
        });
        return out;
    }

    /** The rows of the network's accounts, with their positions in the full order. */
    private record Sub(int[] object, int[] account, long[] time, byte[] signal, int[] pos) {
        static Sub of(ActionIndex.Rows r, boolean[] inNet) {
            int n = 0;
            for (int k = 0; k < r.size(); k++) if (inNet[r.account[k]]) n++;
            int[] o = new int[n], a = new int[n], pos = new int[n];
            long[] t = new long[n];
            byte[] s = new byte[n];
            n = 0;
            for (int k = 0; k < r.size(); k++) {
                if (!inNet[r.account[k]]) continue;
                o[n] = r.object[k];
                a[n] = r.account[k];
                t[n] = r.time[k];
                s[n] = r.signal[k];
                pos[n++] = k;
            }
            return new Sub(o, a, t, s, pos);
        }
    }
}
