package org.lockstep.io.chat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which CSV columns hold a chat message's fields: {@code time} (required), {@code author},
 * {@code author_id}, {@code text}, {@code attachment} (several names split on {@code |} or {@code ;}),
 * {@code id} (else the record's line number), {@code reply_to} and {@code chat}; and the separator.
 * Built from {@code field=column,...} ({@code separator=;} or {@code tab} for other separators).
 */
public record ChatCsvMapping(Map<String, String> columns, char separator) {
    public static final Set<String> FIELDS = Set.of("time", "author", "author_id", "text", "attachment", "id", "reply_to", "chat");

    /** Column names tried when no mapping is given, per field, in order. */
    static final Map<String, List<String>> GUESSES = Map.of(
            "time", List.of("time", "timestamp", "date", "datetime", "created_at", "sent_at"),
            "author", List.of("author", "user", "username", "from", "sender", "name"),
            "author_id", List.of("author_id", "user_id", "from_id", "sender_id"),
            "text", List.of("text", "message", "content", "body"),
            "attachment", List.of("attachment", "attachments", "file", "media", "image"),
            "id", List.of("id", "message_id", "msg_id"),
            "reply_to", List.of("reply_to", "reply_to_id", "in_reply_to"),
            "chat", List.of("chat", "channel", "room", "group"));

    public ChatCsvMapping {
        columns = Map.copyOf(columns);
        for (String k : columns.keySet()) {
            if (!FIELDS.contains(k)) throw new IllegalArgumentException("unknown chat field '" + k + "' (fields: " + String.join(", ", FIELDS.stream().sorted().toList()) + ")");
        }
        if (!columns.containsKey("time")) throw new IllegalArgumentException("the chat mapping needs a time column");
        if (separator == '"' || separator == '\n' || separator == '\r') throw new IllegalArgumentException("bad separator");
    }

    /** Parses {@code time=sent,author=user,text=body[,separator=;]}. */
    public static ChatCsvMapping parse(String spec) {
        Map<String, String> cols = new LinkedHashMap<>();
        char sep = ',';
        for (String raw : spec.split(",")) {
            String e = raw.strip();
            if (e.isEmpty()) continue;
            int eq = e.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("expected field=column, got '" + e + "'");
            String k = e.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String v = e.substring(eq + 1).strip();
            if (k.equals("separator") || k.equals("sep")) {
                sep = switch (v.toLowerCase(Locale.ROOT)) {
                    case "tab", "\\t" -> '\t';
                    case "comma" -> ',';
                    case "semicolon" -> ';';
                    default -> {
                        if (v.length() != 1) throw new IllegalArgumentException("separator must be one character, tab, comma or semicolon");
                        yield v.charAt(0);
                    }
                };
            } else {
                if (v.isEmpty()) throw new IllegalArgumentException("no column given for " + k);
                cols.put(k, v);
            }
        }
        return new ChatCsvMapping(cols, sep);
    }
}
