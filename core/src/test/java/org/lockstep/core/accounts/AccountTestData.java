package org.lockstep.core.accounts;

import java.util.List;
import org.lockstep.core.model.AccountSnapshot;
import org.lockstep.core.model.Platform;
import org.lockstep.core.model.Post;
import org.lockstep.core.model.PostRef;

/** Hand-made posts for account tests. */
final class AccountTestData {
    static final long T0 = 1_700_000_000_000L; // 2023-11-14T22:13:20Z
    static final long DAY = 86_400_000L;
    private static int next;

    static AccountSnapshot snap(String id, String handle, long created, String location, String bio) {
        return new AccountSnapshot(id, handle, handle, bio, location, null, created, 100, 100, 1000,
                false, false, false, null);
    }

    static Post post(AccountSnapshot a, long t, String lang, List<String> tags, String repostOf) {
        return Post.builder(Platform.TWITTER).id("p" + (next++)).accountId(a.id()).handle(a.handle()).timeMs(t)
                .lang(lang).hashtags(tags).text("text " + next)
                .repostOf(repostOf == null ? null : new PostRef(repostOf, "orig", "orig"))
                .account(a).build();
    }

    private AccountTestData() {}
}
