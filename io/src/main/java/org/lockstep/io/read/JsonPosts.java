package org.lockstep.io.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.function.Consumer;
import org.lockstep.core.model.InvalidPostException;
import org.lockstep.core.model.Post;

/**
 * Recognises what one JSON value is — a Twitter v1.1 or v2 tweet, a v2 response page, a Bluesky
 * Jetstream event, a Mastodon status or streaming event, a Telegram export — from its keys, and maps
 * it to posts. Values that are valid JSON but no post are rejected with their keys named.
 */
final class JsonPosts {
    private JsonPosts() {}

    /** What a JSON value was recognised as; also names the format in counts. */
    static Format kind(JsonNode n) {
        if (n == null || !n.isObject()) return null;
        if (TwitterV1Json.matches(n)) return Format.TWITTER_V1;
        if (n.has("data") && (n.get("data").isArray() || n.get("data").isObject())) return Format.TWITTER_V2;
        if (n.has("author_id") && n.has("text") && n.has("id")) return Format.TWITTER_V2;
        if (n.has("did") && n.has("kind")) return Format.BLUESKY_JETSTREAM;
        if (n.has("account") && n.has("content") && (n.has("uri") || n.has("url") || n.has("id"))) return Format.MASTODON;
        if (n.has("event") && n.has("payload")) return Format.MASTODON;
        if (n.has("messages") && n.get("messages").isArray()) return Format.TELEGRAM;
        if (Json.arr(Json.obj(n, "chats"), "list") != null) return Format.TELEGRAM;
        return null;
    }

    /**
     * Maps {@code n} to posts. Containers (a v2 page, a Telegram export) report each bad part to
     * {@code rejectPart} with its reason and go on with the rest.
     *
     * @return the format it was recognised as
     * @throws InvalidPostException when it is no post, or a post with missing or wrong fields
     */
    static Format map(JsonNode n, Consumer<Post> out, Consumer<String> rejectPart) {
        if (n == null || !n.isObject()) {
            throw new InvalidPostException("JSON " + (n == null ? "value" : n.getNodeType().name().toLowerCase(java.util.Locale.ROOT))
                    + " is not a post object");
        }
        Format f = kind(n);
        if (f == null) throw new InvalidPostException(notAPost(n));
        switch (f) {
            case TWITTER_V1 -> out.accept(TwitterV1Json.map(n));
            case TWITTER_V2 -> TwitterV2Json.map(n, out, rejectPart);
            case BLUESKY_JETSTREAM -> JetstreamJson.map(n, out, rejectPart);
            case MASTODON -> MastodonJson.map(n, out, rejectPart);
            case TELEGRAM -> TelegramJson.map(n, out, rejectPart);
            default -> throw new InvalidPostException(notAPost(n));
        }
        return f;
    }

    static String notAPost(JsonNode n) {
        if (n.has("delete") || n.has("limit") || n.has("scrub_geo") || n.has("status_withheld")) {
            return "stream control message, not a post";
        }
        StringBuilder keys = new StringBuilder();
        Iterator<String> it = n.fieldNames();
        int k = 0;
        while (it.hasNext() && k < 6) {
            if (k++ > 0) keys.append(", ");
            keys.append(Timestamps.clip(it.next()));
        }
        if (it.hasNext()) keys.append(", ...");
        return "valid JSON but not a post of any known format (keys: " + keys + ")";
    }
}
