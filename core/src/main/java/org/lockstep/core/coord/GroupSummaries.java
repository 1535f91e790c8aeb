package org.lockstep.core.coord;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lockstep.core.model.AccountSnapshot;

/**
 * Stage 7: what a person reads about each Leiden group: size, density, signals, active span, the objects it
 * co-acted on most, who acted first most often (leaders), and when its accounts were created.
 */
final class GroupSummaries {
    private GroupSummaries() {}


    static List<GroupStats> build(Actions x, Edges edges, int[] pi, int[] pj, int[] pe, int np, int[] group,
            int[] component, int[] members, long[] createdAt) {
        int ng = 0;
        for (int v : members) ng = Math.max(ng, group[v] + 1);
        List<GroupStats> out = new ArrayList<>(ng);
        if (ng == 0) return out;
        int[] size = new int[ng];
        for (int v : members) size[group[v]]++;
        int[][] mem = new int[ng][];
        for (int g = 0; g < ng; g++) mem[g] = new int[size[g]];
        int[] f = new int[ng];
        for (int v : members) mem[group[v]][f[group[v]]++] = v;
        int[] gEdges = new int[ng], gSignals = new int[ng];
        long[] gCo = new long[ng];
        for (int e = 0; e < edges.size; e++) {
            int g = group[edges.a[e]];
            if (g != group[edges.b[e]]) continue;
            gEdges[g]++;
            gSignals[g] |= edges.signals[e];
        }
        long[] first = new long[ng], last = new long[ng];
        Arrays.fill(first, Long.MAX_VALUE);
        Arrays.fill(last, Long.MIN_VALUE);
        Long2IntOpenHashMap objCount = new Long2IntOpenHashMap();
        Long2IntOpenHashMap leaderCount = new Long2IntOpenHashMap();
        // the sweep gives the pairs object by object, mostly with the same earlier account in a row: counts are
        // summed over runs of the same key and added to the maps once per run (35 M pairs on a storm)
        long objKey = -1, leadKey = -1;
        int objRun = 0, leadRun = 0;
        for (int k = 0; k < np; k++) {
            int e = pe[k];
            int g = group[edges.a[e]];
            if (g != group[edges.b[e]]) continue;
            int i = pi[k], j = pj[k];
            gCo[g]++;
            first[g] = Math.min(first[g], Math.min(x.time[i], x.time[j]));
            last[g] = Math.max(last[g], Math.max(x.time[i], x.time[j]));
            long ok = ((long) g << 32) | x.object[i];
            if (ok != objKey) {
                if (objRun > 0) objCount.addTo(objKey, objRun);
                objKey = ok;
                objRun = 0;
            }
            objRun++;
            if (x.time[i] != x.time[j]) {
                int lead = x.time[i] < x.time[j] ? x.account[i] : x.account[j];
                long lk = ((long) g << 32) | lead;
                if (lk != leadKey) {
                    if (leadRun > 0) leaderCount.addTo(leadKey, leadRun);
                    leadKey = lk;
                    leadRun = 0;
                }
                leadRun++;
            }
        }
        if (objRun > 0) objCount.addTo(objKey, objRun);
        if (leadRun > 0) leaderCount.addTo(leadKey, leadRun);
        List<List<GroupStats.ObjectCount>> tops = new ArrayList<>();
        List<List<GroupStats.Leader>> leads = new ArrayList<>();
        for (int g = 0; g < ng; g++) { tops.add(new ArrayList<>()); leads.add(new ArrayList<>()); }
        for (var en : objCount.long2IntEntrySet()) {
            int g = (int) (en.getLongKey() >>> 32), o = (int) en.getLongKey();
            tops.get(g).add(new GroupStats.ObjectCount(o, x.objectSignal(o), null, en.getIntValue()));
        }
        for (var en : leaderCount.long2IntEntrySet()) {
            int g = (int) (en.getLongKey() >>> 32), a = (int) en.getLongKey();
            leads.get(g).add(new GroupStats.Leader(a, en.getIntValue()));
        }
        for (int g = 0; g < ng; g++) {
            List<GroupStats.ObjectCount> top = tops.get(g);
            top.sort((u, v) -> u.coActions() != v.coActions() ? Integer.compare(v.coActions(), u.coActions())
                    : Integer.compare(u.object(), v.object()));
            List<GroupStats.ObjectCount> named = new ArrayList<>();
            for (int i = 0; i < Math.min(10, top.size()); i++) {
                GroupStats.ObjectCount oc = top.get(i);
                named.add(new GroupStats.ObjectCount(oc.object(), oc.signal(), x.objectName(oc.object()), oc.coActions()));
            }
            List<GroupStats.Leader> ld = leads.get(g);
            ld.sort((u, v) -> u.timesFirst() != v.timesFirst() ? Integer.compare(v.timesFirst(), u.timesFirst())
                    : Integer.compare(u.account(), v.account()));
            if (ld.size() > 10) ld = new ArrayList<>(ld.subList(0, 10));
            int[] m = mem[g];
            long n = m.length;
            double density = n < 2 ? 0 : gEdges[g] / (n * (n - 1) / 2.0);
            long[] created = new long[m.length];
            int known = 0;
            if (createdAt != null) {
                for (int v : m) if (v < createdAt.length && createdAt[v] != AccountSnapshot.UNKNOWN) created[known++] = createdAt[v];
            }
            Arrays.sort(created, 0, known);
            long cmin = known > 0 ? created[0] : AccountSnapshot.UNKNOWN;
            long cmax = known > 0 ? created[known - 1] : AccountSnapshot.UNKNOWN;
            long cmed = known > 0 ? created[known / 2] : AccountSnapshot.UNKNOWN;
            out.add(new GroupStats(g, component[m[0]], m, gEdges[g], density, gSignals[g],
                    first[g] == Long.MAX_VALUE ? AccountSnapshot.UNKNOWN : first[g],
                    last[g] == Long.MIN_VALUE ? AccountSnapshot.UNKNOWN : last[g], gCo[g], List.copyOf(named),
                    List.copyOf(ld), known, cmin, cmax, cmed));
        }
        return out;
    }
}
