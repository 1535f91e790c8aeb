package org.lockstep.core.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lockstep.core.campaigns.CampaignAnalysis;
import org.lockstep.core.coord.Coordination;
import org.lockstep.core.coord.CoordinationConfig;
import org.lockstep.core.model.Platform;
import org.lockstep.core.model.Post;
import org.lockstep.core.model.PostTable;

/** The library example of docs/architecture.md, compiled and run: one call, results reused in memory. */
class AnalysisTest {

    static PostTable ring() {
        PostTable.Builder b = PostTable.builder();
        long t = 1_700_000_000_000L;
        for (int link = 0; link < 6; link++) {
            for (int a = 0; a < 4; a++) {
                b.add(Post.builder(Platform.TWITTER).id("p" + link + "_" + a).accountId("ring" + a)
                        .timeMs(t + link * 7_200_000L + a * 5_000L).text("#vote #now push " + link)
                        .urls(List.of("https://rare.example/" + link)).build());
            }
        }
        for (int u = 0; u < 40; u++) {
            b.add(Post.builder(Platform.TWITTER).id("o" + u).accountId("user" + u).timeMs(t + u * 600_000L)
                    .text("just a post " + u).urls(List.of("https://news.example/" + (u % 7))).build());
        }
        return b.build();
    }

    @Test
    void oneCallRunsEverythingAndCampaignsSeeTheGroups() {
        PostTable table = ring();
        AnalysisResult r = Analysis.run(table, AnalysisConfig.defaults());
        assertEquals(4, r.coordination().accountCount());
        // the campaigns saw exactly the detection's groups, with no second detection
        int[] direct = Coordination.detect(table, CoordinationConfig.builder().build()).accounts().group;
        assertArrayEquals(direct, r.groups());
        assertEquals(table.accounts().size(), r.campaigns().accounts().scores().length);
    }

    @Test
    void partsNotAskedForAreNull() {
        AnalysisResult r = Analysis.run(ring(), AnalysisConfig.coordinationOnly(CoordinationConfig.builder().build()));
        assertNull(r.campaigns());
        AnalysisResult c = Analysis.run(ring(), new AnalysisConfig(null, CampaignAnalysis.Config.defaults()));
        assertNull(c.coordination());
        assertNull(c.groups());
        assertThrows(IllegalArgumentException.class, () -> new AnalysisConfig(null, null));
    }
}
