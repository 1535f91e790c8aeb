package org.lockstep.sim;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.SplittableRandom;

/**
 * Operation (d): accounts spreading links to look-alike domains of the protected campaign domain
 * {@code en-marche.fr} (the APT28-style names seen in 2017) with phishing-like paths.
 */
final class LookalikeDomains extends Operation {
    static final String PROTECTED = "en-marche.fr";
    static final String[] DOMAINS = {"en-marche-fr.com", "en-rnarche.fr", "onedrive-en-marche.fr", "en-marche.co",
        "mail-en-marche.fr", "enmarche-fr.org", "secure-en-marche.fr"};
    private static final String[] PATHS = {"/login/secure?session=", "/owa/auth/logon.aspx?replaceCurrent=1&token=",
        "/documents/partage/confidentiel.pdf?id=", "/adfs/ls/?client-request-id=", "/sharepoint/Documents/notes?d=",
        "/verification/compte?ref="};
    private static final String[] TEXT = {"Document interne à consulter avant la réunion de ce soir",
        "Nouvelle procédure de connexion pour les bénévoles", "Le programme complet en exclusivité",
        "Mot de passe à renouveler avant lundi", "Compte rendu du comité, accès réservé",
        "Internal memo for volunteers, please log in", "Liste des procurations à vérifier"};

    LookalikeDomains(int number, Accounts acc, SplittableRandom r, long posts, long start, long end) {
        super(OpType.LOOKALIKE_DOMAINS, number, acc, r);
        int m = posts < 20_000 ? 10 : (int) Math.min(20, 10 + posts / 100_000);
        for (int i = 0; i < m; i++) {
            int g = r.nextInt(4) == 0 ? 1 : 0;
            String fn = Lexicon.FIRST[g][r.nextInt(Lexicon.FIRST[g].length)];
            String ln = Lexicon.LAST[g][r.nextInt(Lexicon.LAST[g].length)];
            long created = start - (long) ((0.05 + 2 * r.nextDouble()) * 365.25 * 86_400_000L);
            int a = newAccount(g, Names.organicHandle(fn, ln, r), fn + " " + ln, Accounts.LOOKALIKE_SPREADER, number,
                    created);
            acc.followers[a] = (int) Dist.logNormal(r, 4.0, 1.2);
            acc.friends[a] = (int) Dist.logNormal(r, 5.5, 0.8);
            acc.baseStatuses[a] = 50 + r.nextInt(5_000);
            acc.defaultProfile[a] = r.nextInt(100) < 40;
            acc.source[a] = (byte) 2;
        }
        int each = posts < 20_000 ? 3 : 3 + (int) Math.min(5, posts / 500_000);
        long span = end - start;
        for (int i = 0; i < nMembers; i++) {
            int k = each + r.nextInt(3);
            for (int j = 0; j < k; j++) {
                add(start + (long) (r.nextDouble() * (span - 1)), members[i], Tweet.ORIGINAL, -1, 0);
            }
        }
        seal(start, end);
    }

    @Override
    void fillOriginal(Tweet t, int e) {
        SplittableRandom c = new SplittableRandom(seed[e]);
        t.lang = acc.region[t.author] == 1 ? "en" : "fr";
        int text = c.nextInt(TEXT.length);
        if (t.lang.equals("en")) text = 5;
        t.raw(TEXT[text]);
        String host = DOMAINS[e % DOMAINS.length];
        if (c.nextInt(4) == 0) host = "www." + host;
        StringBuilder token = new StringBuilder(16);
        for (int i = 0; i < 12; i++) token.append((char) ('a' + c.nextInt(26)));
        t.url("https://" + host + PATHS[c.nextInt(PATHS.length)] + token);
        if (c.nextInt(3) == 0) t.hashtag("EnMarche");
    }

    @Override
    void labelFields(JsonGenerator g) throws IOException {
        g.writeStringField("protected", PROTECTED);
        g.writeArrayFieldStart("domains");
        for (int i = 0; i < Math.min(n, DOMAINS.length); i++) g.writeString(DOMAINS[i]);
        g.writeEndArray();
    }
}
