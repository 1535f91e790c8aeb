package org.lockstep.io.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.lockstep.core.model.AccountSnapshot;
import org.lockstep.core.model.InvalidPostException;
import org.lockstep.core.model.Media;
import org.lockstep.core.model.Platform;
import org.lockstep.core.model.Post;
import org.lockstep.core.model.PostRef;

/**
 * Mastodon statuses (docs.joinmastodon.org/entities/Status/) from the REST API (one status or an
 * array) and streaming events ({@code {"event":"update","payload":"<status JSON as a string>"}},
 * docs.joinmastodon.org/methods/streaming/). A status with {@code reblog} is a repost of it and takes
 * the reblogged status's text, tags and links.
 *
 * <p>Ids in Mastodon are local to the server that served them, so the post id is the status's
 * global ActivityPub {@code uri} (then {@code url}, then {@code id}), and accounts are named
 * globally as {@code username@host} from their profile {@code url} (the same for mentions). Replies
 * keep the server-local {@code in_reply_to_id}; their author is resolved through the mentions.
 * {@code content} is HTML: it becomes plain text and no markup is kept; link hrefs that are not
 * mention or hashtag links become URLs, with {@code card.url}.
 */
final class MastodonJson {
    private MastodonJson() {}

    static int map(JsonNode n, Consumer<Post> out, Consumer<String> rejectPart) {
        if (n.has("event") && n.has("payload") && !n.has("account")) {
            String event = Json.str(n, "event");
            if (!"update".equals(event) && !"status.update".equals(event)) {
                throw new InvalidPostException("Mastodon streaming '" + (event == null ? "?" : Timestamps.clip(event))
                        + "' event, not a post");
            }
            JsonNode payload = n.get("payload");
            if (payload.isTextual()) {
                try {
                    payload = Readers.MAPPER.readTree(payload.textValue());
                } catch (JsonProcessingException e) {
                    throw new InvalidPostException("streaming payload is not valid JSON");
                }
            }
            if (payload == null || !payload.isObject()) throw new InvalidPostException("streaming payload is not a status object");
            out.accept(status(payload));
            return 1;
        }
        out.accept(status(n));
        return 1;
    }

    static Post status(JsonNode s) {
        String id = globalId(s);
        JsonNode acc = Json.obj(s, "account");
        if (acc == null) throw new InvalidPostException("missing account object");
        String account = acct(acc);
        if (account == null) throw new InvalidPostException("missing account acct/username");
        long time = Json.time(s, "created_at");
        JsonNode reblog = Json.obj(s, "reblog");
        JsonNode source = reblog != null ? reblog : s;

        Post.Builder b = Post.builder(Platform.MASTODON).id(id).accountId(account).handle(account).timeMs(time);
        List<String> links = new ArrayList<>();
        b.text(Html.text(Json.str(source, "content"), links));
        b.lang(Json.str(source, "language"));
        if (reblog != null) {
            JsonNode ra = Json.obj(reblog, "account");
            String r = ra == null ? null : acct(ra);
            b.repostOf(new PostRef(globalId(reblog), r, r));
        }
        String replyId = Json.str(s, "in_reply_to_id");
        String replyAcc = Json.str(s, "in_reply_to_account_id");
        if (replyId != null || replyAcc != null) {
            String to = replyAcc;
            if (replyAcc != null && replyAcc.equals(Json.str(acc, "id"))) to = account;
            else {
                JsonNode ms = Json.arr(s, "mentions");
                if (ms != null) for (JsonNode m : ms) if (replyAcc != null && replyAcc.equals(Json.str(m, "id"))) to = acct(m);
            }
            b.replyTo(new PostRef(replyId, to, to));
        }
        JsonNode quote = Json.obj(Json.obj(source, "quote"), "quoted_status"); // Mastodon 4.5 quotes
        if (quote != null && reblog == null) {
            JsonNode qa = Json.obj(quote, "account");
            String q = qa == null ? null : acct(qa);
            String qid = quote.has("uri") || quote.has("url") || quote.has("id") ? globalId(quote) : null;
            if (qid != null || q != null) b.quoteOf(new PostRef(qid, q, q));
        }
        b.hashtags(Json.strings(source, "tags", "name"));
        JsonNode ms = Json.arr(source, "mentions");
        if (ms != null && !ms.isEmpty()) {
            List<String> mentions = new ArrayList<>(ms.size());
            for (JsonNode m : ms) {
                String a = acct(m);
                if (a != null) mentions.add(a);
            }
            b.mentions(mentions);
        }
        Set<String> urls = new LinkedHashSet<>(links);
        String card = Json.str(Json.obj(source, "card"), "url");
        if (card != null) urls.add(card);
        b.urls(List.copyOf(urls));
        JsonNode att = Json.arr(source, "media_attachments");
        if (att != null && !att.isEmpty()) {
            List<Media> media = new ArrayList<>(att.size());
            for (JsonNode m : att) {
                String url = Json.str(m, "url");
                if (url == null) url = Json.str(m, "remote_url");
                String hash = Json.str(m, "blurhash");
                if (url != null || hash != null) media.add(new Media(url, Json.str(m, "type"), hash));
            }
            b.media(media);
        }
        b.account(account(acc, account));
        return b.build();
    }

    private static String globalId(JsonNode s) {
        String id = Json.str(s, "uri");
        if (id == null) id = Json.str(s, "url");
        if (id == null) id = Json.str(s, "id");
        if (id == null) throw new InvalidPostException("missing uri, url or id");
        return id;
    }

    /** {@code username@host} from the profile url, else {@code acct}; null when neither is there. */
    static String acct(JsonNode a) {
        String user = Json.str(a, "username");
        String url = Json.str(a, "url");
        String acct = Json.str(a, "acct");
        if (user != null && url != null) {
            try {
                String host = URI.create(url).getHost();
                if (host != null) return user + "@" + host.toLowerCase(java.util.Locale.ROOT);
            } catch (IllegalArgumentException e) {
                // fall through to acct
            }
        }
        return acct != null ? acct : user;
    }

    static AccountSnapshot account(JsonNode a, String id) {
        String avatar = Json.str(a, "avatar");
        Boolean defaultAvatar = avatar == null ? null : avatar.endsWith("/avatars/original/missing.png");
        return new AccountSnapshot(id, id, Json.str(a, "display_name"), Html.text(Json.str(a, "note"), null), null, null,
                Json.timeOrUnknown(a, "created_at"), Json.num(a, "followers_count"), Json.num(a, "following_count"),
                Json.num(a, "statuses_count"), null, defaultAvatar, null, avatar);
    }
}
