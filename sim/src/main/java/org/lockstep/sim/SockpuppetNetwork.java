package org.lockstep.sim;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.SplittableRandom;

/**
 * Operation (a): accounts made in a few tight creation batches (minutes apart, weeks before the
 * scenario) that push one hashtag in coordinated bursts. In a burst a leader posts a message from
 * a shared list and the others retweet it or post another message from the list, each after its
 * own operator delay ({@link Timing}: seconds for most, tens of minutes for a few, so a burst's
 * internal gaps can exceed the detector's episode gap; some bursts are relaunched by the leader
 * after a pause of 12 to 48 minutes). Members also post a little unrelated noise
 * at any time (never with the hashtag). Sparse members take part in one to three bursts only.
 */
final class SockpuppetNetwork extends Operation {
    static final String HASHTAG = "MacronGate";
    static final String[] SHARED = {
        "Macron has a secret offshore account in the Bahamas. The media will not tell you",
        "Why is nobody asking about the offshore money? Voters deserve answers",
        "Documents prove Macron hid money offshore. Share before it gets deleted",
        "The French press is silent on the offshore scandal. Ask yourself why",
        "Macron lied about his assets. This changes everything for Sunday",
        "Offshore accounts, shell companies, and a candidate who says he is clean",
        "If this were any other candidate it would be front page news",
        "Banker, globalist, offshore accounts. Wake up France",
        "Retweet so every French voter sees this before Sunday",
        "They are trying to bury this story. Do not let them"};
    static final String[] SHARED_LINKS = {
        "https://www.example-truthnews.info/2017/05/macron-offshore-documents",
        "https://pastebin.example.com/raw/Mcr0nG8te",
        "https://www.example-truthnews.info/macron-bahamas-account-proof"};
    static final String[] NOISE = {"good", "morning", "coffee", "weekend", "football", "weather", "music", "love",
        "this", "today", "great", "game", "movie", "new", "song", "family", "happy", "friday", "news", "work"};

    private final long[][] batchCreated;
    private final int[][] batches;
    final long[] burstStart, burstEnd;
    /** Per burst, the leader's second post after a pause, or -1. */
    final long[] relaunch;

    SockpuppetNetwork(int number, Accounts acc, SplittableRandom r, long posts, long start, long end, Timing timing) {
        super(OpType.SOCKPUPPET_NETWORK, number, acc, r);
        double f = posts / 50_000.0;
        int m = posts < 20_000 ? (int) Math.max(10, Math.min(30, posts / 600))
                : (int) Math.max(30, Math.min(60, 30 + 10 * Math.log(f) / Math.log(2)));
        int nb = 3 + r.nextInt(3);
        batches = new int[nb][];
        batchCreated = new long[nb][];
        int per = m / nb, extra = m % nb;
        for (int b = 0; b < nb; b++) {
            int size = per + (b < extra ? 1 : 0);
            batches[b] = new int[size];
            batchCreated[b] = new long[size];
            long t = start - (long) ((7 + 40 * r.nextDouble()) * 86_400_000L);
            for (int j = 0; j < size; j++) {
                t += 15_000 + r.nextInt(150_000);
                int g = r.nextInt(2);
                String fn = Lexicon.FIRST[g][r.nextInt(Lexicon.FIRST[g].length)];
                String ln = Lexicon.LAST[g][r.nextInt(Lexicon.LAST[g].length)];
                int a = newAccount(g, Names.puppetHandle(fn, r), fn + " " + ln, Accounts.SOCKPUPPET, number, t);
                acc.followers[a] = r.nextInt(40);
                acc.friends[a] = 30 + r.nextInt(370);
                acc.baseStatuses[a] = r.nextInt(60);
                acc.defaultProfile[a] = r.nextInt(100) < 70;
                acc.defaultImage[a] = r.nextInt(100) < 55;
                acc.source[a] = (byte) (r.nextInt(4) == 0 ? 1 : 2);
                batches[b][j] = a;
                batchCreated[b][j] = t;
            }
        }
        int nBursts = 6 + (f >= 2 ? (int) Math.min(4, Math.log(f) / Math.log(2)) : 0);
        int actionsEach = f >= 20 ? 2 : 1;
        burstStart = new long[nBursts];
        burstEnd = new long[nBursts];
        relaunch = new long[nBursts];
        long span = end - start;
        long hour = 3_600_000L;
        drawDelays(timing, 0, nMembers);
        // activity: a sparse member joins one to three bursts (one action each) and posts up to two
        // noise posts, one to five posts in all; an active one joins each burst with probability 0.85
        boolean[] sparse = new boolean[nMembers];
        boolean[][] joins = new boolean[nMembers][nBursts];
        for (int i = 0; i < nMembers; i++) {
            sparse[i] = timing.sparse(r);
            if (sparse[i]) {
                int k = 1 + r.nextInt(Math.min(3, nBursts));
                for (int got = 0; got < k; ) {
                    int b = r.nextInt(nBursts);
                    if (!joins[i][b]) {
                        joins[i][b] = true;
                        got++;
                    }
                }
            } else {
                for (int b = 0; b < nBursts; b++) joins[i][b] = r.nextInt(100) < 85;
            }
        }
        for (int b = 0; b < nBursts; b++) {
            long s = start + (long) (span * (b + 0.5) / nBursts) + (long) ((r.nextDouble() - 0.5) * hour);
            s = Math.max(start + hour, Math.min(end - 2 * hour, s));
            burstStart[b] = s;
            int li = (b * 7) % nMembers;
            for (int k = 0; k < nMembers && sparse[li]; k++) li = (li + 1) % nMembers;
            int leader = members[li];
            int anchor = add(s, leader, Tweet.ORIGINAL, -1, b);
            // a relaunched burst: the leader posts again after a pause and about half the members
            // answer that second post instead of the first
            long re = timing.relaunch(r, s);
            relaunch[b] = re;
            int anchor2 = re >= 0 ? add(re, leader, Tweet.ORIGINAL, -1, b) : -1;
            long last = Math.max(s, re);
            for (int i = 0; i < nMembers; i++) {
                int a = members[i];
                if (a == leader || !joins[i][b]) continue;
                boolean second = re >= 0 && r.nextBoolean();
                for (int k = 0; k < (sparse[i] ? 1 : actionsEach); k++) {
                    long t = after(second ? re : s, i, end);
                    if (r.nextInt(100) < 55) add(t, a, Tweet.RETWEET, second ? anchor2 : anchor, b);
                    else add(t, a, Tweet.ORIGINAL, -1, b);
                    last = Math.max(last, t);
                }
            }
            burstEnd[b] = last;
        }
        // independent noise at any time, bursts included (no margin around them)
        for (int i = 0; i < nMembers; i++) {
            int k = sparse[i] ? r.nextInt(3) : 1 + r.nextInt(3);
            for (int j = 0; j < k; j++) add(start + (long) (r.nextDouble() * (span - 1)), members[i], Tweet.ORIGINAL, -1, -1);
        }
        seal(start, end);
    }

    @Override
    void fillOriginal(Tweet t, int e) {
        SplittableRandom c = new SplittableRandom(seed[e]);
        t.lang = "en";
        if (tag[e] < 0) {
            int w = 3 + c.nextInt(8);
            for (int i = 0; i < w; i++) t.word(NOISE[c.nextInt(NOISE.length)]);
            return;
        }
        t.raw(SHARED[c.nextInt(SHARED.length)]);
        t.hashtag(HASHTAG);
        if (c.nextInt(3) == 0) t.hashtag(c.nextBoolean() ? "Macron" : "France2017");
        if (c.nextInt(3) == 0) t.url(SHARED_LINKS[c.nextInt(SHARED_LINKS.length)]);
    }

    @Override
    void labelFields(JsonGenerator g) throws IOException {
        g.writeStringField("hashtag", HASHTAG);
        g.writeArrayFieldStart("creation_batches");
        for (int[] b : batches) {
            g.writeStartArray();
            for (int a : b) g.writeString(Long.toString(acc.id[a]));
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("creation_batch_times_ms");
        for (long[] b : batchCreated) {
            g.writeStartArray();
            g.writeNumber(b[0]);
            g.writeNumber(b[b.length - 1]);
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("bursts");
        for (int b = 0; b < burstStart.length; b++) {
            g.writeStartObject();
            g.writeNumberField("start_ms", burstStart[b]);
            g.writeNumberField("end_ms", burstEnd[b]);
            if (relaunch[b] >= 0) g.writeNumberField("relaunch_ms", relaunch[b]);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("shared_texts");
        for (String s : SHARED) g.writeString(s);
        g.writeEndArray();
    }
}
