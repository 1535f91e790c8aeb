package org.lockstep.core.accounts;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.lockstep.core.model.AccountSnapshot;
import org.lockstep.core.model.AccountTable;
import org.lockstep.core.model.PostKind;
import org.lockstep.core.model.PostTable;

/**
 * Explainable per-account signals of fabricated or automated accounts ({@link AccountFeature}) and a
 * combined logistic score. Features follow the account-metadata and timing families of Varol et al. 2017
 * ("Online human-bot interactions: detection, estimation, and characterization") and the minimal
 * metadata model of Yang et al. 2020 ("Scalable and generalizable social bot detection through data
 * selection"), plus creation batches that later act together (the persona factories of Ferrara 2017,
 * "Disinformation and social bot operations in the run up to the 2017 French presidential election").
 *
 * <p>One pass over the time-ordered rows for rates and rhythm, one sort of creation times for batches.
 */
public final class AccountSignals {
    private static final long DAY = 86_400_000L;
    private final AccountSignalsConfig config;

    public AccountSignals(AccountSignalsConfig config) {
        this.config = config;
    }

    /**
     * Computes the signals of every account of {@code table}.
     *
     * @param group coordination group per account id (-1 when none), or null when unknown
     */
    public AccountSignalsResult compute(PostTable table, int[] group) {
        int na = table.accounts().size();
        AccountTable info = table.accountInfo();
        int nf = AccountFeature.count();
        double[][] f = new double[nf][na];

        int[] posts = new int[na], reposts = new int[na], gapsN = new int[na], shortGaps = new int[na];
        long[] first = new long[na], last = new long[na];
        Arrays.fill(first, Long.MAX_VALUE);
        Arrays.fill(last, Long.MIN_VALUE);
        double[] gapSum = new double[na], gapSq = new double[na];
        int[] hours = new int[na * 24];
        int[] langPosts = new int[na], langMismatch = new int[na];
        String[][] locLangs = new String[na][];
        boolean[] locKnown = new boolean[na];
        for (int a = 0; a < na; a++) {
            locLangs[a] = LocationLanguages.languages(info.location[a]);
            locKnown[a] = locLangs[a] != null;
        }
        for (int r = 0; r < table.size(); r++) {
            int a = table.account(r);
            long t = table.time(r);
            posts[a]++;
            if (table.kind(r) == PostKind.REPOST.ordinal()) reposts[a]++;
            if (last[a] != Long.MIN_VALUE) {
                double g = (t - last[a]) / 1000.0;
                gapsN[a]++;
                gapSum[a] += g;
                gapSq[a] += g * g;
                if (t - last[a] <= config.burstGapMs()) shortGaps[a]++;
            }
            if (first[a] == Long.MAX_VALUE) first[a] = t;
            last[a] = t;
            hours[a * 24 + (int) Math.floorMod(t / 3_600_000L, 24L)]++;
            int l = table.lang(r);
            if (locKnown[a] && l >= 0 && table.kind(r) != PostKind.REPOST.ordinal()) {
                String ls = table.langs().get(l);
                if (!ls.equals("und") && !ls.equals("zxx")) {
                    langPosts[a]++;
                    if (!LocationLanguages.spoken(locLangs[a], ls)) langMismatch[a]++;
                }
            }
        }

        boolean[] active = new boolean[na];
        double[] ageDays = new double[na], perDay = new double[na];
        boolean[] hyper = new boolean[na];
        for (int a = 0; a < na; a++) {
            if (posts[a] == 0) continue;
            active[a] = true;
            long created = info.createdAt[a];
            double age = created == AccountSnapshot.UNKNOWN ? Double.NaN : Math.max(0, (first[a] - created) / (double) DAY);
            ageDays[a] = age;
            if (!Double.isNaN(age)) f[AccountFeature.YOUNG_ACCOUNT.ordinal()][a] = Math.max(0, 1 - age / config.youngDays());
            f[AccountFeature.HANDLE_PATTERN.ordinal()][a] = HandlePatterns.score(info.handle[a]);
            int dk = 0; double dv = 0;
            if (info.defaultProfile[a] >= 0) { dk++; dv += info.defaultProfile[a]; }
            if (info.defaultAvatar[a] >= 0) { dk++; dv += info.defaultAvatar[a]; }
            if (dk > 0) f[AccountFeature.DEFAULT_PROFILE.ordinal()][a] = dv / dk;
            long fo = info.followers[a], fr = info.following[a];
            if (fo != AccountSnapshot.UNKNOWN && fr != AccountSnapshot.UNKNOWN) {
                f[AccountFeature.FOLLOW_RATIO.ordinal()][a] = clamp(Math.log10((fr + 1.0) / (fo + 1.0)) / 2);
            }
            double lifeAge = created == AccountSnapshot.UNKNOWN || info.snapshotTime[a] == AccountSnapshot.UNKNOWN ? Double.NaN
                    : Math.max(1.0, (info.snapshotTime[a] - created) / (double) DAY);
            if (fr != AccountSnapshot.UNKNOWN && !Double.isNaN(lifeAge)) {
                f[AccountFeature.FOLLOWING_GROWTH.ordinal()][a] = clamp(fr / lifeAge / 50.0);
            }
            double span = Math.max(1.0, (last[a] - first[a]) / (double) DAY);
            double rate = posts[a] / span;
            if (info.posts[a] != AccountSnapshot.UNKNOWN && !Double.isNaN(lifeAge)) rate = Math.max(rate, info.posts[a] / lifeAge);
            perDay[a] = rate;
            hyper[a] = rate > config.hyperactivePerDay();
            f[AccountFeature.POSTING_RATE.ordinal()][a] = clamp(rate / config.hyperactivePerDay());
            if (gapsN[a] >= 5) {
                double mean = gapSum[a] / gapsN[a];
                double var = Math.max(0, gapSq[a] / gapsN[a] - mean * mean);
                double cv = mean > 0 ? Math.sqrt(var) / mean : 0;
                f[AccountFeature.REGULARITY.ordinal()][a] = clamp(1 - cv);
                f[AccountFeature.BURSTS.ordinal()][a] = shortGaps[a] / (double) gapsN[a];
            }
            if (posts[a] >= 24) {
                double h = 0;
                for (int k = 0; k < 24; k++) {
                    int c = hours[a * 24 + k];
                    if (c > 0) { double p = c / (double) posts[a]; h -= p * Math.log(p); }
                }
                double norm = h / Math.log(24);
                f[AccountFeature.ROUND_THE_CLOCK.ordinal()][a] = clamp((norm - 0.85) / 0.15);
            }
            f[AccountFeature.REPOST_SHARE.ordinal()][a] = reposts[a] / (double) posts[a];
            if (langPosts[a] >= 3) f[AccountFeature.LANGUAGE_MISMATCH.ordinal()][a] = langMismatch[a] / (double) langPosts[a];
        }

        // profile reuse across accounts
        double[] reuse = f[AccountFeature.PROFILE_REUSE.ordinal()];
        addReuse(info.displayName, active, reuse, false);
        addReuse(info.description, active, reuse, false);
        addReuse(info.avatarUrl, active, reuse, true);

        // creation batches
        List<CreationBatch> batches = findBatches(table, active, group);
        int[] batchOf = new int[na];
        Arrays.fill(batchOf, -1);
        double[] cb = f[AccountFeature.CREATION_BATCH.ordinal()];
        for (CreationBatch b : batches) {
            for (int a : b.members()) {
                batchOf[a] = b.id();
                cb[a] = b.actsTogether() ? 1.0 : 0.25;
            }
        }

        double[] score = new double[na];
        double[] x = new double[nf];
        for (int a = 0; a < na; a++) {
            if (!active[a]) continue;
            for (int k = 0; k < nf; k++) x[k] = f[k][a];
            score[a] = config.model().probability(x);
        }
        return new AccountSignalsResult(table, config.model(), f, score, active, ageDays, perDay, hyper, posts,
                batchOf, batches);
    }

    private void addReuse(String[] values, boolean[] active, double[] out, boolean avatar) {
        Object2IntOpenHashMap<String> counts = new Object2IntOpenHashMap<>();
        String[] key = new String[values.length];
        for (int a = 0; a < values.length; a++) {
            if (!active[a] || values[a] == null) continue;
            String v = values[a].strip().toLowerCase(Locale.ROOT);
            if (v.length() < 4) continue;
            if (avatar && (v.contains("default_profile") || v.contains("default-avatar") || v.contains("/default"))) continue;
            key[a] = v;
            counts.addTo(v, 1);
        }
        for (int a = 0; a < values.length; a++) {
            if (key[a] == null) continue;
            int c = counts.getInt(key[a]);
            if (c >= config.minReuse() && c <= config.maxReuse()) out[a] += 1.0 / 3.0;
        }
    }

    private List<CreationBatch> findBatches(PostTable table, boolean[] active, int[] group) {
        AccountTable info = table.accountInfo();
        int na = active.length;
        int m = 0;
        long[] keys = new long[na];
        int[] ids = new int[na];
        for (int a = 0; a < na; a++) {
            if (active[a] && info.createdAt[a] != AccountSnapshot.UNKNOWN) { ids[m++] = a; }
        }
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) order[i] = ids[i];
        Arrays.sort(order, (p, q) -> Long.compare(info.createdAt[p], info.createdAt[q]));
        if (m < config.batchMinSize()) return List.of();
        for (int i = 0; i < m; i++) keys[i] = info.createdAt[order[i]];
        double meanGap = (keys[m - 1] - keys[0]) / (double) Math.max(1, m - 1);
        long gap = (long) Math.min(config.batchGapMs(), Math.max(1000.0, meanGap / 10));

        // account -> rows index for co-activity, built lazily only when batches exist
        List<int[]> runs = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= m; i++) {
            if (i == m || keys[i] - keys[i - 1] > gap) {
                if (i - start >= config.batchMinSize()) {
                    int[] mem = new int[i - start];
                    for (int k = start; k < i; k++) mem[k - start] = order[k];
                    runs.add(mem);
                }
                start = i;
            }
        }
        if (runs.isEmpty()) return List.of();
        int[] batchOf = new int[na];
        Arrays.fill(batchOf, -1);
        int[] slot = new int[na];
        for (int b = 0; b < runs.size(); b++) {
            int[] mem = runs.get(b);
            if (mem.length > 65_535) throw new IllegalStateException("creation batch larger than 65535 accounts");
            for (int i = 0; i < mem.length; i++) { batchOf[mem[i]] = b; slot[mem[i]] = i; }
        }

        // distinct members per object, per batch: set of (object, member) pairs
        int nb = runs.size();
        it.unimi.dsi.fastutil.longs.LongOpenHashSet[] pairs = new it.unimi.dsi.fastutil.longs.LongOpenHashSet[nb];
        Long2IntOpenHashMap[] perBatch = new Long2IntOpenHashMap[nb];
        for (int b = 0; b < nb; b++) { pairs[b] = new it.unimi.dsi.fastutil.longs.LongOpenHashSet(); perBatch[b] = new Long2IntOpenHashMap(); }
        long[] objs = new long[64];
        int activeCount = 0;
        for (boolean x : active) if (x) activeCount++;
        for (int r = 0; r < table.size(); r++) {
            int a = table.account(r);
            int b = batchOf[a];
            if (b < 0) continue;
            int no = objects(table, r, objs);
            for (int k = 0; k < no; k++) {
                if (pairs[b].add((objs[k] << 16) | slot[a])) perBatch[b].addTo(objs[k], 1);
            }
        }
        // overall distinct users of each batch's candidate objects
        Long2IntOpenHashMap candidates = new Long2IntOpenHashMap();
        candidates.defaultReturnValue(-1);
        for (int b = 0; b < nb; b++) {
            int size = runs.get(b).length;
            for (Long2IntOpenHashMap.Entry e : perBatch[b].long2IntEntrySet()) {
                if (e.getIntValue() >= config.actTogetherShare() * size && !candidates.containsKey(e.getLongKey())) {
                    candidates.put(e.getLongKey(), candidates.size());
                }
            }
        }
        int[] users = new int[candidates.size()];
        if (!candidates.isEmpty()) {
            it.unimi.dsi.fastutil.longs.LongOpenHashSet seen = new it.unimi.dsi.fastutil.longs.LongOpenHashSet();
            for (int r = 0; r < table.size(); r++) {
                int no = objects(table, r, objs);
                for (int k = 0; k < no; k++) {
                    int c = candidates.get(objs[k]);
                    if (c >= 0 && seen.add(((long) c << 32) | table.account(r))) users[c]++;
                }
            }
        }
        List<Long2IntOpenHashMap> perBatchList = java.util.Arrays.asList(perBatch);
        List<CreationBatch> out = new ArrayList<>();
        for (int b = 0; b < runs.size(); b++) {
            int[] mem = runs.get(b);
            long bestObj = -1;
            double bestShare = 0, bestLift = 0;
            for (Long2IntOpenHashMap.Entry e : perBatchList.get(b).long2IntEntrySet()) {
                int c = candidates.get(e.getLongKey());
                if (c < 0) continue;
                double share = e.getIntValue() / (double) mem.length;
                double overall = users[c] / (double) activeCount;
                double lift = overall > 0 ? share / overall : 0;
                if (share > bestShare || share == bestShare && lift > bestLift) {
                    bestShare = share; bestLift = lift; bestObj = e.getLongKey();
                }
            }
            double groupShare = 0;
            if (group != null) {
                Int2IntOpenHashMap gc = new Int2IntOpenHashMap();
                int best = 0;
                for (int a : mem) if (a < group.length && group[a] >= 0) best = Math.max(best, gc.addTo(group[a], 1) + 1);
                groupShare = best / (double) mem.length;
            }
            boolean acts = bestShare >= config.actTogetherShare() && bestLift >= config.actTogetherLift()
                    || groupShare >= config.actTogetherShare();
            out.add(new CreationBatch(b, mem, info.createdAt[mem[0]], info.createdAt[mem[mem.length - 1]], acts,
                    bestObj < 0 ? null : label(table, bestObj), bestShare, bestLift, groupShare));
        }
        return out;
    }

    /** Hashtags, URLs and referenced posts of row {@code r}, as namespaced keys. */
    private static int objects(PostTable table, int r, long[] objs) {
        int no = 0;
        for (int j = table.hashtags().start(r); j < table.hashtags().end(r) && no < 60; j++) objs[no++] = key(0, table.hashtags().value(j));
        for (int j = table.urls().start(r); j < table.urls().end(r) && no < 60; j++) objs[no++] = key(1, table.urls().value(j));
        if (table.repostOf(r) >= 0) objs[no++] = key(2, table.repostOf(r));
        if (table.quoteOf(r) >= 0) objs[no++] = key(2, table.quoteOf(r));
        return no;
    }

    private static long key(int ns, int id) {
        return ((long) ns << 32) | (id & 0xffffffffL);
    }

    private static String label(PostTable t, long key) {
        int ns = (int) (key >>> 32), id = (int) key;
        return switch (ns) {
            case 0 -> "#" + t.tags().get(id);
            case 1 -> t.urlIds().get(id);
            default -> "post:" + t.posts().get(id);
        };
    }

    static double clamp(double v) {
        return v < 0 ? 0 : v > 1 ? 1 : Double.isNaN(v) ? 0 : v;
    }
}
