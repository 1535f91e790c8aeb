package org.lockstep.io.chat;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lockstep.core.plans.ChatMessage;

/**
 * A chat as CSV with a header (RFC 4180 quoting; a quoted field may span lines). Columns come from
 * the {@link ChatCsvMapping}, else are guessed from the header names. A record whose quote is still
 * open after {@link #MAX_RECORD_LINES} lines is rejected at its first line and reading goes on with
 * the next line, so one stray quote never swallows the rest of the file.
 */
final class ChatCsv {
    static final int MAX_RECORD_LINES = 200;

    private ChatCsv() {}

    static void read(String file, BufferedReader in, Sink sink) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String l; (l = in.readLine()) != null; ) lines.add(l);
        if (!lines.isEmpty() && lines.get(0).startsWith("\uFEFF")) lines.set(0, lines.get(0).substring(1));
        ChatCsvMapping mapping = sink.options.csvMapping();
        char sep = mapping != null ? mapping.separator() : guessSeparator(lines.isEmpty() ? "" : lines.get(0));
        Parsed header = record(lines, 0, sep);
        if (header == null || header.fields.isEmpty() || header.fields.stream().allMatch(String::isBlank)) {
            sink.fileFailed(file, 1, "no CSV header");
            return;
        }
        Map<String, Integer> col = columns(header.fields, mapping);
        if (!col.containsKey("time")) {
            sink.fileFailed(file, 1, mapping != null ? "the mapped time column '" + mapping.columns().get("time") + "' is not in the header"
                    : "no time column in the header (give a mapping: time=COLUMN,author=COLUMN,text=COLUMN,attachment=COLUMN)");
            return;
        }
        if (mapping != null) {
            for (Map.Entry<String, String> e : mapping.columns().entrySet()) {
                if (!col.containsKey(e.getKey())) {
                    sink.fileFailed(file, 1, "the mapped " + e.getKey() + " column '" + e.getValue() + "' is not in the header");
                    return;
                }
            }
        }
        int i = header.next;
        while (i < lines.size()) {
            if (lines.get(i).isEmpty()) {
                i++;
                continue;
            }
            int lineNo = i + 1;
            Parsed r = record(lines, i, sep);
            sink.record();
            if (r == null) {
                sink.reject(file, lineNo, "unterminated quoted field (no closing quote within " + MAX_RECORD_LINES + " lines)", lines.get(i));
                i++;
                continue;
            }
            String raw = String.join("\n", lines.subList(i, r.next));
            i = r.next;
            try {
                if (r.fields.size() > header.fields.size()) throw new BadRecord(r.fields.size() + " fields, the header has " + header.fields.size());
                String time = get(r.fields, col, "time");
                long ms = ChatTimes.parse(time, sink.options.zone());
                String text = get(r.fields, col, "text");
                String att = get(r.fields, col, "attachment");
                List<String> atts = new ArrayList<>();
                if (att != null) for (String a : att.split("[|;]")) if (!a.isBlank()) atts.add(a.strip());
                if ((text == null || text.isBlank()) && atts.isEmpty()) throw new BadRecord("empty message: no text and no attachment");
                String id = get(r.fields, col, "id");
                sink.message(new ChatMessage(get(r.fields, col, "chat"), id != null ? id : "line" + lineNo, ms,
                        get(r.fields, col, "author_id"), get(r.fields, col, "author"), text, atts, get(r.fields, col, "reply_to")));
            } catch (BadRecord | IllegalArgumentException e) {
                sink.reject(file, lineNo, e.getMessage(), raw);
            }
        }
    }

    private static String get(List<String> f, Map<String, Integer> col, String field) {
        Integer c = col.get(field);
        if (c == null || c >= f.size()) return null;
        String v = f.get(c);
        return v.isEmpty() ? null : v;
    }

    private static Map<String, Integer> columns(List<String> header, ChatCsvMapping mapping) {
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < header.size(); i++) byName.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i);
        Map<String, Integer> col = new HashMap<>();
        if (mapping != null) {
            for (Map.Entry<String, String> e : mapping.columns().entrySet()) {
                Integer c = byName.get(e.getValue().strip().toLowerCase(Locale.ROOT));
                if (c != null) col.put(e.getKey(), c);
            }
            return col;
        }
        for (Map.Entry<String, List<String>> e : ChatCsvMapping.GUESSES.entrySet()) {
            for (String name : e.getValue()) {
                Integer c = byName.get(name);
                if (c != null) {
                    col.put(e.getKey(), c);
                    break;
                }
            }
        }
        return col;
    }

    private static char guessSeparator(String header) {
        int commas = 0, semis = 0, tabs = 0;
        for (char c : header.toCharArray()) {
            if (c == ',') commas++;
            else if (c == ';') semis++;
            else if (c == '\t') tabs++;
        }
        return tabs > commas && tabs > semis ? '\t' : semis > commas ? ';' : ',';
    }

    private record Parsed(List<String> fields, int next) {}

    /** The record starting at line {@code start}, or null when its quote stays open too long. */
    private static Parsed record(List<String> lines, int start, char sep) {
        if (start >= lines.size()) return null;
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        int li = start;
        String line = lines.get(li);
        int i = 0;
        while (true) {
            if (i >= line.length()) {
                if (!quoted) {
                    fields.add(f.toString());
                    return new Parsed(fields, li + 1);
                }
                li++;
                if (li >= lines.size() || li - start >= MAX_RECORD_LINES) return null;
                f.append('\n');
                line = lines.get(li);
                i = 0;
                continue;
            }
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        f.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else f.append(c);
            } else if (c == '"' && f.length() == 0) quoted = true;
            else if (c == sep) {
                fields.add(f.toString());
                f.setLength(0);
            } else f.append(c);
            i++;
        }
    }
}
