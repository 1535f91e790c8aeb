package org.lockstep.io.read;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records over a {@link LineReader}: quoted fields with doubled quotes, embedded commas and
 * newlines. A quoted field left open for more than {@code maxLines} lines (a stray quote) makes its
 * record bad; reading then resumes on the line after the record's start, so a stray quote costs one
 * record, never the rest of the file.
 */
final class CsvRecords {
    /** One physical line as read. */
    private record Line(long no, String text, String bad) {}

    private final LineReader lines;
    private final int maxLines;
    private final char sep;
    private final ArrayDeque<Line> replay = new ArrayDeque<>();
    private final List<String> fields = new ArrayList<>();
    /** The physical lines of the record being read. */
    private final List<Line> used = new ArrayList<>();
    private long startLine;
    private int expected = -1;
    private String raw;
    private String bad;
    private boolean warnUtf8;

    CsvRecords(LineReader lines, int maxLines, char sep) {
        this.lines = lines;
        this.maxLines = maxLines;
        this.sep = sep;
    }

    private Line nextLine() throws IOException {
        if (!replay.isEmpty()) return replay.pollFirst();
        if (!lines.next()) return null;
        String b = null;
        if (lines.tooLong()) b = "line of " + lines.lineBytes() + " bytes is longer than the limit of " + lines.maxLineBytes() + " bytes";
        else if (lines.hasNul()) b = "NUL byte in record";
        boolean invalid = b == null && !lines.validUtf8();
        Line l = new Line(lines.lineNumber(), b == null ? lines.text() : "", b);
        if (invalid) warnUtf8 = true;
        return l;
    }

    /**
     * Reads the next non-blank record. Afterwards {@link #bad()} is null and {@link #fields()} holds the
     * fields, or {@link #bad()} says why the record (from {@link #line()}) is unusable.
     */
    boolean next() throws IOException {
        fields.clear();
        bad = null;
        warnUtf8 = false;
        Line first;
        do {
            first = nextLine();
            if (first == null) return false;
        } while (first.bad() == null && first.text().isBlank());
        startLine = first.no();
        if (first.bad() != null) {
            bad = first.bad();
            raw = first.text();
            return true;
        }
        List<Line> used = this.used; // reused: most records are one line, and none is kept after next()
        used.clear();
        used.add(first);
        String text = first.text();
        while (!parse(text)) {
            if (used.size() > maxLines) {
                rejectRunaway(used, "quoted field not closed within " + maxLines + " lines");
                return true;
            }
            Line more = nextLine();
            if (more == null) {
                rejectRunaway(used, "quoted field not closed before the end of input");
                return true;
            }
            if (more.bad() != null) {
                replay.addFirst(more);
                rejectRunaway(used, "quoted field runs into a bad line (" + more.bad() + ")");
                return true;
            }
            used.add(more);
            text = text + '\n' + more.text();
        }
        if (used.size() > 1 && expected > 0 && fields.size() != expected) {
            int n = fields.size();
            rejectRunaway(used, "stray quote: a quoted field runs over " + (used.size() - 1)
                    + " more lines into a record of " + n + " columns, expected " + expected);
            return true;
        }
        raw = text;
        return true;
    }

    /**
     * Tells the number of columns a record must have: a quoted field that spans lines and yields a
     * record of another width is a stray quote, so only its first line is rejected.
     */
    void expectColumns(int n) {
        expected = n;
    }

    private void rejectRunaway(List<Line> used, String why) {
        bad = why;
        raw = used.get(0).text();
        for (int i = used.size() - 1; i >= 1; i--) replay.addFirst(used.get(i));
        fields.clear();
    }

    /** Splits {@code s} into fields; false when it ends inside a quoted field. */
    private boolean parse(String s) {
        fields.clear();
        int n = s.length();
        int i = 0;
        while (true) {
            if (i < n && s.charAt(i) == '"') {
                // quoted field: doubled quotes are one quote; text after the closing quote is kept as is
                StringBuilder f = new StringBuilder();
                i++;
                while (true) {
                    int q = s.indexOf('"', i);
                    if (q < 0) return false;
                    f.append(s, i, q);
                    if (q + 1 < n && s.charAt(q + 1) == '"') {
                        f.append('"');
                        i = q + 2;
                        continue;
                    }
                    i = q + 1;
                    break;
                }
                int e = s.indexOf(sep, i);
                if (e < 0) {
                    f.append(s, i, n);
                    fields.add(f.toString());
                    return true;
                }
                f.append(s, i, e);
                fields.add(f.toString());
                i = e + 1;
                continue;
            }
            int e = s.indexOf(sep, i);
            if (e < 0) {
                fields.add(s.substring(i));
                return true;
            }
            fields.add(s.substring(i, e));
            i = e + 1;
        }
    }

    List<String> fields() { return fields; }
    long line() { return startLine; }
    String raw() { return raw; }
    String bad() { return bad; }
    /** Whether the record had invalid UTF-8 that was replaced by U+FFFD. */
    boolean replacedInvalidUtf8() { return warnUtf8; }
}
