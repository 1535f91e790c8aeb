package org.lockstep.io.chat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.lockstep.core.plans.ChatMessage;

/**
 * Streams the {@code messages} array of a DiscordChatExporter or Telegram Desktop JSON export one
 * message at a time (with its line), so a large export is never held whole and one bad message costs
 * only itself. Malformed JSON ends the file with a problem at its line; the messages before it stay.
 */
final class ChatJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxStringLength(16 << 20).maxNestingDepth(200).build());
    }

    private ChatJson() {}

    static void read(String file, InputStream in, ChatFormat format, Sink sink) throws IOException {
        int before = (int) sink.report.messages();
        try (JsonParser p = MAPPER.getFactory().createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                sink.fileFailed(file, 1, "not a JSON object: not a " + format.label() + " chat export");
                return;
            }
            String[] chat = new String[2]; // name, id
            boolean sawMessages = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (name.equals("messages") && v == JsonToken.START_ARRAY) {
                    sawMessages = true;
                    int i = 0;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        if (p.currentToken() == null) throw new IOException("export ends inside messages");
                        long line = p.currentTokenLocation().getLineNr();
                        JsonNode n = p.readValueAsTree();
                        one(file, line, "messages[" + i + "]", n, format, chat, sink);
                        i++;
                    }
                } else if (format == ChatFormat.DISCORD && name.equals("channel") && v == JsonToken.START_OBJECT) {
                    JsonNode c = p.readValueAsTree();
                    chat[0] = text(c, "name");
                    chat[1] = str(c, "id");
                } else if (format == ChatFormat.TELEGRAM && (name.equals("name") || name.equals("id")) && v.isScalarValue()) {
                    chat[name.equals("name") ? 0 : 1] = p.getValueAsString();
                } else if (format == ChatFormat.TELEGRAM && name.equals("chats") && v == JsonToken.START_OBJECT) {
                    sawMessages |= fullExport(file, p.readValueAsTree(), sink);
                } else {
                    p.skipChildren();
                }
            }
            if (!sawMessages) sink.fileFailed(file, 1, "no messages array: not a " + format.label() + " chat export");
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            long kept = sink.report.messages() - before;
            sink.fileFailed(file, line, "malformed JSON after " + kept + " messages (those are kept): " + e.getOriginalMessage());
        }
    }

    /** Telegram's "export all data": {@code chats.list[]}, each a chat with messages (read whole, so lines are 0). */
    private static boolean fullExport(String file, JsonNode chats, Sink sink) {
        JsonNode list = chats.get("list");
        if (list == null || !list.isArray()) return false;
        boolean any = false;
        int ci = 0;
        for (JsonNode c : list) {
            JsonNode ms = c.get("messages");
            if (ms != null && ms.isArray()) {
                any = true;
                String[] chat = {text(c, "name"), str(c, "id")};
                int i = 0;
                for (JsonNode m : ms) one(file, 0, "chats.list[" + ci + "].messages[" + i++ + "]", m, ChatFormat.TELEGRAM, chat, sink);
            }
            ci++;
        }
        return any;
    }

    private static void one(String file, long line, String where, JsonNode n, ChatFormat format, String[] chat, Sink sink) {
        sink.record();
        try {
            ChatMessage m = format == ChatFormat.DISCORD ? discord(n, chat) : telegram(n, chat, sink);
            if (m == null) sink.skip();
            else sink.message(m);
        } catch (BadRecord | IllegalArgumentException e) {
            String mid = n != null && n.isObject() ? str(n, "id") : null;
            sink.reject(file, line, where + (mid == null ? "" : " (message " + ChatTimes.clip(mid) + ")") + ": " + e.getMessage(),
                    n == null ? null : n.toString());
        }
    }

    /** Discord message types that carry what a member wrote; the others (joins, pins, calls) are skipped. */
    private static boolean discordText(String type) {
        return type == null || type.equals("Default") || type.equals("Reply") || type.equals("ThreadStarterMessage");
    }

    /**
     * One DiscordChatExporter message: {@code id}, {@code type}, {@code timestamp} (ISO 8601 with
     * offset), {@code content}, {@code author{id,name,nickname}}, {@code attachments[]{url,fileName}},
     * {@code embeds[]{url}} (URLs not already in the content are appended to the text),
     * {@code reference{messageId}}. The author is the account name ({@code name}, unique), else the nickname.
     */
    static ChatMessage discord(JsonNode m, String[] chat) {
        if (m == null || !m.isObject()) throw new BadRecord("not a message object");
        String id = str(m, "id");
        if (id == null) throw new BadRecord("missing id");
        String type = str(m, "type");
        if (!discordText(type)) return null;
        JsonNode ts = m.get("timestamp");
        if (ts == null || ts.isNull()) throw new BadRecord("missing timestamp");
        if (!ts.isTextual()) throw new BadRecord("wrong type for timestamp");
        long time = ChatTimes.parse(ts.textValue(), java.time.ZoneOffset.UTC);
        JsonNode c = m.get("content");
        if (c != null && !c.isNull() && !c.isTextual()) throw new BadRecord("wrong type for content");
        StringBuilder text = new StringBuilder(c == null || c.isNull() ? "" : c.textValue());
        JsonNode a = m.get("author");
        String authorId = null, author = null;
        if (a != null && a.isObject()) {
            authorId = str(a, "id");
            author = text(a, "name");
            if (author == null) author = text(a, "nickname");
        }
        if (authorId == null && author == null) throw new BadRecord("missing author");
        List<String> att = new ArrayList<>();
        JsonNode as = m.get("attachments");
        if (as != null && as.isArray()) {
            for (JsonNode x : as) {
                String f = text(x, "fileName");
                String u = text(x, "url");
                if (f != null || u != null) att.add(f != null ? f : u);
            }
        }
        JsonNode es = m.get("embeds");
        if (es != null && es.isArray()) {
            for (JsonNode e : es) {
                String u = text(e, "url");
                if (u != null && text.indexOf(u) < 0) text.append(text.length() == 0 ? "" : "\n").append(u);
            }
        }
        JsonNode ref = m.get("reference");
        String reply = ref != null && ref.isObject() ? str(ref, "messageId") : null;
        if (text.length() == 0 && att.isEmpty()) throw new BadRecord("empty message: no content and no attachment");
        return new ChatMessage(chat[0] != null ? chat[0] : chat[1], id, time, authorId, author, text.toString(), att, reply);
    }

    /**
     * One Telegram Desktop message: {@code type} ({@code service} entries are skipped), {@code id},
     * {@code date_unixtime} (UTC) else {@code date} (local time, read in the chat's zone), {@code from},
     * {@code from_id}, {@code text} (a string or an array of strings and entity objects; the hidden
     * targets of {@code text_link} entities are appended), {@code photo} and {@code file} as attachments,
     * {@code reply_to_message_id}.
     */
    static ChatMessage telegram(JsonNode m, String[] chat, Sink sink) {
        if (m == null || !m.isObject()) throw new BadRecord("not a message object");
        String type = str(m, "type");
        if ("service".equals(type)) return null;
        if (type != null && !type.equals("message")) throw new BadRecord("unknown entry type '" + ChatTimes.clip(type) + "'");
        String id = str(m, "id");
        if (id == null) throw new BadRecord("missing id");
        long time;
        String unix = str(m, "date_unixtime");
        if (unix != null) time = ChatTimes.parse(unix, sink.options.zone());
        else {
            String d = text(m, "date");
            if (d == null) throw new BadRecord("missing date");
            time = ChatTimes.parse(d, sink.options.zone());
        }
        String from = text(m, "from");
        String fromId = str(m, "from_id");
        StringBuilder sb = new StringBuilder();
        List<String> hidden = new ArrayList<>();
        JsonNode t = m.get("text");
        if (t != null && t.isTextual()) sb.append(t.textValue());
        else if (t != null && t.isArray()) {
            for (JsonNode part : t) {
                if (part.isTextual()) sb.append(part.textValue());
                else if (part.isObject()) {
                    String x = text(part, "text");
                    if (x != null) sb.append(x);
                    String href = text(part, "href");
                    if (href != null) hidden.add(href);
                }
            }
        } else if (t != null && !t.isNull()) throw new BadRecord("wrong type for text");
        for (String h : hidden) if (sb.indexOf(h) < 0) sb.append(sb.length() == 0 ? "" : "\n").append(h);
        List<String> att = new ArrayList<>();
        String photo = text(m, "photo");
        if (photo != null) att.add(photo);
        String file = text(m, "file");
        if (file != null) att.add(file);
        if (sb.length() == 0 && att.isEmpty()) throw new BadRecord("empty message: no text and no attachment");
        return new ChatMessage(chat[0] != null ? chat[0] : chat[1], id, time, fromId, from != null ? from : fromId, sb.toString(), att,
                str(m, "reply_to_message_id"));
    }

    /** A text or integer field as text; other types are absent. */
    static String str(JsonNode n, String f) {
        JsonNode v = n == null ? null : n.get(f);
        if (v == null || v.isNull()) return null;
        if (v.isTextual()) return v.textValue().isEmpty() ? null : v.textValue();
        if (v.isIntegralNumber()) return v.bigIntegerValue().toString();
        return null;
    }

    /** A field that must be text. */
    static String text(JsonNode n, String f) {
        JsonNode v = n == null ? null : n.get(f);
        return v != null && v.isTextual() && !v.textValue().isEmpty() ? v.textValue() : null;
    }
}
