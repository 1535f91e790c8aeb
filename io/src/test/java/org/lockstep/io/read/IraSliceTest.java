package org.lockstep.io.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lockstep.core.model.Post;
import org.lockstep.core.model.PostKind;

/**
 * One real day of the FiveThirtyEight IRA release, as released (test resource {@code ira/}, see its
 * README). The expected counts come from {@code scripts/validation/ira_to_peers.py}, an independent
 * Python implementation of the same derivation, run on the same file.
 */
class IraSliceTest {
    @Test
    void aRealDayDerivesTheSameObjectsAsThePythonConverter() throws IOException {
        Path f = Path.of("src/test/resources/ira/ira_2016-02-29.csv.gz");
        Fixtures.Result r = Fixtures.read(f);
        assertEquals(4061, r.report().records());
        assertEquals(4061, r.posts().size());
        assertEquals(0, r.report().rejected());
        assertEquals(1217, r.report().derivedRefs(), "every retweet row, none names its original");

        Map<String, Set<String>> accountsByTarget = new HashMap<>();
        Set<String> accounts = new HashSet<>();
        int reposts = 0, quotes = 0;
        for (Post p : r.posts()) {
            accounts.add(p.accountId());
            if (p.kind() == PostKind.QUOTE) quotes++;
            if (p.kind() != PostKind.REPOST) continue;
            reposts++;
            accountsByTarget.computeIfAbsent(p.repostOf().postId(), k -> new HashSet<>()).add(p.accountId());
        }
        assertEquals(325, accounts.size());
        assertEquals(1217, reposts);
        assertEquals(11, quotes);
        assertEquals(502, accountsByTarget.size(), "distinct retweeted originals");
        assertEquals(290, accountsByTarget.values().stream().filter(s -> s.size() >= 2).count(),
                "originals retweeted by two accounts or more");
        assertEquals(7, accountsByTarget.get("rt:e6ea196a8de2677e").size(), "the most retweeted original");
        assertEquals(List.of(), r.problems().stream().filter(p -> !p.contains("WARNING")).toList());
    }
}
