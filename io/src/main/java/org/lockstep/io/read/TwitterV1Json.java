package org.lockstep.io.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.lockstep.core.model.AccountSnapshot;
import org.lockstep.core.model.InvalidPostException;
import org.lockstep.core.model.Media;
import org.lockstep.core.model.Platform;
import org.lockstep.core.model.Post;
import org.lockstep.core.model.PostRef;

/**
 * Twitter API v1.1 tweet objects (REST, streaming, archives), including {@code retweeted_status},
 * {@code quoted_status}, {@code extended_tweet} (280-character tweets) and {@code extended_entities}.
 * A retweet takes the original's full entities, since its own text is cut at 140 characters.
 */
final class TwitterV1Json {
    private TwitterV1Json() {}

    static boolean matches(JsonNode n) {
        return n.has("created_at") && (n.has("id_str") || n.has("id")) && n.has("user");
    }

    static Post map(JsonNode t) {
        String id = Json.id(t, "id_str", "id");
        JsonNode user = Json.obj(t, "user");
        if (user == null) throw new InvalidPostException("missing user object");
        String accountId = Json.id(user, "id_str", "id");
        String handle = Json.str(user, "screen_name");
        long time = t.has("timestamp_ms") ? Json.time(t, "timestamp_ms") : Json.time(t, "created_at");
        JsonNode rt = Json.obj(t, "retweeted_status");
        JsonNode qt = Json.obj(t, "quoted_status");
        JsonNode source = rt != null ? rt : t;
        JsonNode ext = Json.obj(source, "extended_tweet");
        JsonNode entities = ext != null && Json.obj(ext, "entities") != null ? Json.obj(ext, "entities") : Json.obj(source, "entities");
        JsonNode extEntities = ext != null && Json.obj(ext, "extended_entities") != null
                ? Json.obj(ext, "extended_entities") : Json.obj(source, "extended_entities");
        String text = text(t);

        Post.Builder b = Post.builder(Platform.TWITTER).id(id).accountId(accountId).handle(handle).timeMs(time)
                .text(text).lang(lang(t));
        if (rt != null) {
            JsonNode ru = Json.obj(rt, "user");
            b.repostOf(new PostRef(Json.id(rt, "id_str", "id"), ru == null ? null : Json.str(ru, "id_str") != null
                    ? Json.str(ru, "id_str") : Json.str(ru, "id"), ru == null ? null : Json.str(ru, "screen_name")));
        }
        String replyId = Json.str(t, "in_reply_to_status_id_str");
        if (replyId == null) replyId = Json.str(t, "in_reply_to_status_id");
        String replyUser = Json.str(t, "in_reply_to_user_id_str");
        if (replyUser == null) replyUser = Json.str(t, "in_reply_to_user_id");
        if (replyId != null || replyUser != null) {
            b.replyTo(new PostRef(replyId, replyUser, Json.str(t, "in_reply_to_screen_name")));
        }
        if (rt == null) {
            String qid = qt != null ? Json.str(qt, "id_str") : Json.str(t, "quoted_status_id_str");
            if (qid == null && qt != null) qid = Json.str(qt, "id");
            if (qid != null) {
                JsonNode qu = Json.obj(qt, "user");
                b.quoteOf(new PostRef(qid, qu == null ? null : Json.str(qu, "id_str"), qu == null ? null : Json.str(qu, "screen_name")));
            }
        }
        if (entities != null) {
            b.hashtags(Json.strings(entities, "hashtags", "text"));
            b.mentions(Json.strings(entities, "user_mentions", "screen_name"));
            JsonNode urls = Json.arr(entities, "urls");
            if (urls != null && !urls.isEmpty()) {
                List<String> out = new ArrayList<>(urls.size());
                for (JsonNode u : urls) {
                    JsonNode unwound = Json.obj(u, "unwound");
                    String e = unwound == null ? null : Json.str(unwound, "url");
                    if (e == null) e = Json.str(u, "expanded_url");
                    if (e == null) e = Json.str(u, "url");
                    if (e != null) out.add(e);
                }
                b.urls(out);
            }
        }
        JsonNode mediaHolder = extEntities != null ? extEntities : entities;
        JsonNode media = Json.arr(mediaHolder, "media");
        if (media != null && !media.isEmpty()) {
            List<Media> out = new ArrayList<>(media.size());
            for (JsonNode m : media) {
                String url = Json.str(m, "media_url_https");
                if (url == null) url = Json.str(m, "media_url");
                String hash = Json.str(m, "phash");
                if (url != null || hash != null) out.add(new Media(url, Json.str(m, "type"), hash));
            }
            b.media(out);
        }
        b.account(account(user, accountId, handle));
        return b.build();
    }

    private static String text(JsonNode t) {
        JsonNode ext = Json.obj(t, "extended_tweet");
        String s = ext == null ? null : Json.str(ext, "full_text");
        if (s == null) s = Json.str(t, "full_text");
        if (s == null) s = Json.str(t, "text");
        return s;
    }

    private static String lang(JsonNode t) {
        String l = Json.str(t, "lang");
        return l == null || l.equals("und") ? null : l;
    }

    static AccountSnapshot account(JsonNode u, String id, String handle) {
        return new AccountSnapshot(id, handle, Json.str(u, "name"), Json.str(u, "description"), Json.str(u, "location"),
                Json.str(u, "lang"), Json.timeOrUnknown(u, "created_at"), Json.num(u, "followers_count"),
                Json.num(u, "friends_count"), Json.num(u, "statuses_count"), Json.bool(u, "default_profile"),
                Json.bool(u, "default_profile_image"), Json.bool(u, "verified"),
                Json.str(u, "profile_image_url_https"));
    }
}
