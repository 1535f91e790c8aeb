package org.lockstep.sim;

import java.util.SplittableRandom;

/**
 * The ordinary users: their accounts, activity weights, shared links and hashtags, the repost pool
 * and the content of their posts. Regional streams ({@link Stream}) draw the time and the author;
 * this class decides what the post is. Post content is a pure function of (author, content seed),
 * so a retweet can rebuild the original it nests without storing any text.
 */
final class OrganicPopulation {
    private static final long DAY = 86_400_000L;
    private final Accounts acc;
    private final long start, end;
    private final SplittableRandom r;
    final int first, count;
    /** Notable accounts (journalists, politicians): first {@code notable} organic accounts. */
    private final int notable;
    private final int[][] regionAccounts;
    /** Accounts grouped by (region, personal UTC offset): each group is one arrival stream. */
    private final int[][] groupAccounts;
    private final int[] groupRegion, groupOffset;
    private final double[] groupWeight;
    private final AliasTable[] groupPick;
    final int[] hyper;
    private final AliasTable hyperPick;
    private final long hyperPosts;
    private final AliasTable tagPick = AliasTable.zipf(Lexicon.HASHTAGS.length, 1.1);
    final String[] articles;
    private final AliasTable articlePick;
    private final RepostPool pool;
    /** Times at which the next original post becomes viral. */
    final long[] viralAt;
    final long[] viralId;
    final int[] viralAuthor;
    final long[] viralReposts;
    private int nextViral;
    long organicPosts;

    OrganicPopulation(Accounts acc, long posts, long start, long end, SplittableRandom r) {
        this.acc = acc;
        this.start = start;
        this.end = end;
        this.r = r;
        double days = (end - start) / (double) DAY;
        int n = (int) Math.max(200, Math.min(Integer.MAX_VALUE / 4, posts / 15));
        this.count = n;
        this.first = acc.size;
        this.notable = Math.max(10, n / 100);
        int nRegions = Lexicon.REGION_LANG.length;
        int[] perRegion = split(n, Lexicon.REGION_SHARE);
        regionAccounts = new int[nRegions][];
        for (int g = 0; g < nRegions; g++) regionAccounts[g] = new int[perRegion[g]];
        int[] fill = new int[nRegions];
        AliasTable srcPick = new AliasTable(Lexicon.SOURCE_WEIGHT);
        // regions interleaved so every region has notable accounts
        for (int i = 0; i < n; i++) {
            int g = 0;
            double best = -1;
            for (int j = 0; j < nRegions; j++) {
                double gap = perRegion[j] == 0 ? -1 : 1.0 - fill[j] / (double) perRegion[j];
                if (gap > best) { best = gap; g = j; }
            }
            boolean isNotable = i < notable;
            int a = newAccount(g, isNotable, srcPick);
            regionAccounts[g][fill[g]++] = a;
        }
        // hyperactive organic accounts: >= 100 posts/day each, at most ~8% of organic volume
        long budget = (long) (posts * 0.08);
        int h = (int) Math.min(Math.max(3, n / 1500), budget / Math.max(1, (long) (130 * days)));
        hyper = new int[Math.max(0, h)];
        double[] rate = new double[hyper.length];
        long hp = 0;
        for (int i = 0; i < hyper.length; i++) {
            hyper[i] = first + notable + r.nextInt(n - notable);
            for (int j = 0; j < i; j++) if (hyper[j] == hyper[i]) { hyper[i] = first + notable + r.nextInt(n - notable); j = -1; }
            rate[i] = Math.min(400, Dist.pareto(r, 110, 2.5));
            hp += Math.round(rate[i] * days);
        }
        hyperPosts = hp;
        hyperPick = hyper.length > 0 ? new AliasTable(rate) : null;
        // activity weights: Pareto, capped so that no ordinary account expects > 45 posts/day;
        // each account also gets a personal UTC offset (time zone or chronotype) around its region's
        int nGroups = 0;
        for (int g = 0; g < nRegions; g++) nGroups += Lexicon.REGION_SHIFTS[g].length;
        groupRegion = new int[nGroups];
        groupOffset = new int[nGroups];
        groupWeight = new double[nGroups];
        groupAccounts = new int[nGroups][];
        groupPick = new AliasTable[nGroups];
        int gi = 0;
        for (int g = 0; g < nRegions; g++) {
            int[] as = regionAccounts[g];
            double[] wt = new double[as.length];
            for (int i = 0; i < as.length; i++) {
                int a = as[i];
                boolean isHyper = false;
                for (int x : hyper) if (x == a) isHyper = true;
                wt[i] = isHyper ? 0.0 : Dist.pareto(r, 1.0, 1.15) * (a - first < notable ? 4 : 1);
            }
            capped(wt, posts * 0.9 * Lexicon.REGION_SHARE[g], days);
            int[] shifts = Lexicon.REGION_SHIFTS[g];
            double[] shiftShare = Lexicon.REGION_SHIFT_SHARE[g];
            AliasTable shiftPick = new AliasTable(shiftShare);
            int[] which = new int[as.length];
            int[] size = new int[shifts.length];
            for (int i = 0; i < as.length; i++) size[which[i] = shiftPick.sample(r)]++;
            for (int k = 0; k < shifts.length; k++) {
                int[] members = new int[size[k]];
                double[] w = new double[size[k]];
                int m = 0;
                double sum = 0;
                for (int i = 0; i < as.length; i++) {
                    if (which[i] != k) continue;
                    members[m] = as[i];
                    w[m++] = wt[i];
                    sum += wt[i];
                }
                groupRegion[gi] = g;
                groupOffset[gi] = Lexicon.REGION_UTC_OFFSET[g] + shifts[k];
                groupAccounts[gi] = members;
                groupWeight[gi] = sum;
                groupPick[gi] = sum > 0 ? new AliasTable(w) : null;
                gi++;
            }
        }
        int articlesN = (int) Math.max(200, Math.min(20_000, posts / 200));
        articles = new String[articlesN];
        SplittableRandom ar = r.split();
        AliasTable hostPick = AliasTable.zipf(Lexicon.NEWS_HOSTS.length, 1.0);
        for (int i = 0; i < articlesN; i++) articles[i] = article(ar, hostPick);
        articlePick = AliasTable.zipf(articlesN, 1.05);
        pool = new RepostPool(posts > 2_000_000 ? 16384 : 4096, 2.0 * 3_600_000, start);
        int v = Math.max(2, (int) Math.round(days));
        viralAt = new long[v];
        viralId = new long[v];
        viralAuthor = new int[v];
        viralReposts = new long[v];
        for (int i = 0; i < v; i++) {
            viralAt[i] = start + (long) ((end - start) * (i + 0.35 + 0.3 * r.nextDouble()) / (v + 0.5));
            viralId[i] = -1;
        }
    }

    /** Splits the organic post budget over the regional and hyperactive streams. */
    Source[] streams(long organicTotal) {
        long hp = Math.min(hyperPosts, organicTotal / 5);
        // a "big cascade" (labelled viral): >= 1% of all expected organic reposts, between 100 and 1000
        pool.bigCascade = (int) Math.max(100, Math.min(1000, organicTotal * 0.45 / 100));
        long rest = organicTotal - hp;
        // posts per region by its share, then per group by the group's activity weight
        int[] perRegion = splitLong(rest, Lexicon.REGION_SHARE);
        int nGroups = groupAccounts.length;
        Source[] s = new Source[nGroups + 1];
        long[] groupPosts = new long[nGroups];
        for (int g = 0; g < Lexicon.REGION_LANG.length; g++) {
            double sum = 0;
            int heaviest = -1;
            for (int k = 0; k < nGroups; k++) {
                if (groupRegion[k] != g) continue;
                sum += groupWeight[k];
                if (heaviest < 0 || groupWeight[k] > groupWeight[heaviest]) heaviest = k;
            }
            long used = 0;
            for (int k = 0; k < nGroups; k++) {
                if (groupRegion[k] != g || sum <= 0) continue;
                groupPosts[k] = (long) Math.floor(perRegion[g] * groupWeight[k] / sum);
                used += groupPosts[k];
            }
            // the rounding remainder (or a region without active accounts) goes to the heaviest group overall
            int target = sum > 0 ? heaviest : -1;
            if (target < 0) {
                for (int k = 0; k < nGroups; k++) if (target < 0 || groupWeight[k] > groupWeight[target]) target = k;
            }
            groupPosts[target] += perRegion[g] - used;
        }
        for (int k = 0; k < nGroups; k++) {
            s[k] = new Stream(new Arrivals(start, end, Lexicon.HOUR_WEIGHT, groupOffset[k], groupPosts[k], r.split()),
                    groupPick[k], groupAccounts[k], false);
        }
        int nRegions = nGroups;
        double[] flat = new double[24];
        java.util.Arrays.fill(flat, 1.0);
        s[nRegions] = new Stream(new Arrivals(start, end, flat, 0, hyper.length == 0 ? 0 : hp, r.split()),
                hyperPick, hyper, true);
        if (hyper.length == 0 && hp > 0) throw new IllegalStateException("hyperactive budget without accounts");
        return s;
    }

    private static int[] split(int n, double[] share) {
        int[] out = new int[share.length];
        int used = 0;
        for (int i = 0; i < share.length; i++) { out[i] = (int) Math.floor(n * share[i]); used += out[i]; }
        for (int i = 0; used < n; i = (i + 1) % share.length) { out[i]++; used++; }
        return out;
    }

    private static int[] splitLong(long n, double[] share) {
        if (n > Integer.MAX_VALUE) throw new IllegalArgumentException("too many posts: " + n);
        return split((int) n, share);
    }

    /** Caps weights so that no ordinary account expects more than ~45 posts/day (hyperactivity is explicit). */
    private static double[] capped(double[] w, double expectedPosts, double days) {
        for (int it = 0; it < 4; it++) {
            double sum = 0;
            for (double x : w) sum += x;
            double cap = 45.0 * days * sum / Math.max(1.0, expectedPosts);
            for (int i = 0; i < w.length; i++) if (w[i] > cap) w[i] = cap;
        }
        return w;
    }

    private int newAccount(int g, boolean isNotable, AliasTable srcPick) {
        String fn = Lexicon.FIRST[g][r.nextInt(Lexicon.FIRST[g].length)];
        String ln = Lexicon.LAST[g][r.nextInt(Lexicon.LAST[g].length)];
        double yearsBack = isNotable ? 4 + 5 * r.nextDouble() : 0.05 + 9.0 * Math.pow(r.nextDouble(), 0.8);
        long created = start - (long) (yearsBack * 365.25 * DAY) - r.nextInt(86_400_000);
        int a = acc.add(Accounts.userIdFor(created, r), Names.organicHandle(fn, ln, r), fn + " " + ln, g,
                Accounts.ORGANIC, created);
        acc.followers[a] = (int) Math.min(5_000_000, Dist.logNormal(r, isNotable ? 10.5 : 5.0, isNotable ? 1.2 : 1.6));
        acc.friends[a] = (int) Math.min(50_000, Dist.logNormal(r, 5.4, 1.0));
        acc.baseStatuses[a] = (int) Math.min(2_000_000, Dist.logNormal(r, 7.2, 1.5) * Math.max(0.2, yearsBack / 3));
        acc.defaultProfile[a] = r.nextInt(100) < 12;
        acc.defaultImage[a] = r.nextInt(100) < 3;
        acc.verified[a] = isNotable && r.nextInt(100) < 40;
        acc.bio[a] = (short) r.nextInt(Lexicon.BIO[g].length);
        acc.place[a] = (short) r.nextInt(Lexicon.PLACES[g].length);
        acc.source[a] = (byte) srcPick.sample(r);
        return a;
    }

    private static final String[] SLUG = {"macron", "le-pen", "debat", "second-tour", "sondage", "election",
        "presidentielle", "campagne", "resultats", "vote", "abstention", "europe", "emploi", "france", "marine",
        "emmanuel", "melenchon", "fillon", "programme", "meeting", "analyse", "direct", "video", "interview",
        "french", "runoff", "polls", "voters", "debate", "what", "means", "for", "europe", "markets", "wahl"};

    private static String article(SplittableRandom r, AliasTable hostPick) {
        String host = Lexicon.NEWS_HOSTS[hostPick.sample(r)];
        StringBuilder b = new StringBuilder(96).append("https://").append(host);
        int words = 3 + r.nextInt(5);
        StringBuilder slug = new StringBuilder(64);
        for (int i = 0; i < words; i++) {
            if (i > 0) slug.append('-');
            slug.append(SLUG[r.nextInt(SLUG.length)]);
        }
        int day = 1 + r.nextInt(7);
        switch (Math.floorMod(host.hashCode(), 4)) {
            case 0:
                b.append('/').append(Lexicon.SECTIONS[r.nextInt(Lexicon.SECTIONS.length)]).append("/article/2017/05/0")
                        .append(day).append('/').append(slug).append('_').append(5_100_000 + r.nextInt(100_000))
                        .append("_823448.html");
                break;
            case 1:
                b.append("/news/world-europe-").append(39_700_000 + r.nextInt(300_000));
                break;
            case 2:
                b.append("/2017/05/0").append(day).append("/world/europe/").append(slug).append(".html");
                break;
            default:
                b.append('/').append(Lexicon.SECTIONS[r.nextInt(Lexicon.SECTIONS.length)]).append('/').append(slug)
                        .append('-').append(r.nextInt(1_000_000)).append(".html");
        }
        return b.toString();
    }

    /** Fills {@code t} (already reset, author set) with the original post for this content seed. */
    void fillOriginal(Tweet t, long seed) {
        SplittableRandom c = new SplittableRandom(seed);
        int g = acc.region[t.author];
        int wg = (g != 1 && g != 2 && c.nextInt(20) == 0) ? 1 : g;
        t.lang = Lexicon.REGION_LANG[wg];
        t.source = acc.source[t.author];
        if (c.nextInt(12) == 0) {
            int m = first + c.nextInt(notable);
            if (m != t.author) t.mention(m, acc.handle[m]);
        }
        words(t, c, Lexicon.WORDS[wg], 4 + c.nextInt(14));
        if (c.nextInt(100) < 35) {
            t.hashtag(Lexicon.HASHTAGS[tagPick.sample(c)]);
            if (c.nextInt(4) == 0) t.hashtag(Lexicon.HASHTAGS[tagPick.sample(c)]);
        }
        if (c.nextInt(100) < 28) {
            String u = articles[articlePick.sample(c)];
            if (c.nextInt(5) == 0) u = u + Lexicon.UTM[c.nextInt(Lexicon.UTM.length)];
            t.url(u);
        }
        if (c.nextInt(100) < 8) t.word(Lexicon.EMOJI[c.nextInt(Lexicon.EMOJI.length)]);
    }

    private void words(Tweet t, SplittableRandom c, String[] words, int n) {
        boolean midTag = c.nextInt(7) == 0;
        for (int i = 0; i < n; i++) {
            if (midTag && i == n / 2) t.hashtag(Lexicon.HASHTAGS[tagPick.sample(c)]);
            else t.word(words[c.nextInt(words.length)]);
        }
        switch (c.nextInt(6)) {
            case 0: t.raw("."); break;
            case 1: t.raw(" !"); break;
            case 2: t.raw("?"); break;
            case 3: t.raw("…"); break;
            default: break;
        }
    }

    /** One organic post by {@code author} at {@code time}. */
    void emit(Tweet t, long id, long time, int author, boolean hyperactive) {
        t.reset();
        t.id = id;
        t.timeMs = time;
        t.author = author;
        acc.posts[author]++;
        organicPosts++;
        int roll = r.nextInt(100);
        int rtShare = hyperactive ? 70 : 42;
        long seed = r.nextLong();
        if (pool.isEmpty() || roll >= rtShare + 18) {
            fillOriginal(t, seed);
            boolean makeViral = nextViral < viralAt.length && time >= viralAt[nextViral];
            double pop = Dist.pareto(r, 1.0, 1.3);
            int vi = -1;
            if (makeViral) {
                vi = nextViral++;
                viralId[vi] = id;
                viralAuthor[vi] = author;
                pop = Math.max(pop, 2.0 * pool.total() / pool.boost(time));
            }
            pool.insert(id, time, author, seed, pop, vi, r);
            return;
        }
        int slot = pool.sample(r);
        if (pool.author[slot] == author) slot = pool.sample(r);
        Tweet in = t.inner();
        in.reset();
        in.id = pool.id[slot];
        in.timeMs = pool.time[slot];
        in.author = pool.author[slot];
        fillOriginal(in, pool.seed[slot]);
        if (roll < rtShare) {
            t.retweetOf(in, acc.handle[in.author]);
            t.source = acc.source[author];
            pool.reposts[slot]++;
            if (pool.viral[slot] >= 0) viralReposts[pool.viral[slot]]++;
        } else if (roll < rtShare + 12) {
            t.kind = Tweet.REPLY;
            t.replyToId = in.id;
            t.replyToAuthor = in.author;
            SplittableRandom c = new SplittableRandom(seed);
            int g = acc.region[author];
            t.lang = Lexicon.REGION_LANG[g];
            t.source = acc.source[author];
            t.mention(in.author, acc.handle[in.author]);
            words(t, c, Lexicon.WORDS[g], 2 + c.nextInt(10));
        } else {
            t.kind = Tweet.QUOTE;
            SplittableRandom c = new SplittableRandom(seed);
            int g = acc.region[author];
            t.lang = Lexicon.REGION_LANG[g];
            t.source = acc.source[author];
            words(t, c, Lexicon.WORDS[g], 2 + c.nextInt(10));
            t.url("https://twitter.com/" + acc.handle[in.author] + "/status/" + in.id);
        }
    }

    /** Ends the stream: records the big cascades still in the pool. */
    RepostPool finish() {
        pool.drain();
        return pool;
    }

    int bigCascadeThreshold() {
        return pool.bigCascade;
    }

    /** A merged stream of organic arrivals (one region, or the hyperactive accounts). */
    final class Stream implements Source {
        private final Arrivals times;
        private final AliasTable pick;
        private final int[] members;
        private final boolean hyperactive;
        private long next;

        Stream(Arrivals times, AliasTable pick, int[] members, boolean hyperactive) {
            this.times = times;
            this.pick = pick;
            this.members = members;
            this.hyperactive = hyperactive;
            this.next = times.remaining() > 0 ? times.next() : Long.MAX_VALUE;
        }

        @Override
        public long peek() {
            return next;
        }

        @Override
        public void emit(Tweet t, long id) {
            int author = members[pick.sample(r)];
            OrganicPopulation.this.emit(t, id, next, author, hyperactive);
            next = times.remaining() > 0 ? times.next() : Long.MAX_VALUE;
        }
    }
}
