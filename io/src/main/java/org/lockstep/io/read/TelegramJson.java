package org.lockstep.io.read;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.lockstep.core.model.PostKind;
import org.lockstep.core.model.PostRef;

/**
 * Telegram Desktop's JSON export ({@code result.json}, "Export chat history" in machine-readable
 * JSON): one chat {@code {name, type, id, messages:[...]}}, or a full export with
 * {@code chats.list[]}. Each {@code type: message} becomes a post; service messages (joins, pins,
 * channel creation) are rejected as no posts.
 *
 * <p>Message ids are per chat, so the post id is {@code CHATID/MESSAGEID}. The author is
 * {@code from_id} ({@code channel123} or {@code user123}), else the chat itself as
 * {@code channelID}; the handle is the display name {@code from}, since exports carry no usernames.
 * The time is {@code date_unixtime} (UTC); older exports only have {@code date} in the exporting
 * computer's local time, which is read as UTC. A message with {@code forwarded_from} is a repost of
 * that source (no post id is known). Text is a string or an array of strings and entity objects;
 * hashtags, links, {@code text_link} hrefs and mentions come from {@code text_entities}.
 */
final class TelegramJson {
    private TelegramJson() {}

    static int map(JsonNode n, Consumer<Post> out, Consumer<String> rejectPart) {
        if (!n.has("messages")) {
            JsonNode list = Json.arr(Json.obj(n, "chats"), "list");
            if (list == null) throw new InvalidPostException("Telegram export without messages");
            int ok = 0;
            for (JsonNode chat : list) if (Json.arr(chat, "messages") != null) ok += chat(chat, out, rejectPart);
            return ok;
        }
        return chat(n, out, rejectPart);
    }

    private static int chat(JsonNode chat, Consumer<Post> out, Consumer<String> rejectPart) {
        String chatId = Json.str(chat, "id");
        if (chatId == null) throw new InvalidPostException("Telegram export without chat id");
        String chatName = Json.str(chat, "name");
        String chatType = Json.str(chat, "type");
        JsonNode msgs = Json.arr(chat, "messages");
        if (msgs == null) throw new InvalidPostException("wrong type for messages");
        int ok = 0;
        int i = 0;
        for (JsonNode m : msgs) {
            try {
                out.accept(message(m, chatId, chatName, chatType));
                ok++;
            } catch (InvalidPostException | IllegalArgumentException e) {
                rejectPart.accept(part(i, m) + ": " + e.getMessage());
            }
            i++;
        }
        return ok;
    }

    /** How a bad message is named in its reason: {@code messages[4] (message 5)}. */
    static String part(int i, JsonNode m) {
        String mid = Json.str(m, "id");
        return "messages[" + i + "]" + (mid == null ? "" : " (message " + Timestamps.clip(mid) + ")");
    }

    static Post message(JsonNode m, String chatId, String chatName, String chatType) {
        if (m == null || !m.isObject()) throw new InvalidPostException("not a message object");
        String type = Json.str(m, "type");
        if ("service".equals(type)) {
            String action = Json.str(m, "action");
            throw new InvalidPostException("Telegram service message" + (action == null ? "" : " (" + Timestamps.clip(action) + ")")
                    + ", not a post");
        }
        if (type != null && !type.equals("message")) {
            throw new InvalidPostException("Telegram " + Timestamps.clip(type) + " entry, not a post");
        }
        String mid = Json.id(m, "id");
        long time = m.has("date_unixtime") ? Json.time(m, "date_unixtime") : Json.time(m, "date");
        String from = Json.str(m, "from");
        String fromId = Json.str(m, "from_id");
        String account = fromId != null ? fromId : "channel" + chatId;
        String handle = from != null ? from : fromId == null ? chatName : null;
        Post.Builder b = Post.builder(Platform.TELEGRAM).id(chatId + "/" + mid).accountId(account).handle(handle).timeMs(time);
        b.text(text(m.get("text")));
        String fwd = Json.str(m, "forwarded_from");
        String fwdId = Json.str(m, "forwarded_from_id");
        if (fwd != null || fwdId != null) {
            b.kind(PostKind.REPOST).repostOf(new PostRef(null, fwdId != null ? fwdId : fwd, fwd));
        }
        String reply = Json.str(m, "reply_to_message_id");
        if (reply != null) {
            String peer = Json.str(m, "reply_to_peer_id");
            b.replyTo(new PostRef((peer != null ? peer : chatId) + "/" + reply, null, null));
        }
        Set<String> urls = new LinkedHashSet<>();
        Set<String> tags = new LinkedHashSet<>();
        Set<String> mentions = new LinkedHashSet<>();
        JsonNode ents = Json.arr(m, "text_entities");
        if (ents == null) ents = Json.arr(m, "text");
        if (ents != null) {
            for (JsonNode e : ents) {
                String et = Json.str(e, "type");
                String t = Json.str(e, "text");
                if (et == null || t == null) continue;
                switch (et) {
                    case "hashtag" -> tags.add(t.startsWith("#") ? t.substring(1) : t);
                    case "link" -> urls.add(t);
                    case "text_link" -> {
                        String href = Json.str(e, "href");
                        if (href != null) urls.add(href);
                    }
                    case "mention" -> mentions.add(t.startsWith("@") ? t.substring(1) : t);
                    default -> { }
                }
            }
        }
        b.urls(List.copyOf(urls)).hashtags(List.copyOf(tags)).mentions(List.copyOf(mentions));
        List<Media> media = new ArrayList<>(1);
        String photo = Json.str(m, "photo");
        if (photo != null) media.add(new Media(photo, "photo", null));
        String file = Json.str(m, "file");
        if (file != null) {
            String mt = Json.str(m, "media_type");
            media.add(new Media(file, mt != null ? mt : Json.str(m, "mime_type") != null ? Json.str(m, "mime_type") : "file", null));
        }
        b.media(media);
        b.account(new AccountSnapshot(account, handle, from != null ? from : chatName, null, null, null,
                AccountSnapshot.UNKNOWN, AccountSnapshot.UNKNOWN, AccountSnapshot.UNKNOWN, AccountSnapshot.UNKNOWN,
                null, null, null, null));
        return b.build();
    }

    /** The text of a message: a string, or an array of strings and {@code {type, text}} objects. */
    static String text(JsonNode t) {
        if (t == null || t.isNull()) return null;
        if (t.isTextual()) return t.textValue().isEmpty() ? null : t.textValue();
        if (!t.isArray()) return null;
        StringBuilder sb = new StringBuilder();
        for (JsonNode part : t) {
            if (part.isTextual()) sb.append(part.textValue());
            else if (part.isObject()) {
                JsonNode x = part.get("text");
                if (x != null && x.isTextual()) sb.append(x.textValue());
            }
        }
        return sb.length() == 0 ? null : sb.toString();
    }
}
