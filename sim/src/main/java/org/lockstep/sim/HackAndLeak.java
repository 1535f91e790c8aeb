package org.lockstep.sim;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Operation (b), shaped like #MacronLeaks on 5 May 2017: a small English-language seed network
 * posts a leak link; amplifiers (many new or hyperactive) answer waves of orders, retweeting and
 * reposting it after their own operator delay ({@link Timing}: seconds for most, tens of minutes
 * for a few); about an hour later French-language relays take over, retweeting the lead relays
 * after their own delay. Tens of thousands of posts in about three hours (plus the slowest
 * operators' delays) for large inputs, about a tenth of the input for small ones.
 */
final class HackAndLeak extends Operation {
    static final String HASHTAG = "MacronLeaks";
    static final String URL = "https://archive.example-leaks.org/macronleaks/index.html";
    static final String[] URL_VARIANTS = {URL,
        "https://archive.example-leaks.org/macronleaks/emails/",
        "https://archive.example-leaks.org/macronleaks/index.html?utm_source=twitter",
        "https://archive.example-leaks.org/macronleaks/docs/torrent.html",
        "http://archive.example-leaks.org/macronleaks/"};
    private static final long MIN = 60_000L, HOUR = 3_600_000L;
    private static final String[] SEED_TEXT = {
        "Massive leak of the Macron campaign's internal emails just dropped",
        "BREAKING: thousands of Macron campaign emails leaked, days before the vote",
        "Macron campaign hacked. Emails, contracts and accounting are out",
        "The documents the French media won't show you",
        "Read it yourself before the blackout starts at midnight"};
    private static final String[] AMP_TEXT = {
        "Huge leak. Everyone needs to see this", "The Macron emails are out", "Spread this everywhere",
        "French media blackout cannot stop this", "This is going to change the election", "Download before it is taken down",
        "Wow. Just wow", "Macron is finished", "Get this trending", "The truth about Macron"};
    private static final String[] RELAY_TEXT = {
        "Les documents de la campagne de Macron ont fuité, à lire avant dimanche",
        "Énorme fuite de mails de l'équipe Macron, les médias se taisent",
        "Partagez avant que ce soit censuré",
        "Voici ce qu'on ne vous dira pas avant le second tour",
        "Des milliers de mails internes d'En Marche publiés",
        "Les journalistes n'en parlent pas, à vous de juger"};

    final int seeds, amplifiers, relays;
    final long firstPostMs;

    HackAndLeak(int number, Accounts acc, SplittableRandom r, long posts, long start, long end, Timing timing) {
        super(OpType.HACK_AND_LEAK, number, acc, r);
        long span = end - start;
        if (span < 5 * HOUR) throw new IllegalArgumentException("the leak storm needs a span of at least 5 hours");
        int total = (int) (posts >= 470_000 ? 47_000 : Math.max(60, posts / 10));
        seeds = 5 + (int) Math.min(5, total / 8000);
        amplifiers = (int) Math.max(20, Math.min(800, total / 60));
        relays = (int) Math.max(15, Math.min(600, total / 90));
        firstPostMs = span >= 24 * HOUR ? start + 18 * HOUR + 49 * MIN + r.nextInt(600_000)
                : start + (long) ((span - 4 * HOUR) * 0.5);
        for (int i = 0; i < seeds; i++) {
            long created = start - (long) ((1 + 7 * r.nextDouble()) * 365.25 * 86_400_000L);
            int a = person(1, Accounts.LEAK_SEED, number, created);
            acc.followers[a] = (int) Dist.logNormal(r, 9.0, 1.0);
            acc.friends[a] = (int) Dist.logNormal(r, 7.0, 0.8);
            acc.baseStatuses[a] = 5_000 + r.nextInt(80_000);
            acc.source[a] = (byte) (r.nextBoolean() ? 0 : 2);
        }
        for (int i = 0; i < amplifiers; i++) {
            boolean fresh = r.nextInt(100) < 50;
            long created = fresh ? start - (long) ((1 + 59 * r.nextDouble()) * 86_400_000L)
                    : start - (long) ((1 + 7 * r.nextDouble()) * 365.25 * 86_400_000L);
            int a = person(r.nextInt(3) == 0 ? 2 : 1, Accounts.LEAK_AMPLIFIER, number, created);
            acc.followers[a] = (int) Dist.logNormal(r, fresh ? 3.0 : 5.5, 1.2);
            acc.friends[a] = (int) Dist.logNormal(r, fresh ? 5.0 : 6.0, 1.0);
            acc.baseStatuses[a] = fresh ? r.nextInt(3_000) : 2_000 + r.nextInt(150_000);
            acc.defaultProfile[a] = fresh && r.nextInt(100) < 45;
            acc.defaultImage[a] = fresh && r.nextInt(100) < 25;
            acc.source[a] = (byte) (r.nextInt(3) == 0 ? 2 : r.nextInt(2));
        }
        for (int i = 0; i < relays; i++) {
            long created = start - (long) ((0.1 + 6 * r.nextDouble()) * 365.25 * 86_400_000L);
            int a = person(0, Accounts.LEAK_RELAY, number, created);
            acc.followers[a] = (int) Dist.logNormal(r, 6.0, 1.3);
            acc.friends[a] = (int) Dist.logNormal(r, 6.2, 0.9);
            acc.baseStatuses[a] = 1_000 + r.nextInt(60_000);
            acc.source[a] = (byte) (r.nextInt(2) == 0 ? 0 : 1);
        }
        plan(total, start, end, timing);
        seal(start, end);
    }

    private int person(int g, byte role, int number, long created) {
        String fn = Lexicon.FIRST[g][r.nextInt(Lexicon.FIRST[g].length)];
        String ln = Lexicon.LAST[g][r.nextInt(Lexicon.LAST[g].length)];
        String h = role == Accounts.LEAK_AMPLIFIER && r.nextInt(3) == 0 ? Names.puppetHandle(fn, r)
                : Names.organicHandle(fn, ln, r);
        return newAccount(g, h, fn + " " + ln, role, number, created);
    }

    private void plan(int total, long start, long end, Timing timing) {
        // seed network: the first poster, then the other seeds within ~40 minutes
        int[] seedOrig = new int[64];
        long[] seedOrigTime = new long[64];
        int ns = 0;
        seedOrig[ns] = add(firstPostMs, members[0], Tweet.ORIGINAL, -1, 0);
        seedOrigTime[ns++] = firstPostMs;
        int seedPosts = Math.min(total / 10, seeds * 5);
        long[] st = new long[Math.max(0, seedPosts - 1)];
        for (int i = 0; i < st.length; i++) st[i] = firstPostMs + 20_000 + (long) Math.min(2 * HOUR, Dist.exponential(r, 25 * MIN));
        Arrays.sort(st);
        for (long t : st) {
            int who = members[1 + r.nextInt(seeds - 1)];
            if (ns < seedOrig.length && (r.nextInt(100) < 55)) {
                seedOrig[ns] = add(t, who, Tweet.ORIGINAL, -1, 0);
                seedOrigTime[ns++] = t;
            } else {
                add(t, who, Tweet.RETWEET, seedOrig[pickEarlier(seedOrigTime, ns, t)], 0);
            }
        }
        int left = total - seedPosts;
        int ampPosts = (int) (left * 0.62);
        int relayPosts = left - ampPosts;
        drawDelays(timing, seeds, nMembers);
        boolean[] sparse = new boolean[nMembers];
        for (int i = seeds; i < nMembers; i++) sparse[i] = timing.sparse(r);
        // amplifiers answer waves of orders (each naming a seed original): a tenth of the waves within
        // minutes of the first post, the rest rising then decaying over ~3 hours; each amplifier acts
        // after its own delay. Heavy-tailed activity; sparse amplifiers post one to five times.
        int waves = Math.max(6, Math.min(400, ampPosts / 25));
        long[] waveTime = new long[waves];
        for (int w = 0; w < waves; w++) {
            long d = w < Math.max(1, waves / 10) ? 4_000 + (long) Dist.exponential(r, 3 * MIN) : (long) Dist.gamma2(r, 40 * MIN);
            if (d > 3 * HOUR - MIN) d = (long) (r.nextDouble() * (3 * HOUR - MIN));
            waveTime[w] = firstPostMs + Math.max(1_000, d);
        }
        Arrays.sort(waveTime);
        int[] waveTarget = new int[waves];
        for (int w = 0; w < waves; w++) waveTarget[w] = seedOrig[pickEarlier(seedOrigTime, ns, waveTime[w])];
        int[] ampCount = activity(seeds, seeds + amplifiers, sparse, ampPosts, true);
        for (int i = seeds; i < seeds + amplifiers; i++) {
            for (int k = 0; k < ampCount[i - seeds]; k++) {
                int w = r.nextInt(waves);
                long t = after(waveTime[w], i, end);
                if (r.nextInt(100) < 60) add(t, members[i], Tweet.RETWEET, waveTarget[w], 1);
                else add(t, members[i], Tweet.ORIGINAL, -1, 1);
            }
        }
        // relays: French, from about an hour in. A third of their posts are originals by active relays
        // (the first by the lead relays); the rest retweet them (or, less often, a seed original seen
        // in the storm) after the relay's own delay.
        int firstRelay = seeds + amplifiers;
        int relayOriginals = Math.max(1, (int) Math.round(relayPosts * 0.35));
        long[] rt = new long[relayOriginals];
        for (int i = 0; i < relayOriginals; i++) rt[i] = firstPostMs + relayTime();
        Arrays.sort(rt);
        int[] activeRelays = new int[relays];
        int nActive = 0;
        for (int i = firstRelay; i < nMembers; i++) if (!sparse[i]) activeRelays[nActive++] = i;
        int leads = Math.max(3, relays / 10);
        int[] relayOrig = new int[relayOriginals];
        for (int k = 0; k < relayOriginals; k++) {
            int who = nActive == 0 ? firstRelay + r.nextInt(relays)
                    : activeRelays[k < leads ? k % nActive : r.nextInt(nActive)];
            relayOrig[k] = add(rt[k], members[who], Tweet.ORIGINAL, -1, 2);
        }
        int[] relayCount = activity(firstRelay, nMembers, sparse, relayPosts - relayOriginals, false);
        for (int i = firstRelay; i < nMembers; i++) {
            for (int k = 0; k < relayCount[i - firstRelay]; k++) {
                if (r.nextInt(100) < 82) {
                    int o = (int) Math.min(relayOriginals - 1, Dist.exponential(r, Math.max(1, relayOriginals / 4.0)));
                    add(after(rt[o], i, end), members[i], Tweet.RETWEET, relayOrig[o], 2);
                } else {
                    long anchor = firstPostMs + relayTime();
                    add(after(anchor, i, end), members[i], Tweet.RETWEET, seedOrig[pickEarlier(seedOrigTime, ns, anchor)], 2);
                }
            }
        }
    }

    /** Time of a relay post after the first leak post: from an hour in, rising then decaying, within three hours. */
    private long relayTime() {
        long d = HOUR + (long) Dist.gamma2(r, 35 * MIN);
        return d > 3 * HOUR - MIN ? HOUR + (long) (r.nextDouble() * (2 * HOUR - MIN)) : d;
    }

    /**
     * Posts per member {@code from..to-1}: one to five for sparse members, the rest of {@code total}
     * spread over the active ones (heavy-tailed weights when {@code heavy}, else uniform).
     */
    private int[] activity(int from, int to, boolean[] sparse, int total, boolean heavy) {
        int[] count = new int[to - from];
        double[] w = new double[to - from];
        int left = total;
        boolean anyActive = false;
        for (int i = from; i < to; i++) {
            if (sparse[i]) {
                count[i - from] = 1 + r.nextInt(5);
                left -= count[i - from];
            } else {
                w[i - from] = heavy ? Math.min(50, Dist.pareto(r, 1, 1.2)) : 1;
                anyActive = true;
            }
        }
        if (anyActive && left > 0) {
            AliasTable pick = new AliasTable(w);
            for (int k = 0; k < left; k++) count[pick.sample(r)]++;
        }
        return count;
    }

    /** An index into the seed originals posted strictly before {@code t}, favouring the first post. */
    private int pickEarlier(long[] times, int n, long t) {
        int k = 0;
        while (k < n && times[k] < t) k++;
        if (k <= 1 || r.nextInt(100) < 45) return 0;
        return r.nextInt(k);
    }

    @Override
    void fillOriginal(Tweet t, int e) {
        SplittableRandom c = new SplittableRandom(seed[e]);
        switch (tag[e]) {
            case 0:
                t.lang = "en";
                t.raw(SEED_TEXT[c.nextInt(SEED_TEXT.length)]);
                t.hashtag(HASHTAG);
                t.url(e == 0 ? URL : URL_VARIANTS[c.nextInt(2)]);
                break;
            case 1:
                t.lang = "en";
                if (c.nextInt(4) == 0) t.hashtag(HASHTAG);
                t.word(AMP_TEXT[c.nextInt(AMP_TEXT.length)]);
                if (c.nextInt(4) != 0) t.hashtag(HASHTAG);
                if (c.nextInt(3) == 0) t.hashtag(c.nextBoolean() ? "Macron" : "FrenchElection");
                if (c.nextInt(100) < 80) t.url(URL_VARIANTS[c.nextInt(URL_VARIANTS.length)]);
                break;
            default:
                t.lang = "fr";
                t.raw(RELAY_TEXT[c.nextInt(RELAY_TEXT.length)]);
                t.hashtag(HASHTAG);
                if (c.nextInt(3) == 0) t.hashtag("Presidentielle2017");
                if (c.nextInt(100) < 60) t.url(URL_VARIANTS[c.nextInt(URL_VARIANTS.length)]);
        }
    }

    @Override
    void labelFields(JsonGenerator g) throws IOException {
        g.writeStringField("url", URL);
        g.writeStringField("hashtag", HASHTAG);
        idArray(g, "seed_accounts", acc, members, 0, seeds);
        idArray(g, "amplifier_accounts", acc, members, seeds, seeds + amplifiers);
        idArray(g, "relay_accounts", acc, members, seeds + amplifiers, nMembers);
        g.writeStringField("seed_lang", "en");
        g.writeStringField("relay_lang", "fr");
        g.writeNumberField("first_post_ms", firstPostMs);
        g.writeStringField("first_post_id", Long.toString(ids[0]));
        g.writeStringField("first_poster", Long.toString(acc.id[members[0]]));
        g.writeNumberField("relay_start_ms", firstPostMs + HOUR);
        g.writeArrayFieldStart("url_variants");
        for (String u : URL_VARIANTS) g.writeString(u);
        g.writeEndArray();
    }
}
