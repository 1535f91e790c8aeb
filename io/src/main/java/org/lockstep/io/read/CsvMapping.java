package org.lockstep.io.read;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which column of an arbitrary CSV holds which post field, for CSV files of no known layout.
 * Keys are post fields ({@code id, account, handle, time, text, lang, repost_of, reply_to, quote_of,
 * repost, urls, hashtags, mentions, media, platform}), values are column names of the file's header;
 * {@code repost} is a flag column (true/1/retweet... for a repost whose original id may be absent),
 * {@code media} a list of image URLs or hashes/ids; {@code platform}
 * may instead name a platform ({@code platform=telegram}) for every row. {@code separator} is the
 * field separator, or 0 to detect it from the header.
 */
public record CsvMapping(Map<String, String> columns, char separator) {
    /** The post fields a mapping may name. */
    public static final List<String> FIELDS = List.of("id", "account", "handle", "time", "text", "lang", "repost_of",
            "reply_to", "quote_of", "repost", "urls", "hashtags", "mentions", "media", "platform");
    static final Set<String> REQUIRED = Set.of("id", "account", "time");

    public CsvMapping {
        columns = Map.copyOf(columns);
    }

    /**
     * Parses a command-line mapping such as {@code id=tweet_id,account=user,time=created,text=body}
     * (also {@code separator=;}; {@code tab}, {@code comma}, {@code semicolon} and {@code pipe} name
     * separators).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static CsvMapping parse(String spec) {
        if (spec == null || spec.isBlank()) throw new IllegalArgumentException("empty column mapping");
        Map<String, String> m = new LinkedHashMap<>();
        char[] sep = {0};
        // "separator=," would be split by the comma itself
        String s = spec.replace("separator=,", "separator=comma");
        for (String part : s.split(",")) {
            if (part.isBlank()) continue;
            entry(part, m, sep, "'" + part.strip() + "'");
        }
        return finish(m, sep[0]);
    }

    /**
     * Reads a mapping file: one {@code field=column} per line, {@code #} comments and blank lines
     * ignored, optionally {@code separator=;}.
     */
    public static CsvMapping load(Path file) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        char[] sep = {0};
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i == 0 && line.startsWith("\uFEFF")) line = line.substring(1);
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            entry(t, m, sep, file.getFileName() + " line " + (i + 1));
        }
        return finish(m, sep[0]);
    }

    private static void entry(String part, Map<String, String> m, char[] sep, String where) {
        int eq = part.indexOf('=');
        if (eq <= 0) throw new IllegalArgumentException("column mapping " + where + ": expected field=column");
        String key = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
        String value = part.substring(eq + 1);
        String v = value.strip();
        if (key.equals("separator") || key.equals("sep")) {
            sep[0] = separator(value, where);
            return;
        }
        if (!FIELDS.contains(key)) {
            throw new IllegalArgumentException("column mapping " + where + ": unknown field '" + key + "' (fields: "
                    + String.join(", ", FIELDS) + ", separator)");
        }
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) v = v.substring(1, v.length() - 1);
        if (v.isEmpty()) throw new IllegalArgumentException("column mapping " + where + ": no column for '" + key + "'");
        if (m.putIfAbsent(key, v) != null) throw new IllegalArgumentException("column mapping " + where + ": '" + key + "' given twice");
    }

    private static char separator(String value, String where) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        switch (v) {
            case "comma": return ',';
            case "tab": case "\\t": return '\t';
            case "semicolon": return ';';
            case "pipe": return '|';
            default:
        }
        if (value.equals("\t")) return '\t';
        if (v.length() == 1 && v.charAt(0) != '"') return v.charAt(0);
        throw new IllegalArgumentException("column mapping " + where + ": separator must be one character (or comma, tab, semicolon, pipe)");
    }

    private static CsvMapping finish(Map<String, String> m, char sep) {
        for (String r : List.of("id", "account", "time")) {
            if (!m.containsKey(r)) throw new IllegalArgumentException("column mapping needs '" + r + "=COLUMN' (required: id, account, time)");
        }
        return new CsvMapping(m, sep);
    }
}
