package org.lockstep.io.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.lockstep.core.model.InvalidPostException;
import org.lockstep.core.model.Media;
import org.lockstep.core.model.Platform;
import org.lockstep.core.model.Post;
import org.lockstep.core.model.PostKind;
import org.lockstep.core.model.PostRef;

/**
 * Bluesky Jetstream events (github.com/bluesky-social/jetstream; record schemas from the
 * {@code app.bsky.feed.post} and {@code app.bsky.feed.repost} lexicons). Only {@code kind: commit}
 * events that {@code create} a post or repost are posts; identity and account events, deletes,
 * updates and other collections (likes, follows...) are rejected with that reason.
 *
 * <p>The post id is the record's AT URI {@code at://DID/COLLECTION/RKEY}; the account is the DID
 * (commits carry no handle). The time is {@code time_us}, when Jetstream saw the commit, because
 * {@code createdAt} is whatever the client claims; {@code createdAt} is used only without
 * {@code time_us}. Images keep their blob CID as hash.
 */
final class JetstreamJson {
    static final String POST = "app.bsky.feed.post";
    static final String REPOST = "app.bsky.feed.repost";

    private JetstreamJson() {}

    static int map(JsonNode n, Consumer<Post> out, Consumer<String> rejectPart) {
        out.accept(event(n));
        return 1;
    }

    static Post event(JsonNode n) {
        String kind = Json.str(n, "kind");
        if (kind == null) throw new InvalidPostException("Bluesky event without kind");
        if (!kind.equals("commit")) {
            throw new InvalidPostException("Bluesky " + Timestamps.clip(kind) + " event, not a post");
        }
        String did = Json.str(n, "did");
        if (did == null || !did.startsWith("did:")) throw new InvalidPostException("missing or invalid did");
        JsonNode c = Json.obj(n, "commit");
        if (c == null) throw new InvalidPostException("missing commit object");
        String op = Json.str(c, "operation");
        String coll = Json.str(c, "collection");
        if (coll == null) throw new InvalidPostException("missing commit.collection");
        if (!coll.equals(POST) && !coll.equals(REPOST)) {
            throw new InvalidPostException("Bluesky " + Timestamps.clip(coll) + " record, not a post");
        }
        if (!"create".equals(op)) {
            throw new InvalidPostException("Bluesky " + (op == null ? "commit without operation" : Timestamps.clip(op))
                    + " of " + coll + ", not a new post");
        }
        String rkey = Json.str(c, "rkey");
        if (rkey == null) throw new InvalidPostException("missing commit.rkey");
        JsonNode rec = Json.obj(c, "record");
        if (rec == null) throw new InvalidPostException("missing commit.record");
        long time = n.has("time_us") && n.get("time_us").isNumber()
                ? Timestamps.parse(Long.toString(n.get("time_us").asLong() / 1000))
                : Json.time(rec, "createdAt");
        Post.Builder b = Post.builder(Platform.BLUESKY).id("at://" + did + "/" + coll + "/" + rkey)
                .accountId(did).timeMs(time);
        if (coll.equals(REPOST)) {
            String subject = Json.str(Json.obj(rec, "subject"), "uri");
            if (subject == null) throw new InvalidPostException("repost without subject.uri");
            return b.kind(PostKind.REPOST).repostOf(new PostRef(subject, didOf(subject), null)).build();
        }
        b.text(Json.str(rec, "text"));
        JsonNode langs = Json.arr(rec, "langs");
        if (langs != null && !langs.isEmpty() && langs.get(0).isTextual()) b.lang(langs.get(0).textValue());
        JsonNode parent = Json.obj(Json.obj(rec, "reply"), "parent");
        String parentUri = Json.str(parent, "uri");
        if (parentUri != null) b.replyTo(new PostRef(parentUri, didOf(parentUri), null));

        Set<String> urls = new LinkedHashSet<>();
        Set<String> tags = new LinkedHashSet<>();
        Set<String> mentions = new LinkedHashSet<>();
        JsonNode facets = Json.arr(rec, "facets");
        if (facets != null) {
            for (JsonNode f : facets) {
                JsonNode features = Json.arr(f, "features");
                if (features == null) continue;
                for (JsonNode ft : features) {
                    String type = Json.str(ft, "$type");
                    if (type == null) continue;
                    switch (type) {
                        case "app.bsky.richtext.facet#link" -> add(urls, Json.str(ft, "uri"));
                        case "app.bsky.richtext.facet#tag" -> add(tags, Json.str(ft, "tag"));
                        case "app.bsky.richtext.facet#mention" -> add(mentions, Json.str(ft, "did"));
                        default -> { }
                    }
                }
            }
        }
        for (String t : Json.strings(rec, "tags", null)) add(tags, t);
        List<Media> media = new ArrayList<>();
        embed(Json.obj(rec, "embed"), b, urls, media, did);
        b.urls(List.copyOf(urls)).hashtags(List.copyOf(tags)).mentions(List.copyOf(mentions)).media(media);
        return b.build();
    }

    private static void embed(JsonNode e, Post.Builder b, Set<String> urls, List<Media> media, String did) {
        if (e == null) return;
        String type = Json.str(e, "$type");
        if (type == null) return;
        switch (type) {
            case "app.bsky.embed.external" -> add(urls, Json.str(Json.obj(e, "external"), "uri"));
            case "app.bsky.embed.record" -> quote(Json.obj(e, "record"), b);
            case "app.bsky.embed.recordWithMedia" -> {
                quote(Json.obj(Json.obj(e, "record"), "record"), b);
                embed(Json.obj(e, "media"), b, urls, media, did);
            }
            case "app.bsky.embed.images" -> {
                JsonNode imgs = Json.arr(e, "images");
                if (imgs == null) return;
                for (JsonNode im : imgs) {
                    JsonNode blob = Json.obj(im, "image");
                    String cid = Json.str(Json.obj(blob, "ref"), "$link");
                    if (cid == null) continue;
                    media.add(new Media("https://cdn.bsky.app/img/feed_fullsize/plain/" + did + "/" + cid,
                            Json.str(blob, "mimeType"), cid));
                }
            }
            case "app.bsky.embed.video" -> {
                JsonNode blob = Json.obj(e, "video");
                String cid = Json.str(Json.obj(blob, "ref"), "$link");
                if (cid != null) media.add(new Media(null, Json.str(blob, "mimeType"), cid));
            }
            default -> { }
        }
    }

    private static void quote(JsonNode strongRef, Post.Builder b) {
        String uri = Json.str(strongRef, "uri");
        // embedded lists, feeds or starter packs are not quoted posts
        if (uri != null && uri.contains("/" + POST + "/")) b.quoteOf(new PostRef(uri, didOf(uri), null));
    }

    /** The DID of an AT URI ({@code at://did:plc:x/...}), or null. */
    static String didOf(String uri) {
        if (uri == null || !uri.startsWith("at://did:")) return null;
        int slash = uri.indexOf('/', 5);
        return slash < 0 ? uri.substring(5) : uri.substring(5, slash);
    }

    private static void add(Set<String> s, String v) {
        if (v != null && !v.isEmpty()) s.add(v);
    }
}
