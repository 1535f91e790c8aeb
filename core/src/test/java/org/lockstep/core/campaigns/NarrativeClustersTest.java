package org.lockstep.core.campaigns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lockstep.core.model.AccountSnapshot;
import org.lockstep.core.model.Platform;
import org.lockstep.core.model.Post;
import org.lockstep.core.model.PostTable;

class NarrativeClustersTest {
    private static final String TEMPLATE = "Ils vous mentent depuis le début. Des milliers de procurations frauduleuses "
            + "ont été découvertes à Marseille et personne n'en parle. Le scrutin de dimanche sera truqué. "
            + "Partagez avant que ce message soit supprimé.";

    private static Post p(int i, String text) {
        return Post.builder(Platform.TWITTER).id("n" + i).accountId("a" + i).timeMs(1_000L * i).text(text)
                .account(AccountSnapshot.minimal("a" + i, "a" + i)).build();
    }

    @Test
    void clustersCopyPasteWithSmallEditsAndNothingElse() {
        PostTable.Builder b = PostTable.builder();
        b.add(p(0, TEMPLATE));
        b.add(p(1, TEMPLATE.replace("Marseille", "Lyon")));
        b.add(p(2, "URGENT " + TEMPLATE + " https://t.co/xyz @someone"));
        b.add(p(3, TEMPLATE.toUpperCase().replace("É", "E")));    // case and accents folded
        b.add(p(4, TEMPLATE.replace("dimanche", "demain")));
        String[] other = {
            "Le débat de ce soir était long mais instructif sur les retraites et l'emploi des jeunes",
            "Great match yesterday, the second half was incredible and the crowd was loud all night",
            "Nouvelle recette de tarte aux pommes ce weekend avec les enfants, un vrai régal pour tous",
            "Traffic on the ring road is terrible again this morning, leave early if you can today"};
        for (int i = 0; i < other.length; i++) b.add(p(10 + i, other[i]));
        PostTable t = b.build();
        NarrativeClusters.Result r = new NarrativeClusters(NarrativeClusters.Config.defaults()).cluster(t);
        assertEquals(1, r.clusters());
        assertEquals(5, r.size()[0]);
        assertEquals(0, r.firstRow()[0]);
        for (int i = 0; i < 5; i++) assertEquals(0, r.clusterOfRow()[i]);
        for (int i = 5; i < 9; i++) assertEquals(-1, r.clusterOfRow()[i]);
    }

    @Test
    void signatureAgreementEstimatesJaccard() {
        NarrativeClusters nc = new NarrativeClusters(new NarrativeClusters.Config(128, 16, 0.6, 3, 2));
        int[] a = new int[128], b = new int[128];
        // 30 distinct words; b shares the first 20 -> shingles: a 28, b 28, shared 18 -> J = 18/38
        StringBuilder sa = new StringBuilder(), sb = new StringBuilder();
        for (int i = 0; i < 30; i++) sa.append("w").append(i).append(' ');
        for (int i = 0; i < 20; i++) sb.append("w").append(i).append(' ');
        for (int i = 0; i < 10; i++) sb.append("x").append(i).append(' ');
        assertTrue(nc.signature(sa.toString(), a));
        assertTrue(nc.signature(sb.toString(), b));
        double est = NarrativeClusters.similarity(a, b);
        assertEquals(18 / 38.0, est, 0.15);
        assertNotEquals(1.0, est);
        assertFalse(nc.signature("too short", a));
    }
}
