package org.lockstep.core.campaigns;

import java.util.List;
import org.lockstep.core.model.AccountSnapshot;
import org.lockstep.core.model.Platform;
import org.lockstep.core.model.Post;
import org.lockstep.core.model.PostRef;

/** Hand-made posts for campaign tests. */
final class CampaignTestData {
    static final long T0 = 1_700_000_000_000L;
    static final long MIN = 60_000L, HOUR = 3_600_000L, DAY = 86_400_000L;
    private static int next;

    static AccountSnapshot acc(String id, long created) {
        return new AccountSnapshot(id, "h_" + id, id, null, null, null, created, 100, 100, 1000, false, false, false, null);
    }

    static Post post(AccountSnapshot a, long t, String lang, List<String> tags, List<String> urls) {
        return Post.builder(Platform.TWITTER).id("p" + (next++)).accountId(a.id()).handle(a.handle()).timeMs(t)
                .lang(lang).hashtags(tags).urls(urls).text("t").account(a).build();
    }

    static Post original(String id, AccountSnapshot a, long t, String lang) {
        return Post.builder(Platform.TWITTER).id(id).accountId(a.id()).handle(a.handle()).timeMs(t).lang(lang)
                .text("original").account(a).build();
    }

    static Post repost(AccountSnapshot a, long t, String lang, String of, AccountSnapshot author) {
        return Post.builder(Platform.TWITTER).id("p" + (next++)).accountId(a.id()).handle(a.handle()).timeMs(t)
                .lang(lang).repostOf(new PostRef(of, author.id(), author.handle())).account(a).build();
    }

    private CampaignTestData() {}
}
