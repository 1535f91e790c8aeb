package org.lockstep.core.campaigns;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lockstep.core.model.AccountSnapshot;
import org.lockstep.core.model.PostKind;
import org.lockstep.core.model.PostTable;

/**
 * Finds entities pushed artificially: multi-scale burst detection (Poisson z-score of a sliding window's
 * count against the larger of the entity's own past rate and its past share of the platform's volume,
 * cf. Kleinberg 2002 "Bursty and hierarchical structure in streams" for the multi-scale view) fed with
 * each entity's occurrences in time order, exactly as an online detector would see them, so
 * {@code firstFlaggedAt} is the earliest data time at which the detector fires. A bursting window is
 * flagged when its manipulation score ({@link ManipulationWeights}: coordinated, inauthentic, new, batch,
 * hyperactive accounts and repetition) reaches the threshold; an organic viral event bursts but is not
 * flagged. For each bursting entity the whole episode is profiled (breakdown, language shift, first
 * spreaders, cascade, bridges, timeline, BotSlayer-CE baseline).
 *
 * <p>The per-account inputs (inauthenticity scores, hyperactivity, coordination groups) are computed on
 * the whole case before the pass; an online deployment computes them on data to date.
 */
public final class CampaignDetector {
    private final CampaignConfig config;

    public CampaignDetector(CampaignConfig config) {
        this.config = config;
    }

    /** Per-account inputs; any array may be null when unknown. Indexed by the table's account ids. */
    public record AccountInputs(double[] inauthenticity, boolean[] hyperactive, int[] group, boolean[] actingBatch) {
        public static AccountInputs none() { return new AccountInputs(null, null, null, null); }
    }

    /** Candidate found in the streaming pass. */
    private record Hit(int entity, int firstBurst, int lastBurst, int flagIdx, double scoreAtFlag, long firstBurstScale,
                       double[] peakZ, int[] peakCount, double[] peakExpected, long[] peakAt, long[] firstAt) {}

    public CampaignResult detect(EntityIndex idx, AccountInputs inputs) {
        PostTable t = idx.table();
        int ne = idx.size();
        if (t.size() == 0) return new CampaignResult(List.of(), ne, 0, 0, 0, config);
        long t0 = t.time(0);
        // platform volume per minute, cumulative: P(x) = rows with time < minute(x)
        long minute = CampaignConfig.MINUTE;
        int minutes = (int) ((t.time(t.size() - 1) - t0) / minute) + 2;
        int[] cum = new int[minutes + 1];
        for (int r = 0; r < t.size(); r++) cum[(int) ((t.time(r) - t0) / minute) + 1]++;
        for (int m = 0; m < minutes; m++) cum[m + 1] += cum[m];

        int minTest = Math.max(config.minEntityCount(), Arrays.stream(config.minCount()).min().getAsInt());
        int tested = 0;
        for (int e = 0; e < ne; e++) if (idx.count(e) >= minTest) tested++;
        // entities are independent: scan them on all cores, each worker with its own scratch arrays
        int threads = config.effectiveThreads();
        List<Hit> hits = parallel(threads, ne, 256, (e, s) -> idx.count(e) >= minTest ? scan(idx, e, inputs, cum, t0, s) : null,
                t.accounts().size());
        hits.sort(Comparator.comparingInt(Hit::entity));
        int[] ownLang = hits.isEmpty() ? null : ownLanguages(t);
        List<Campaign> out = parallel(threads, hits.size(), 1, (i, s) -> profile(idx, hits.get(i), inputs, s, ownLang),
                t.accounts().size());
        double[] bot = null;
        out.sort(Comparator.comparing((Campaign c) -> !c.flagged()).thenComparing(Comparator.comparingDouble(Campaign::score).reversed())
                .thenComparing(Comparator.comparingInt((Campaign c) -> c.profile().posts()).reversed()));
        int flagged = 0;
        for (Campaign c : out) if (c.flagged()) flagged++;
        if (out.size() > config.maxCampaigns()) out = new ArrayList<>(out.subList(0, config.maxCampaigns()));
        if (config.botSlayerCampaigns() > 0 && !out.isEmpty()) {
            bot = BotSlayerBaseline.botRulerScores(t);
            BotSlayerBaseline.Scratch bss = new BotSlayerBaseline.Scratch(idx);
            int nb = Math.min(out.size(), config.botSlayerCampaigns());
            // window end: the peak of the largest scale that counted, rounded up to 5 minutes so that
            // campaigns peaking together share one ranking pass; computed in order of window end
            long[] ends = new long[nb];
            Integer[] order = new Integer[nb];
            for (int i = 0; i < nb; i++) {
                Campaign c = out.get(i);
                long end = c.firstBurstAt();
                for (Campaign.ScaleBurst sb : c.bursts()) if (sb.peakCount() > 0) end = sb.at();
                long q = 5 * CampaignConfig.MINUTE;
                ends[i] = Math.floorDiv(end + q - 1, q) * q;
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparingLong(i -> ends[i]));
            for (int i : order) out.set(i, withBotSlayer(out.get(i), bss.level(bot, ends[i], out.get(i).entityId())));
        }
        return new CampaignResult(List.copyOf(out), ne, tested, hits.size(), flagged, config);
    }

    private interface Task<T> {
        T run(int item, Scratch s);
    }

    /** Runs {@code task} over items 0..n-1 in chunks on {@code threads} threads; results (non-null) in item order. */
    private <T> List<T> parallel(int threads, int n, int chunk, Task<T> task, int accounts) {
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        @SuppressWarnings("unchecked")
        T[] res = (T[]) new Object[n];
        Runnable worker = () -> {
            Scratch s = new Scratch(accounts, config.scalesMs().length);
            int from;
            while ((from = next.getAndAdd(chunk)) < n) {
                for (int i = from; i < Math.min(n, from + chunk); i++) res[i] = task.run(i, s);
            }
        };
        if (threads == 1 || n < 2 * chunk) {
            worker.run();
        } else {
            // any failure of a worker, an Error included, fails the whole call
            org.lockstep.core.concurrent.Workers.run(config.executor(), java.util.Collections.nCopies(threads, worker));
        }
        List<T> out = new ArrayList<>();
        for (T x : res) if (x != null) out.add(x);
        return out;
    }

    private static Campaign withBotSlayer(Campaign c, Campaign.BotSlayer b) {
        return new Campaign(c.entityId(), c.entity(), c.type(), c.flagged(), c.score(), c.scoreAtFlag(), c.firstFlaggedAt(),
                c.firstBurstAt(), c.firstBurstScaleMs(), c.episodeStart(), c.episodeEnd(), c.bursts(), c.profile(),
                c.languageShift(), c.origin(), c.cascade(), c.bridges(), c.timeline(), b);
    }

    /** Reusable per-account scratch arrays (cleared after each entity). */
    private static final class Scratch {
        final int[] count;
        final IntArrayList touched = new IntArrayList();
        final int[] lo;
        Scratch(int accounts, int scales) {
            count = new int[accounts];
            lo = new int[scales];
        }
        void clear() {
            for (int i = 0; i < touched.size(); i++) count[touched.getInt(i)] = 0;
            touched.clear();
        }
    }

    /** Window sums of the manipulation indicators (posts counted). */
    private static final class Window {
        int posts, known, newAcc, hyper, coord, inauth, batch, accounts;
    }

    private Hit scan(EntityIndex idx, int e, AccountInputs in, int[] cum, long t0, Scratch s) {
        PostTable t = idx.table();
        int[] rows = idx.rowArray();
        int off = idx.rowsStart(e), n = idx.count(e);
        long[] scales = config.scalesMs();
        int[] minCount = config.minCount();
        int ns = scales.length, big = ns - 1;
        Arrays.fill(s.lo, 0);
        double[] peakZ = new double[ns], peakExp = new double[ns];
        int[] peakCount = new int[ns];
        long[] peakAt = new long[ns], firstAt = new long[ns];
        Arrays.fill(firstAt, Long.MIN_VALUE);
        Arrays.fill(peakZ, Double.NEGATIVE_INFINITY);
        int firstBurst = -1, lastBurst = -1, flagIdx = -1;
        long firstScale = 0;
        double scoreAtFlag = Double.NaN;
        Window w = new Window();
        double[] wt = weights(in);
        // an entity already present when the data starts has unknown history: test it only once a full
        // minHistory of data precedes the window (warm-up); an entity first seen later is new, tested at once
        boolean presentAtStart = t.time(rows[off]) < t0 + config.minHistoryMs();
        for (int i = 0; i < n; i++) {
            int r = rows[off + i];
            long ti = t.time(r);
            add(w, t, r, in, s, +1);
            boolean burst = false;
            for (int k = 0; k < ns; k++) {
                int lo = s.lo[k];
                while (t.time(rows[off + lo]) <= ti - scales[k]) {
                    if (k == big) add(w, t, rows[off + lo], in, s, -1);
                    lo++;
                }
                s.lo[k] = lo;
                int c = i - lo + 1;
                if (c < minCount[k]) continue;
                long winStart = ti - scales[k];
                if (presentAtStart && winStart < t0 + config.minHistoryMs()) continue;
                double hist = Math.max(config.minHistoryMs(), winStart - t0);
                double own = lo / hist * scales[k];
                int platBefore = platform(cum, t0, winStart + 1);
                int platWin = platform(cum, t0, ti + 1) - platBefore;
                double plat = platBefore > 0 ? lo / (double) platBefore * platWin : 0;
                double lambda = Math.max(config.minExpected(), Math.max(own, plat));
                double z = (c - lambda) / Math.sqrt(lambda);
                if (z > peakZ[k]) { peakZ[k] = z; peakCount[k] = c; peakExp[k] = lambda; peakAt[k] = ti; }
                if (z >= config.zMin()) {
                    if (firstAt[k] == Long.MIN_VALUE) firstAt[k] = ti;
                    if (!burst && firstBurst < 0) firstScale = scales[k];
                    burst = true;
                }
            }
            if (!burst) continue;
            if (firstBurst < 0) firstBurst = i;
            lastBurst = i;
            if (flagIdx < 0 && w.accounts >= config.minAccounts()) {
                double score = windowScore(w, wt);
                if (score >= config.flagThreshold()) { flagIdx = i; scoreAtFlag = score; }
            }
        }
        // clear per-account counts of the last window
        s.clear();
        if (firstBurst < 0) return null;
        return new Hit(e, firstBurst, lastBurst, flagIdx, scoreAtFlag, firstScale, peakZ, peakCount, peakExp, peakAt, firstAt);
    }

    private static int platform(int[] cum, long t0, long x) {
        long m = (x - t0) / CampaignConfig.MINUTE;
        if (m < 0) return 0;
        if (m >= cum.length) return cum[cum.length - 1];
        return cum[(int) m];
    }

    private void add(Window w, PostTable t, int r, AccountInputs in, Scratch s, int sign) {
        int a = t.account(r);
        w.posts += sign;
        long created = t.accountInfo().createdAt[a];
        if (created != AccountSnapshot.UNKNOWN) {
            w.known += sign;
            if (t.time(r) - created < config.newAccountDays() * 86_400_000.0) w.newAcc += sign;
        }
        if (in.hyperactive() != null && in.hyperactive()[a]) w.hyper += sign;
        if (in.group() != null && a < in.group().length && in.group()[a] >= 0) w.coord += sign;
        if (in.inauthenticity() != null && in.inauthenticity()[a] >= config.inauthenticScore()) w.inauth += sign;
        if (in.actingBatch() != null && in.actingBatch()[a]) w.batch += sign;
        if (sign > 0) {
            if (s.count[a]++ == 0) { w.accounts++; s.touched.add(a); }
        } else if (--s.count[a] == 0) {
            w.accounts--;
        }
    }

    /** Effective weights in part order (coordinated, inauthentic, new, batch, hyperactive, repetition). */
    private double[] weights(AccountInputs in) {
        ManipulationWeights mw = config.weights();
        double[] w = {in.group() == null ? 0 : mw.coordinated(), in.inauthenticity() == null ? 0 : mw.inauthentic(),
                mw.newAccounts(), in.actingBatch() == null ? 0 : mw.creationBatch(),
                in.hyperactive() == null ? 0 : mw.hyperactive(), mw.repetition()};
        double sum = 0;
        for (double x : w) sum += x;
        if (sum > 0) for (int i = 0; i < w.length; i++) w[i] /= sum;
        return w;
    }

    private static double windowScore(Window w, double[] wt) {
        double p = Math.max(1, w.posts);
        return wt[0] * w.coord / p + wt[1] * w.inauth / p + wt[2] * (w.known == 0 ? 0 : w.newAcc / (double) w.known)
                + wt[3] * w.batch / p + wt[4] * w.hyper / p + wt[5] * (1 - w.accounts / p);
    }

    // ---------------------------------------------------------------- episode profile

    /**
     * Each account's own language: the majority language of its posts that are not reposts, by the
     * Boyer–Moore majority vote (one pass, two ints per account); exact whenever one language has more
     * than half of the account's posts, otherwise one of its frequent languages. -1 when none.
     */
    static int[] ownLanguages(PostTable t) {
        int na = t.accounts().size();
        int[] votes = new int[na], lang = new int[na];
        Arrays.fill(lang, -1);
        for (int r = 0; r < t.size(); r++) {
            int l = t.lang(r);
            if (t.kind(r) == PostKind.REPOST.ordinal() || l < 0) continue;
            int a = t.account(r);
            if (votes[a] == 0) { lang[a] = l; votes[a] = 1; }
            else if (lang[a] == l) votes[a]++;
            else votes[a]--;
        }
        return lang;
    }

    private Campaign profile(EntityIndex idx, Hit h, AccountInputs in, Scratch s, int[] ownLang) {
        PostTable t = idx.table();
        int[] rows = idx.rowArray();
        int off = idx.rowsStart(h.entity()), n = idx.count(h.entity());
        int a0 = h.firstBurst(), a1 = h.lastBurst();
        while (a0 > 0 && t.time(rows[off + a0]) - t.time(rows[off + a0 - 1]) < config.episodeGapMs()) a0--;
        while (a1 + 1 < n && t.time(rows[off + a1 + 1]) - t.time(rows[off + a1]) < config.episodeGapMs()) a1++;
        int m = a1 - a0 + 1;
        int[] ep = Arrays.copyOfRange(rows, off + a0, off + a1 + 1);
        long start = t.time(ep[0]), end = t.time(ep[m - 1]);

        // shares
        Window w = new Window();
        int reposts = 0, quotes = 0;
        Int2IntOpenHashMap langCount = new Int2IntOpenHashMap();
        for (int r : ep) {
            add(w, t, r, in, s, +1);
            if (t.kind(r) == PostKind.REPOST.ordinal()) reposts++;
            else if (t.kind(r) == PostKind.QUOTE.ordinal()) quotes++;
            langCount.addTo(t.lang(r), 1);
        }
        // concentration from per-account counts
        int[] perAcc = new int[s.touched.size()];
        for (int i = 0; i < perAcc.length; i++) perAcc[i] = s.count[s.touched.getInt(i)];
        Arrays.sort(perAcc);
        int top1 = Math.max(1, (int) Math.ceil(perAcc.length * 0.01));
        long sum1 = 0, sum10 = 0;
        for (int i = 0; i < perAcc.length; i++) {
            int rank = perAcc.length - 1 - i;
            if (rank < top1) sum1 += perAcc[i];
            if (rank < 10) sum10 += perAcc[i];
        }
        s.clear();
        double p = m;
        double[] wt = weights(in);
        double newShare = w.known == 0 ? 0 : w.newAcc / (double) w.known;
        List<Campaign.Part> parts = List.of(
                part("coordinated_groups", in.group() != null, w.coord / p, wt[0]),
                part("inauthentic_accounts", in.inauthenticity() != null, w.inauth / p, wt[1]),
                part("new_accounts", true, newShare, wt[2]),
                part("creation_batches", in.actingBatch() != null, w.batch / p, wt[3]),
                part("hyperactive_accounts", in.hyperactive() != null, w.hyper / p, wt[4]),
                part("repetition", true, 1 - w.accounts / p, wt[5]));
        double score = 0;
        for (Campaign.Part pt : parts) score += pt.contribution();

        Map<String, Integer> langs = new LinkedHashMap<>();
        langCount.int2IntEntrySet().stream()
                .sorted((x, y) -> Integer.compare(y.getIntValue(), x.getIntValue()))
                .forEach(x -> langs.put(langName(t, x.getIntKey()), x.getIntValue()));

        // growth: peak 5-minute window vs the 5 minutes before it
        long sc0 = config.scalesMs()[0];
        int peakIdx = -1, peak = 0;
        for (int i = 0, lo = 0; i < m; i++) {
            while (t.time(ep[lo]) <= t.time(ep[i]) - sc0) lo++;
            if (i - lo + 1 > peak) { peak = i - lo + 1; peakIdx = i; }
        }
        long peakEnd = t.time(ep[peakIdx]);
        int before = 0;
        for (int r : ep) if (t.time(r) > peakEnd - 2 * sc0 && t.time(r) <= peakEnd - sc0) before++;
        double growth = (peak + 1.0) / (before + 1.0);
        int peakHour = 0;
        for (int i = 0, lo = 0; i < m; i++) {
            while (t.time(ep[lo]) <= t.time(ep[i]) - CampaignConfig.HOUR) lo++;
            peakHour = Math.max(peakHour, i - lo + 1);
        }
        Campaign.Profile profile = new Campaign.Profile(m, w.accounts, peakHour, growth, newShare, w.hyper / p,
                w.coord / p, w.inauth / p, w.batch / p, reposts / p, quotes / p, 1 - w.accounts / p,
                perAcc.length == 0 ? 0 : sum1 / p, sum10 / p, langs, parts);

        List<Campaign.ScaleBurst> bursts = new ArrayList<>();
        long[] scales = config.scalesMs();
        for (int k = 0; k < scales.length; k++) {
            bursts.add(new Campaign.ScaleBurst(scales[k], h.peakZ()[k] == Double.NEGATIVE_INFINITY ? 0 : h.peakZ()[k],
                    h.peakCount()[k], h.peakExpected()[k], h.peakAt()[k],
                    h.firstAt()[k] == Long.MIN_VALUE ? null : h.firstAt()[k]));
        }
        Long flaggedAt = h.flagIdx() < 0 ? null : t.time(rows[off + h.flagIdx()]);
        long firstBurstAt = t.time(rows[off + h.firstBurst()]);
        return new Campaign(h.entity(), idx.label(h.entity()), idx.type(h.entity()), flaggedAt != null, score,
                h.scoreAtFlag(), flaggedAt, firstBurstAt, h.firstBurstScale(), start, end, bursts, profile,
                languageShift(t, ep), origin(t, ep), cascade(t, ep), bridges(t, ep, in.group(), ownLang), timeline(t, ep), null);
    }

    private static Campaign.Part part(String name, boolean measured, double share, double weight) {
        return new Campaign.Part(name, measured, share, weight, share * weight);
    }

    static String langName(PostTable t, int l) {
        return l < 0 ? "und" : t.langs().get(l);
    }

    private Campaign.LanguageShift languageShift(PostTable t, int[] ep) {
        int m = ep.length;
        int q = Math.max(1, m / 4), h = m / 2;
        Map<String, Double> early = dist(t, ep, 0, q), late = dist(t, ep, h, m);
        String from = null;
        double best = -1;
        for (Map.Entry<String, Double> x : early.entrySet()) if (x.getValue() > best) { best = x.getValue(); from = x.getKey(); }
        String to = null;
        double gain = 0, tv = 0;
        java.util.Set<String> all = new java.util.TreeSet<>(early.keySet());
        all.addAll(late.keySet());
        for (String l : all) {
            double d = late.getOrDefault(l, 0.0) - early.getOrDefault(l, 0.0);
            tv += Math.abs(d) / 2;
            if (d > gain) { gain = d; to = l; }
        }
        boolean shifted = to != null && !to.equals(from) && gain >= 0.2;
        Long at = null;
        if (shifted) {
            // first post from which `to` outnumbers `from` among the last 50 posts (sliding)
            int lf = t.langs().find(from), lt = t.langs().find(to);
            int cf = 0, ct = 0;
            for (int i = 0; i < m; i++) {
                int l = t.lang(ep[i]);
                if (l == lf) cf++; else if (l == lt) ct++;
                if (i >= 50) {
                    int o = t.lang(ep[i - 50]);
                    if (o == lf) cf--; else if (o == lt) ct--;
                }
                if (ct > cf) { at = t.time(ep[i]); break; }
            }
        }
        return new Campaign.LanguageShift(shifted, from, shifted ? to : null, at, tv, early, late);
    }

    private static Map<String, Double> dist(PostTable t, int[] ep, int from, int to) {
        Int2IntOpenHashMap c = new Int2IntOpenHashMap();
        int known = 0;
        for (int i = from; i < to; i++) {
            int l = t.lang(ep[i]);
            if (l < 0) continue;
            c.addTo(l, 1);
            known++;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        final int k = known;
        c.int2IntEntrySet().stream().sorted((x, y) -> Integer.compare(y.getIntValue(), x.getIntValue()))
                .forEach(x -> out.put(t.langs().get(x.getIntKey()), x.getIntValue() / (double) k));
        return out;
    }

    private Campaign.Origin origin(PostTable t, int[] ep) {
        List<Campaign.Spreader> first = new ArrayList<>();
        it.unimi.dsi.fastutil.ints.IntOpenHashSet seen = new it.unimi.dsi.fastutil.ints.IntOpenHashSet();
        for (int r : ep) {
            if (first.size() >= config.firstSpreaders()) break;
            if (seen.add(t.account(r))) {
                first.add(new Campaign.Spreader(t.accountId(r), handle(t, t.account(r)), t.time(r), t.kindOf(r).label(),
                        langName(t, t.lang(r)), t.postId(r)));
            }
        }
        long t0 = t.time(ep[0]);
        int[] within = new int[4];
        long[] lim = {CampaignConfig.MINUTE, 5 * CampaignConfig.MINUTE, 15 * CampaignConfig.MINUTE, 30 * CampaignConfig.MINUTE};
        double[] delays = new double[10];
        int nd = 0;
        for (int r : ep) {
            if (t.kind(r) != PostKind.REPOST.ordinal() && t.kind(r) != PostKind.QUOTE.ordinal()) continue;
            long d = t.time(r) - t0;
            for (int k = 0; k < 4; k++) if (d <= lim[k]) within[k]++;
            if (nd < 10) delays[nd++] = d / 1000.0;
            if (d > lim[3] && nd >= 10) break;
        }
        // amplified sources in order of first post
        it.unimi.dsi.fastutil.ints.Int2LongOpenHashMap firstAt = new it.unimi.dsi.fastutil.ints.Int2LongOpenHashMap();
        it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap firstRow = new it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap();
        Int2IntOpenHashMap amplifiers = new Int2IntOpenHashMap();
        LongOpenHashSet pairs = new LongOpenHashSet();
        for (int r : ep) {
            int a = t.account(r);
            if (!firstAt.containsKey(a)) { firstAt.put(a, t.time(r)); firstRow.put(a, r); }
            int src = source(t, r);
            if (src >= 0 && src != a && pairs.add(((long) src << 32) | a)) amplifiers.addTo(src, 1);
        }
        List<Integer> srcs = new ArrayList<>();
        for (Int2IntOpenHashMap.Entry x : amplifiers.int2IntEntrySet()) {
            if (x.getIntValue() >= 2 && firstAt.containsKey(x.getIntKey())) srcs.add(x.getIntKey());
        }
        srcs.sort(Comparator.comparingLong((Integer a) -> firstAt.get((int) a)).thenComparingInt(a -> a));
        List<Campaign.Source> sources = new ArrayList<>();
        for (int i = 0; i < srcs.size() && i < config.firstSpreaders(); i++) {
            int a = srcs.get(i);
            sources.add(new Campaign.Source(t.accounts().get(a), handle(t, a), firstAt.get(a),
                    langName(t, t.lang(firstRow.get(a))), amplifiers.get(a)));
        }
        Double median = null;
        if (nd > 0) {
            double[] dd = Arrays.copyOf(delays, nd);
            Arrays.sort(dd);
            median = nd % 2 == 1 ? dd[nd / 2] : (dd[nd / 2 - 1] + dd[nd / 2]) / 2;
        }
        return new Campaign.Origin(first, sources, within[0], within[1], within[2], within[3], median);
    }

    static String handle(PostTable t, int a) {
        String h = t.accountInfo().handle[a];
        return h != null ? h : t.accounts().get(a);
    }

    private static int source(PostTable t, int r) {
        if (t.kind(r) == PostKind.REPOST.ordinal()) return t.repostOfAccount(r);
        if (t.kind(r) == PostKind.QUOTE.ordinal()) return t.quoteOfAccount(r);
        return -1;
    }

    private Campaign.Cascade cascade(PostTable t, int[] ep) {
        it.unimi.dsi.fastutil.ints.IntOpenHashSet amplifiers = new it.unimi.dsi.fastutil.ints.IntOpenHashSet();
        LongOpenHashSet pairs = new LongOpenHashSet();
        Int2IntOpenHashMap inDeg = new Int2IntOpenHashMap();
        List<Campaign.Edge> edges = new ArrayList<>();
        int total = 0;
        for (int r : ep) {
            int src = source(t, r);
            int amp = t.account(r);
            if (src < 0 || src == amp) continue;
            if (pairs.add(((long) src << 32) | amp)) inDeg.addTo(src, 1);
            if (amplifiers.add(amp)) {
                total++;
                if (edges.size() < config.maxCascadeEdges()) {
                    edges.add(new Campaign.Edge(handle(t, src), handle(t, amp), t.time(r), t.kindOf(r).label()));
                }
            }
        }
        List<Campaign.Amplified> top = new ArrayList<>();
        inDeg.int2IntEntrySet().stream().sorted((x, y) -> Integer.compare(y.getIntValue(), x.getIntValue())).limit(10)
                .forEach(x -> top.add(new Campaign.Amplified(t.accounts().get(x.getIntKey()), handle(t, x.getIntKey()), x.getIntValue())));
        return new Campaign.Cascade(total, edges, top);
    }

    private List<Campaign.Bridge> bridges(PostTable t, int[] ep, int[] group, int[] own) {
        // source bridges: amplified by accounts writing in another language / group
        it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap srcCross = new it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap();
        it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap relay = new it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap();
        LongOpenHashSet seenPair = new LongOpenHashSet();
        it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap grpCross = new it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap();
        for (int r : ep) {
            int src = source(t, r);
            int amp = t.account(r);
            if (src < 0 || src == amp || !seenPair.add(((long) src << 32) | amp)) continue;
            int srcLang = own[src] >= 0 ? own[src] : t.lang(r);
            int ampLang = own[amp];
            if (srcLang >= 0 && ampLang >= 0 && srcLang != ampLang) {
                srcCross.addTo(key3(src, srcLang, ampLang), 1);
                relay.addTo(key3(amp, srcLang, ampLang), 1);
            }
            if (group != null && src < group.length && amp < group.length && group[src] != group[amp]
                    && (group[src] >= 0 || group[amp] >= 0)) {
                grpCross.addTo(((long) src << 32) | (amp & 0xffffffffL), 1);
            }
        }
        List<Campaign.Bridge> out = new ArrayList<>();
        addBridges(t, srcCross, "source", out);
        addBridges(t, relay, "relay", out);
        if (group != null) {
            Int2IntOpenHashMap bySrc = new Int2IntOpenHashMap();
            Map<Integer, Integer> toGroup = new java.util.HashMap<>();
            for (it.unimi.dsi.fastutil.longs.Long2IntMap.Entry x : grpCross.long2IntEntrySet()) {
                int src = (int) (x.getLongKey() >>> 32), amp = (int) x.getLongKey();
                bySrc.addTo(src, 1);
                toGroup.putIfAbsent(src, group[amp]);
            }
            bySrc.int2IntEntrySet().stream().sorted((x, y) -> Integer.compare(y.getIntValue(), x.getIntValue())).limit(10)
                    .forEach(x -> out.add(new Campaign.Bridge(t.accounts().get(x.getIntKey()), handle(t, x.getIntKey()),
                            "community", null, null, x.getIntValue(), group[x.getIntKey()], toGroup.get(x.getIntKey()))));
        }
        out.sort(Comparator.comparingInt(Campaign.Bridge::count).reversed());
        return out.size() > 20 ? List.copyOf(out.subList(0, 20)) : out;
    }

    private static long key3(int a, int l1, int l2) {
        return ((long) a << 32) | ((long) (l1 & 0xffff) << 16) | (l2 & 0xffff);
    }

    private static void addBridges(PostTable t, it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap m, String role,
                                   List<Campaign.Bridge> out) {
        m.long2IntEntrySet().stream().sorted((x, y) -> Integer.compare(y.getIntValue(), x.getIntValue())).limit(10)
                .forEach(x -> {
                    int a = (int) (x.getLongKey() >>> 32);
                    int l1 = (int) ((x.getLongKey() >>> 16) & 0xffff), l2 = (int) (x.getLongKey() & 0xffff);
                    out.add(new Campaign.Bridge(t.accounts().get(a), handle(t, a), role, t.langs().get(l1), t.langs().get(l2),
                            x.getIntValue(), -1, -1));
                });
    }

    private static final long[] BINS = {60_000L, 300_000L, 900_000L, 3_600_000L, 4 * 3_600_000L, 86_400_000L, 7 * 86_400_000L};

    private static Campaign.Timeline timeline(PostTable t, int[] ep) {
        long start = t.time(ep[0]), end = t.time(ep[ep.length - 1]);
        long bin = BINS[BINS.length - 1];
        for (long b : BINS) if ((end - start) / b < 200) { bin = b; break; }
        long s0 = start - Math.floorMod(start, bin);
        int nb = (int) ((end - s0) / bin) + 1;
        int[] counts = new int[nb];
        Int2IntOpenHashMap lc = new Int2IntOpenHashMap();
        for (int r : ep) lc.addTo(t.lang(r), 1);
        int[] top = lc.int2IntEntrySet().stream().sorted((x, y) -> Integer.compare(y.getIntValue(), x.getIntValue()))
                .limit(4).mapToInt(x -> x.getIntKey()).toArray();
        Map<String, int[]> by = new LinkedHashMap<>();
        int[][] series = new int[top.length][nb];
        for (int r : ep) {
            int b = (int) ((t.time(r) - s0) / bin);
            counts[b]++;
            for (int k = 0; k < top.length; k++) if (t.lang(r) == top[k]) series[k][b]++;
        }
        for (int k = 0; k < top.length; k++) by.put(langName(t, top[k]), series[k]);
        return new Campaign.Timeline(s0, bin, counts, by);
    }
}
