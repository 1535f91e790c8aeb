package org.lockstep.sim;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Operation (c): a copy-pasted narrative. In each of several rounds every member posts the same
 * paragraph after its own operator delay ({@link Timing}: seconds to, for a few, hours), each copy
 * with small edits (synonym swaps, punctuation, emoji, casing), so exact-duplicate matching misses
 * it and near-duplicate matching should not. Sparse members post in one round only; some rounds
 * get a second call 12 to 48 minutes later that about half the members answer.
 */
final class Copypasta extends Operation {
    static final String TEMPLATE = "Ils vous mentent depuis le début. Des milliers de procurations frauduleuses "
            + "ont été découvertes à Marseille et personne n'en parle. Le scrutin de dimanche sera truqué. "
            + "Partagez avant que ce message soit supprimé.";
    private static final String[][] SWAPS = {
        {"mentent", "cachent la vérité"}, {"milliers", "centaines"},
        {"frauduleuses", "falsifiées", "bidon"}, {"découvertes", "trouvées"},
        {"Marseille", "Marseille et Lyon"}, {"personne", "aucun média"},
        {"truqué", "volé", "manipulé"}, {"Partagez", "Faites tourner", "Diffusez"},
        {"supprimé", "censuré"}};
    final int rounds;
    final long[] roundStart, roundEnd;
    /** Per round, the time of the second call after a pause, or -1. */
    final long[] relaunch;

    Copypasta(int number, Accounts acc, SplittableRandom r, long posts, long start, long end, Timing timing) {
        super(OpType.COPYPASTA, number, acc, r);
        double f = posts / 50_000.0;
        int m = posts < 20_000 ? (int) Math.max(6, Math.min(20, posts / 1000))
                : (int) Math.max(20, Math.min(40, 20 + 5 * Math.log(f) / Math.log(2)));
        rounds = 3 + (f >= 2 ? (int) Math.min(3, Math.log(f) / Math.log(2)) : 0);
        for (int i = 0; i < m; i++) {
            int g = 0;
            String fn = Lexicon.FIRST[g][r.nextInt(Lexicon.FIRST[g].length)];
            String ln = Lexicon.LAST[g][r.nextInt(Lexicon.LAST[g].length)];
            long created = start - (long) ((0.2 + 5 * r.nextDouble()) * 365.25 * 86_400_000L);
            int a = newAccount(g, Names.organicHandle(fn, ln, r), fn + " " + ln, Accounts.NARRATIVE, number, created);
            acc.followers[a] = (int) Dist.logNormal(r, 5.0, 1.0);
            acc.friends[a] = (int) Dist.logNormal(r, 6.0, 0.8);
            acc.baseStatuses[a] = 200 + r.nextInt(20_000);
            acc.defaultProfile[a] = r.nextInt(100) < 30;
            acc.source[a] = (byte) r.nextInt(3);
        }
        roundStart = new long[rounds];
        roundEnd = new long[rounds];
        relaunch = new long[rounds];
        drawDelays(timing, 0, nMembers);
        // a sparse member posts in one round only; an active one in each round with probability 0.9
        int[] onlyRound = new int[nMembers];
        for (int i = 0; i < nMembers; i++) onlyRound[i] = timing.sparse(r) ? r.nextInt(rounds) : -1;
        long span = end - start;
        for (int k = 0; k < rounds; k++) {
            long s = start + (long) (span * (k + 0.3 + 0.4 * r.nextDouble()) / rounds);
            s = Math.min(s, end - 3_600_000L);
            roundStart[k] = s;
            roundEnd[k] = s;
            // a relaunched round: about half the members post after a second call, 12-48 min later
            long re = timing.relaunch(r, s);
            relaunch[k] = re;
            for (int i = 0; i < nMembers; i++) {
                if (onlyRound[i] >= 0 ? onlyRound[i] != k : r.nextInt(100) >= 90) continue;
                long t = after(re >= 0 && r.nextBoolean() ? re : s, i, end);
                add(t, members[i], Tweet.ORIGINAL, -1, k);
                roundEnd[k] = Math.max(roundEnd[k], t);
            }
        }
        seal(start, end);
    }

    @Override
    void fillOriginal(Tweet t, int e) {
        SplittableRandom c = new SplittableRandom(seed[e]);
        t.lang = "fr";
        String s = TEMPLATE;
        int swaps = c.nextInt(4); // 0..3 word swaps per copy
        for (int i = 0; i < swaps; i++) {
            String[] sw = SWAPS[c.nextInt(SWAPS.length)];
            s = s.replace(sw[0], sw[1 + c.nextInt(sw.length - 1)]);
        }
        switch (c.nextInt(5)) {
            case 0: s = s.replace(". ", " ! "); break;
            case 1: s = s.replace("supprimé.", "supprimé !!").replace("censuré.", "censuré !!"); break;
            case 2: s = s.replace(". ", "... "); break;
            default: break;
        }
        int casing = c.nextInt(10);
        if (casing == 0) s = s.toUpperCase(Locale.FRENCH);
        else if (casing == 1) s = s.replace("truqué", "TRUQUÉ").replace("volé", "VOLÉ").replace("manipulé", "MANIPULÉ");
        if (c.nextInt(100) < 40) s = Lexicon.EMOJI[c.nextInt(Lexicon.EMOJI.length)] + " " + s;
        t.raw(s);
        if (c.nextInt(100) < 40) t.word(Lexicon.EMOJI[c.nextInt(Lexicon.EMOJI.length)]);
        if (c.nextInt(100) < 30) t.hashtag(c.nextBoolean() ? "Presidentielle2017" : "France2017");
    }

    @Override
    void labelFields(JsonGenerator g) throws IOException {
        g.writeStringField("template", TEMPLATE);
        g.writeArrayFieldStart("rounds");
        for (int k = 0; k < rounds; k++) {
            g.writeStartObject();
            g.writeNumberField("start_ms", roundStart[k]);
            g.writeNumberField("end_ms", roundEnd[k]);
            if (relaunch[k] >= 0) g.writeNumberField("relaunch_ms", relaunch[k]);
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
