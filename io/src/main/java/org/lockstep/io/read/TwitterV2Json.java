package org.lockstep.io.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.lockstep.core.model.AccountSnapshot;
import org.lockstep.core.model.InvalidPostException;
import org.lockstep.core.model.Media;
import org.lockstep.core.model.Platform;
import org.lockstep.core.model.Post;
import org.lockstep.core.model.PostRef;

/**
 * Twitter API v2 tweets (developer.twitter.com/en/docs/twitter-api/data-dictionary/object-model/tweet):
 * response pages ({@code data} + {@code includes.users/tweets/media}) and one tweet per line as
 * twarc2 writes it after {@code twarc2 flatten} ({@code author}, inlined {@code referenced_tweets},
 * {@code attachments.media}, {@code __twarc}). Each tweet of {@code data} is mapped on its own;
 * {@code includes.tweets} only supply the authors and entities of referenced tweets and are not
 * posts themselves (as {@code retweeted_status} in v1.1). A retweet takes the original's entities,
 * since its own text is cut.
 */
final class TwitterV2Json {
    private TwitterV2Json() {}

    /** Lookups built from a page's {@code includes}. */
    private record Includes(Map<String, JsonNode> users, Map<String, JsonNode> tweets, Map<String, JsonNode> media) {
        static final Includes NONE = new Includes(Map.of(), Map.of(), Map.of());

        static Includes of(JsonNode page) {
            JsonNode inc = Json.obj(page, "includes");
            if (inc == null) return NONE;
            return new Includes(index(inc, "users", "id"), index(inc, "tweets", "id"), index(inc, "media", "media_key"));
        }

        private static Map<String, JsonNode> index(JsonNode inc, String field, String key) {
            JsonNode a = Json.arr(inc, field);
            if (a == null || a.isEmpty()) return Map.of();
            Map<String, JsonNode> m = new HashMap<>();
            for (JsonNode e : a) {
                String k = Json.str(e, key);
                if (k != null && e.isObject()) m.putIfAbsent(k, e);
            }
            return m;
        }
    }

    /** Maps one JSON value to posts, reporting each bad tweet of a page to rejectPart; returns how many. */
    static int map(JsonNode n, Consumer<Post> out, Consumer<String> rejectPart) {
        JsonNode data = n.get("data");
        if (data == null || data.isNull()) {
            out.accept(tweet(n, Includes.NONE));
            return 1;
        }
        Includes inc = Includes.of(n);
        if (data.isObject()) {
            out.accept(tweet(data, inc));
            return 1;
        }
        if (!data.isArray()) throw new InvalidPostException("wrong type for data");
        if (data.isEmpty()) throw new InvalidPostException("Twitter v2 page with no tweets in data");
        int ok = 0;
        int i = 0;
        for (JsonNode t : data) {
            try {
                if (!t.isObject()) throw new InvalidPostException("not a tweet object");
                out.accept(tweet(t, inc));
                ok++;
            } catch (InvalidPostException | IllegalArgumentException e) {
                rejectPart.accept("data[" + i + "]" + idOf(t) + ": " + e.getMessage());
            }
            i++;
        }
        return ok;
    }

    private static String idOf(JsonNode t) {
        String id = Json.str(t, "id");
        return id == null ? "" : " (tweet " + Timestamps.clip(id) + ")";
    }

    static Post tweet(JsonNode t, Includes inc) {
        String id = Json.id(t, "id");
        JsonNode author = Json.obj(t, "author");
        String accountId = Json.str(t, "author_id");
        if (accountId == null && author != null) accountId = Json.str(author, "id");
        if (accountId == null) throw new InvalidPostException("missing author_id");
        if (author == null) author = inc.users().get(accountId);
        long time = Json.time(t, "created_at");
        String handle = Json.str(author, "username");

        Post.Builder b = Post.builder(Platform.TWITTER).id(id).accountId(accountId).handle(handle).timeMs(time)
                .text(Json.str(t, "text")).lang(lang(t));
        JsonNode entitySource = t;
        boolean reply = false;
        JsonNode refs = Json.arr(t, "referenced_tweets");
        if (refs != null) {
            for (JsonNode r : refs) {
                String type = Json.str(r, "type");
                String rid = Json.str(r, "id");
                if (type == null || rid == null) continue;
                // twarc2 inlines the referenced tweet; a page puts it in includes.tweets
                JsonNode full = r.has("author_id") || r.has("text") ? r : inc.tweets().get(rid);
                String rAuthor = Json.str(full, "author_id");
                JsonNode ru = Json.obj(full, "author");
                if (ru == null && rAuthor != null) ru = inc.users().get(rAuthor);
                if (rAuthor == null) rAuthor = Json.str(ru, "id");
                String rHandle = Json.str(ru, "username");
                switch (type) {
                    case "retweeted" -> {
                        b.repostOf(new PostRef(rid, rAuthor, rHandle));
                        if (full != null && Json.obj(full, "entities") != null) entitySource = full;
                    }
                    case "quoted" -> b.quoteOf(new PostRef(rid, rAuthor, rHandle));
                    case "replied_to" -> {
                        String to = Json.str(t, "in_reply_to_user_id");
                        if (to == null) to = rAuthor;
                        String toHandle = to != null && to.equals(rAuthor) ? rHandle
                                : to == null ? null : Json.str(inc.users().get(to), "username");
                        b.replyTo(new PostRef(rid, to, toHandle));
                        reply = true;
                    }
                    default -> { }
                }
            }
        }
        if (!reply) {
            String to = Json.str(t, "in_reply_to_user_id");
            if (to != null) b.replyTo(new PostRef(null, to, null));
        }
        JsonNode ent = Json.obj(entitySource, "entities");
        if (ent != null) {
            b.hashtags(Json.strings(ent, "hashtags", "tag"));
            b.mentions(Json.strings(ent, "mentions", "username"));
            JsonNode urls = Json.arr(ent, "urls");
            if (urls != null && !urls.isEmpty()) {
                List<String> out = new ArrayList<>(urls.size());
                for (JsonNode u : urls) {
                    String e = Json.text(u, "unwound_url");
                    if (e == null) e = Json.text(u, "expanded_url");
                    if (e == null) e = Json.text(u, "url");
                    // links to the tweet's own photos are not shared URLs
                    if (e != null && Json.str(u, "media_key") == null) out.add(e);
                }
                b.urls(out);
            }
        }
        b.media(media(t, inc));
        if (author != null) b.account(account(author, accountId, handle));
        return b.build();
    }

    private static List<Media> media(JsonNode t, Includes inc) {
        JsonNode att = Json.obj(t, "attachments");
        if (att == null) return List.of();
        List<Media> out = new ArrayList<>(2);
        JsonNode inlined = Json.arr(att, "media"); // twarc2 flatten
        if (inlined != null) {
            for (JsonNode m : inlined) add(out, m);
            return out;
        }
        JsonNode keys = Json.arr(att, "media_keys");
        if (keys == null) return List.of();
        for (JsonNode k : keys) {
            JsonNode m = k.isTextual() ? inc.media().get(k.textValue()) : null;
            if (m != null) add(out, m);
        }
        return out;
    }

    private static void add(List<Media> out, JsonNode m) {
        String url = Json.str(m, "url");
        if (url == null) url = Json.str(m, "preview_image_url");
        if (url == null) url = Json.str(m, "media_key");
        if (url != null) out.add(new Media(url, Json.str(m, "type"), null));
    }

    private static String lang(JsonNode t) {
        String l = Json.str(t, "lang");
        return l == null || l.equals("und") || l.equals("zxx") || l.equals("qme") || l.equals("qht") ? null : l;
    }

    /** A v2 user object (data-dictionary/object-model/user). v2 has no default_profile flag. */
    static AccountSnapshot account(JsonNode u, String id, String handle) {
        JsonNode pm = Json.obj(u, "public_metrics");
        String avatar = Json.str(u, "profile_image_url");
        Boolean defaultAvatar = avatar == null ? null : avatar.contains("default_profile_images");
        return new AccountSnapshot(id, handle, Json.str(u, "name"), Json.str(u, "description"), Json.str(u, "location"),
                null, Json.timeOrUnknown(u, "created_at"), Json.num(pm, "followers_count"), Json.num(pm, "following_count"),
                Json.num(pm, "tweet_count"), null, defaultAvatar, Json.bool(u, "verified"), avatar);
    }
}
