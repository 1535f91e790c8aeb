package org.lockstep.io.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.lockstep.core.model.AccountSnapshot;
import org.lockstep.core.model.InvalidPostException;
import org.lockstep.core.model.Media;
import org.lockstep.core.model.Platform;
import org.lockstep.core.model.Post;
import org.lockstep.core.model.PostRef;

/**
 * Twitter API v1.1 tweet objects (developer.twitter.com/en/docs/twitter-api/v1/data-dictionary;
 * REST, streaming, archives), including {@code retweeted_status}, {@code quoted_status},
 * {@code extended_tweet} (280-character tweets) and {@code extended_entities}. A retweet takes the
 * original's full entities, since its own text is cut at 140 characters.
 *
 * <p>Tweets are read in one streaming pass that keeps only the fields mapped and skips the rest
 * (most of a tweet's bytes), without building a tree: that is what makes JSON ingest fast. Values of
 * a wrong type count as absent, as in {@link Json}.
 */
final class TwitterV1Json {
    private TwitterV1Json() {}

    static boolean matches(JsonNode n) {
        // loose on purpose: a tweet missing its id or time is reported as such, not as "no post"
        return n.has("user") && (n.has("created_at") || n.has("id_str") || n.has("id"))
                && (n.has("text") || n.has("full_text") || n.has("created_at"));
    }

    /** Maps a tweet already read as a tree (JSON documents and arrays). */
    static Post map(JsonNode t) {
        try (JsonParser p = t.traverse()) {
            p.nextToken();
            Tweet tw = Tweet.read(p, false);
            return tw.toPost();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads one tweet from a parser positioned before its first token; null when the value is no
     * v1.1 tweet (the caller then reads it as a tree to recognise it).
     *
     * @throws IOException on malformed JSON
     */
    static Tweet readTop(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) return null;
        Tweet t = Tweet.read(p, true);
        if (t == null || !t.looksLikeTweet()) return null;
        return t;
    }

    /** A JSON scalar as the lenient accessors see it. */
    private static final byte ABSENT = 0, NULL = 1, TEXT = 2, INT = 3, FLOAT = 4, BOOL = 5, OTHER = 6;

    private static final class Val {
        byte type = ABSENT;
        String text;
        long num;
        boolean big;

        static Val read(JsonParser p) throws IOException {
            Val v = new Val();
            JsonToken t = p.currentToken();
            switch (t) {
                case VALUE_STRING -> { v.type = TEXT; v.text = p.getText(); }
                case VALUE_NUMBER_INT -> {
                    v.type = INT;
                    v.text = p.getText();
                    if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) v.big = true;
                    else v.num = p.getLongValue();
                }
                case VALUE_NUMBER_FLOAT -> { v.type = FLOAT; v.text = p.getText(); }
                case VALUE_TRUE, VALUE_FALSE -> { v.type = BOOL; v.text = t == JsonToken.VALUE_TRUE ? "true" : "false"; }
                case VALUE_NULL -> v.type = NULL;
                default -> { v.type = OTHER; p.skipChildren(); }
            }
            return v;
        }

        /** {@link Json#str}: text (empty is absent) or an integer's digits. */
        static String str(Val v) {
            if (v == null) return null;
            if (v.type == TEXT) return v.text.isEmpty() ? null : v.text;
            if (v.type == INT) return v.text;
            return null;
        }

        /** {@link Json#text}: only non-empty text. */
        static String text(Val v) {
            return v != null && v.type == TEXT && !v.text.isEmpty() ? v.text : null;
        }

        static long num(Val v) {
            if (v == null) return AccountSnapshot.UNKNOWN;
            if (v.type == INT) return v.big ? AccountSnapshot.UNKNOWN : v.num;
            if (v.type == TEXT) {
                try {
                    return Long.parseLong(v.text.strip());
                } catch (NumberFormatException e) {
                    return AccountSnapshot.UNKNOWN;
                }
            }
            return AccountSnapshot.UNKNOWN;
        }

        static Boolean bool(Val v) {
            if (v == null) return null;
            if (v.type == BOOL) return v.text.equals("true");
            if (v.type == TEXT) {
                if (v.text.equalsIgnoreCase("true")) return true;
                if (v.text.equalsIgnoreCase("false")) return false;
            }
            return null;
        }

        /** {@link Json#time} for one field; null when absent or null. */
        static Long time(Val v, String field) {
            if (v == null || v.type == NULL || v.type == ABSENT) return null;
            if (v.type == TEXT || v.type == INT || v.type == FLOAT) return Timestamps.parse(v.text);
            throw new InvalidPostException("wrong type for " + field);
        }

        static long timeOrUnknown(Val v) {
            if (v == null || !(v.type == TEXT || v.type == INT || v.type == FLOAT)) return AccountSnapshot.UNKNOWN;
            try {
                return Timestamps.parse(v.text);
            } catch (IllegalArgumentException e) {
                return AccountSnapshot.UNKNOWN;
            }
        }
    }

    private static final class User {
        Val idStr, id, screenName, name, description, location, lang, createdAt, followers, friends, statuses,
                defaultProfile, defaultImage, verified, image;

        static User read(JsonParser p) throws IOException {
            User u = new User();
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                switch (f) {
                    case "id_str" -> u.idStr = Val.read(p);
                    case "id" -> u.id = Val.read(p);
                    case "screen_name" -> u.screenName = Val.read(p);
                    case "name" -> u.name = Val.read(p);
                    case "description" -> u.description = Val.read(p);
                    case "location" -> u.location = Val.read(p);
                    case "lang" -> u.lang = Val.read(p);
                    case "created_at" -> u.createdAt = Val.read(p);
                    case "followers_count" -> u.followers = Val.read(p);
                    case "friends_count" -> u.friends = Val.read(p);
                    case "statuses_count" -> u.statuses = Val.read(p);
                    case "default_profile" -> u.defaultProfile = Val.read(p);
                    case "default_profile_image" -> u.defaultImage = Val.read(p);
                    case "verified" -> u.verified = Val.read(p);
                    case "profile_image_url_https" -> u.image = Val.read(p);
                    default -> p.skipChildren();
                }
            }
            end(t);
            return u;
        }

        String id() {
            String s = Val.str(idStr);
            return s != null ? s : Val.str(id);
        }
    }

    private static final class Entities {
        List<String> hashtags = List.of();
        List<String> mentions = List.of();
        List<String> urls = List.of();
        List<Media> media = List.of();

        static Entities read(JsonParser p) throws IOException {
            Entities e = new Entities();
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                JsonToken v = p.nextToken();
                if (v != JsonToken.START_ARRAY) {
                    p.skipChildren();
                    continue;
                }
                switch (f) {
                    case "hashtags" -> e.hashtags = strings(p, "text");
                    case "user_mentions" -> e.mentions = strings(p, "screen_name");
                    case "urls" -> e.urls = urls(p);
                    case "media" -> e.media = media(p);
                    default -> p.skipChildren();
                }
            }
            end(t);
            return e;
        }

        /** {@link Json#strings}: a text element itself, or the given field of an object element. */
        private static List<String> strings(JsonParser p, String field) throws IOException {
            List<String> out = null;
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                String s = null;
                if (t == JsonToken.VALUE_STRING) {
                    s = p.getText();
                } else if (t == JsonToken.START_OBJECT) {
                    JsonToken k;
                    while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
                        String f = p.currentName();
                        p.nextToken();
                        if (f.equals(field)) s = Val.str(Val.read(p));
                        else p.skipChildren();
                    }
                    end(k);
                } else {
                    p.skipChildren();
                }
                if (s != null) {
                    if (out == null) out = new ArrayList<>(2);
                    out.add(s);
                }
            }
            return out == null ? List.of() : out;
        }

        private static List<String> urls(JsonParser p) throws IOException {
            List<String> out = null;
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    continue;
                }
                String unwound = null, expanded = null, url = null;
                JsonToken k;
                while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String f = p.currentName();
                    JsonToken v = p.nextToken();
                    switch (f) {
                        case "expanded_url" -> expanded = Val.text(Val.read(p));
                        case "url" -> url = Val.text(Val.read(p));
                        case "unwound" -> {
                            if (v == JsonToken.START_OBJECT) {
                                JsonToken m;
                                while ((m = p.nextToken()) == JsonToken.FIELD_NAME) {
                                    String g = p.currentName();
                                    p.nextToken();
                                    if (g.equals("url")) unwound = Val.text(Val.read(p));
                                    else p.skipChildren();
                                }
                                end(m);
                            } else {
                                p.skipChildren();
                            }
                        }
                        default -> p.skipChildren();
                    }
                }
                end(k);
                String e = unwound != null ? unwound : expanded != null ? expanded : url;
                if (e != null) {
                    if (out == null) out = new ArrayList<>(2);
                    out.add(e);
                }
            }
            return out == null ? List.of() : out;
        }

        private static List<Media> media(JsonParser p) throws IOException {
            List<Media> out = null;
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    continue;
                }
                Val https = null, plain = null, phash = null, type = null;
                JsonToken k;
                while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String f = p.currentName();
                    p.nextToken();
                    switch (f) {
                        case "media_url_https" -> https = Val.read(p);
                        case "media_url" -> plain = Val.read(p);
                        case "phash" -> phash = Val.read(p);
                        case "type" -> type = Val.read(p);
                        default -> p.skipChildren();
                    }
                }
                end(k);
                String url = Val.str(https);
                if (url == null) url = Val.str(plain);
                String hash = Val.str(phash);
                if (url != null || hash != null) {
                    if (out == null) out = new ArrayList<>(1);
                    out.add(new Media(url, Val.str(type), hash));
                }
            }
            return out == null ? List.of() : out;
        }
    }

    /** The parts of a tweet that are mapped. */
    static final class Tweet {
        Val createdAt, idStr, id, text, fullText, lang, timestampMs, replyIdStr, replyId, replyUserStr, replyUser,
                replyName, quotedIdStr;
        boolean hasUser, hasTimestampMs;
        User user;
        Tweet retweeted, quoted;
        Entities entities, extEntities;
        /** extended_tweet: its full_text, entities and extended_entities. */
        boolean hasExt;
        Val extFullText;
        Entities extTweetEntities, extTweetExtEntities;

        /**
         * Reads the fields of an object whose START_OBJECT is current. With {@code top}, gives up
         * (null) at the first key that marks another format.
         */
        static Tweet read(JsonParser p, boolean top) throws IOException {
            Tweet tw = new Tweet();
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                JsonToken v = p.nextToken();
                switch (f) {
                    case "created_at" -> tw.createdAt = Val.read(p);
                    case "id_str" -> tw.idStr = Val.read(p);
                    case "id" -> tw.id = Val.read(p);
                    case "text" -> tw.text = Val.read(p);
                    case "full_text" -> tw.fullText = Val.read(p);
                    case "lang" -> tw.lang = Val.read(p);
                    case "timestamp_ms" -> { tw.hasTimestampMs = true; tw.timestampMs = Val.read(p); }
                    case "in_reply_to_status_id_str" -> tw.replyIdStr = Val.read(p);
                    case "in_reply_to_status_id" -> tw.replyId = Val.read(p);
                    case "in_reply_to_user_id_str" -> tw.replyUserStr = Val.read(p);
                    case "in_reply_to_user_id" -> tw.replyUser = Val.read(p);
                    case "in_reply_to_screen_name" -> tw.replyName = Val.read(p);
                    case "quoted_status_id_str" -> tw.quotedIdStr = Val.read(p);
                    case "user" -> {
                        tw.hasUser = true;
                        tw.user = v == JsonToken.START_OBJECT ? User.read(p) : skip(p);
                    }
                    case "retweeted_status" -> tw.retweeted = v == JsonToken.START_OBJECT ? read(p, false) : skip(p);
                    case "quoted_status" -> tw.quoted = v == JsonToken.START_OBJECT ? read(p, false) : skip(p);
                    case "entities" -> tw.entities = v == JsonToken.START_OBJECT ? Entities.read(p) : skip(p);
                    case "extended_entities" -> tw.extEntities = v == JsonToken.START_OBJECT ? Entities.read(p) : skip(p);
                    case "extended_tweet" -> {
                        if (v == JsonToken.START_OBJECT) readExtended(p, tw);
                        else p.skipChildren();
                    }
                    case "did", "account", "data", "author_id", "event", "messages", "chats", "payload" -> {
                        if (top) return null;
                        p.skipChildren();
                    }
                    default -> p.skipChildren();
                }
            }
            end(t);
            return tw;
        }

        private static void readExtended(JsonParser p, Tweet tw) throws IOException {
            tw.hasExt = true;
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                JsonToken v = p.nextToken();
                switch (f) {
                    case "full_text" -> tw.extFullText = Val.read(p);
                    case "entities" -> tw.extTweetEntities = v == JsonToken.START_OBJECT ? Entities.read(p) : skip(p);
                    case "extended_entities" -> tw.extTweetExtEntities = v == JsonToken.START_OBJECT ? Entities.read(p) : skip(p);
                    default -> p.skipChildren();
                }
            }
            end(t);
        }

        boolean looksLikeTweet() {
            return hasUser && (createdAt != null || idStr != null || id != null)
                    && (text != null || fullText != null || createdAt != null);
        }

        String id() {
            String s = Val.str(idStr);
            return s != null ? s : Val.str(id);
        }

        String requireId() {
            String s = id();
            if (s == null) throw new InvalidPostException("missing id_str or id");
            return s;
        }

        Entities fullEntities() {
            return hasExt && extTweetEntities != null ? extTweetEntities : entities;
        }

        Entities fullExtEntities() {
            return hasExt && extTweetExtEntities != null ? extTweetExtEntities : extEntities;
        }

        Post toPost() {
            String postId = requireId();
            if (user == null) throw new InvalidPostException("missing user object");
            String accountId = user.id();
            if (accountId == null) throw new InvalidPostException("missing id_str or id");
            String handle = Val.str(user.screenName);
            long time;
            if (hasTimestampMs) {
                Long ms = Val.time(timestampMs, "timestamp_ms");
                if (ms == null) throw new InvalidPostException("missing timestamp_ms");
                time = ms;
            } else {
                Long ms = Val.time(createdAt, "created_at");
                if (ms == null) throw new InvalidPostException("missing created_at");
                time = ms;
            }
            Tweet source = retweeted != null ? retweeted : this;
            Entities ent = source.fullEntities();
            Entities extEnt = source.fullExtEntities();
            String s = hasExt ? Val.str(extFullText) : null;
            if (s == null) s = Val.str(fullText);
            if (s == null) s = Val.str(text);
            String l = Val.str(lang);
            Post.Builder b = Post.builder(Platform.TWITTER).id(postId).accountId(accountId).handle(handle).timeMs(time)
                    .text(s).lang(l == null || l.equals("und") ? null : l);
            if (retweeted != null) {
                User ru = retweeted.user;
                b.repostOf(new PostRef(retweeted.requireId(), ru == null ? null : ru.id(), ru == null ? null : Val.str(ru.screenName)));
            }
            String rid = Val.str(replyIdStr);
            if (rid == null) rid = Val.str(replyId);
            String ruser = Val.str(replyUserStr);
            if (ruser == null) ruser = Val.str(replyUser);
            if (rid != null || ruser != null) b.replyTo(new PostRef(rid, ruser, Val.str(replyName)));
            if (retweeted == null) {
                String qid = quoted != null ? Val.str(quoted.idStr) : Val.str(quotedIdStr);
                if (qid == null && quoted != null) qid = Val.str(quoted.id);
                if (qid != null) {
                    User qu = quoted == null ? null : quoted.user;
                    b.quoteOf(new PostRef(qid, qu == null ? null : Val.str(qu.idStr), qu == null ? null : Val.str(qu.screenName)));
                }
            }
            if (ent != null) {
                b.hashtags(ent.hashtags).mentions(ent.mentions).urls(ent.urls);
            }
            Entities mediaHolder = extEnt != null ? extEnt : ent;
            if (mediaHolder != null) b.media(mediaHolder.media);
            b.account(new AccountSnapshot(accountId, handle, Val.str(user.name), Val.str(user.description),
                    Val.str(user.location), Val.str(user.lang), Val.timeOrUnknown(user.createdAt), Val.num(user.followers),
                    Val.num(user.friends), Val.num(user.statuses), Val.bool(user.defaultProfile), Val.bool(user.defaultImage),
                    Val.bool(user.verified), Val.str(user.image)));
            return b.build();
        }
    }

    private static <T> T skip(JsonParser p) throws IOException {
        p.skipChildren();
        return null;
    }

    private static void end(JsonToken t) {
        if (t != JsonToken.END_OBJECT) throw new IllegalStateException("unexpected JSON token " + t);
    }
}
