package org.lockstep.io.read;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lockstep.core.model.Post;
import org.lockstep.core.model.PostRef;

/**
 * A post as one line of JSON (platform, id, account, handle, time, kind, text, references, lists), for
 * the quarantine file when the raw record is no longer at hand (a conflicting duplicate found after
 * reading): what was not stored can still be looked at and re-loaded by hand.
 */
public final class PostJson {
    private PostJson() {}

    public static String of(Post p) {
        ObjectNode o = Readers.MAPPER.createObjectNode();
        o.put("platform", p.platform().label());
        o.put("id", p.id());
        o.put("account_id", p.accountId());
        o.put("handle", p.handle());
        o.put("time", Timestamps.iso(p.timeMs()));
        o.put("kind", p.kind().label());
        o.put("text", p.text());
        o.put("lang", p.lang());
        ref(o, "repost_of", p.repostOf());
        ref(o, "reply_to", p.replyTo());
        ref(o, "quote_of", p.quoteOf());
        p.urls().forEach(o.putArray("urls")::add);
        p.hashtags().forEach(o.putArray("hashtags")::add);
        p.mentions().forEach(o.putArray("mentions")::add);
        return o.toString();
    }

    private static void ref(ObjectNode o, String name, PostRef r) {
        if (r == null) return;
        ObjectNode n = o.putObject(name);
        n.put("id", r.postId());
        n.put("account_id", r.accountId());
        n.put("handle", r.handle());
    }
}
