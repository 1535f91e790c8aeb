package org.lockstep.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes rows as TSV (tabs and newlines escaped, spreadsheet formulas neutralised with a leading
 * quote) or as JSON Lines (one object per row, escaped by Jackson). Attacker text is never rendered
 * as markup.
 */
final class DomainsOutput implements AutoCloseable {
    enum Format { tsv, json }

    private final Writer out;
    private final Format format;
    private final List<String> columns;
    private final JsonGenerator json;

    DomainsOutput(Writer out, Format format, List<String> columns) throws IOException {
        this.out = out;
        this.format = format;
        this.columns = List.copyOf(columns);
        if (format == Format.json) {
            json = new JsonFactory().createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.setRootValueSeparator(null);
        } else {
            json = null;
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) out.write('\t');
                out.write(columns.get(i));
            }
            out.write('\n');
        }
    }

    /** One row; values are strings, numbers or lists of strings. */
    void row(Object... values) throws IOException {
        if (format == Format.json) {
            json.writeStartObject();
            for (int i = 0; i < columns.size(); i++) {
                Object v = values[i];
                json.writeFieldName(columns.get(i));
                if (v == null) json.writeNull();
                else if (v instanceof Double d) json.writeNumber(d);
                else if (v instanceof Long l) json.writeNumber(l);
                else if (v instanceof Integer n) json.writeNumber(n);
                else if (v instanceof List<?> list) {
                    json.writeStartArray();
                    for (Object o : list) json.writeString(String.valueOf(o));
                    json.writeEndArray();
                } else json.writeString(String.valueOf(v));
            }
            json.writeEndObject();
            json.flush();
            out.write('\n');
        } else {
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) out.write('\t');
                Object v = values[i];
                String s;
                if (v == null) s = "";
                else if (v instanceof List<?> list) s = String.join(",", list.stream().map(String::valueOf).toList());
                else s = String.valueOf(v);
                out.write(v instanceof Number ? s : tsvCell(s));
            }
            out.write('\n');
        }
    }

    /** Escapes a TSV cell: backslash, tab, CR and LF as escapes; a leading = + - @ gets a quote. */
    static String tsvCell(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        if (!s.isEmpty()) {
            char c = s.charAt(0);
            if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') sb.append('\'');
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || Terminal.isBidiControl(c)) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.toString();
    }

    void flush() throws IOException {
        out.flush();
    }

    /** Flushes; the underlying writer stays open (it may be standard output). */
    @Override
    public void close() throws IOException {
        if (json != null) json.close();
        out.flush();
    }
}
