package org.lockstep.io.out;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streams an RFC 4180 CSV file (comma, CRLF, double-quote quoting) row by row.
 *
 * <p>Cells written as text are attacker-written in general (handles, post text, URLs), so they are
 * made safe for spreadsheets: a text cell starting with {@code = + - @}, TAB or CR gets a leading
 * single quote so that Excel, LibreOffice and Google Sheets show it instead of evaluating it as a
 * formula, and NUL characters are replaced by U+FFFD. Numeric cells ({@link #cell(long)},
 * {@link #cell(double)}) are written as numbers, so a negative number stays a number.
 */
public final class CsvWriter implements Cells, Closeable, Flushable {
    private final Writer out;
    private final int columns;
    private int column;
    private long rows;
    private long bytes;

    /** A writer over {@code out} for rows of {@code header.length} cells; writes the header. */
    public CsvWriter(Writer out, String... header) {
        this.out = out;
        this.columns = header.length;
        for (String h : header) cell(h);
        endRow();
        rows = 0;
    }

    /** Creates (or replaces) {@code file}, UTF-8 without BOM, and writes the header. */
    public static CsvWriter open(Path file, String... header) throws IOException {
        return new CsvWriter(new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16), header);
    }

    /** A writer over a stream (UTF-8), for stdout or tests. */
    public static CsvWriter of(OutputStream out, String... header) {
        return new CsvWriter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16), header);
    }

    /** Writes a text cell; null is an empty cell. */
    public CsvWriter cell(String value) {
        sep();
        if (value != null && !value.isEmpty()) write(escape(value));
        return this;
    }

    public CsvWriter cell(long value) {
        sep();
        write(Long.toString(value));
        return this;
    }

    public CsvWriter cell(int value) {
        return cell((long) value);
    }

    /** Writes a number; NaN and infinities are written as an empty cell (a missing value). */
    public CsvWriter cell(double value) {
        sep();
        if (Double.isFinite(value)) write(formatDouble(value));
        return this;
    }

    public CsvWriter cell(boolean value) {
        sep();
        write(value ? "true" : "false");
        return this;
    }

    /** Writes a whole row of cells: numbers and booleans as such, anything else as text. */
    public CsvWriter row(Object... cells) {
        for (Object c : cells) {
            if (c == null) cell((String) null);
            else if (c instanceof Integer || c instanceof Long || c instanceof Short || c instanceof Byte) cell(((Number) c).longValue());
            else if (c instanceof Number) cell(((Number) c).doubleValue());
            else if (c instanceof Boolean) cell((boolean) (Boolean) c);
            else cell(c.toString());
        }
        return endRow();
    }

    /** Ends the current row; the row must have as many cells as the header. */
    public CsvWriter endRow() {
        if (column != columns) {
            throw new IllegalStateException("row has " + column + " cells, header has " + columns);
        }
        write("\r\n");
        column = 0;
        rows++;
        return this;
    }

    /** Bytes of the file so far, header included (UTF-8, exact; what is still buffered counted too). */
    public long bytes() {
        return bytes;
    }

    private static int utf8Length(String s) {
        int n = s.length();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) n += c < 0x800 || Character.isSurrogate(c) ? 1 : 2;   // a surrogate pair is 4 bytes: 2 + 1 + 1
        }
        return n;
    }

    /** Data rows written so far (the header is not counted). */
    public long rows() {
        return rows;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /** Shortest round-tripping decimal without exponent for the usual magnitudes; integers without ".0". */
    static String formatDouble(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return Numbers.of(v);
    }

    /** The cell text as written: formula-neutralised, NUL-free and quoted where RFC 4180 needs it. */
    public static String escape(String value) {
        String v = value.indexOf('\0') >= 0 ? value.replace('\0', '\uFFFD') : value;
        if (isFormulaStart(v.charAt(0))) v = "'" + v;
        boolean quote = false;
        for (int i = 0; i < v.length() && !quote; i++) {
            char c = v.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) return v;
        return '"' + v.replace("\"", "\"\"") + '"';
    }

    /**
     * Undoes the formula guard of {@link #escape} on an unquoted cell read back: a leading {@code '} before
     * {@code = + - @}, TAB or CR is dropped. (A value that itself began with {@code '} and such a character
     * cannot be told apart; it reads back without its quote.)
     */
    public static String unguard(String cell) {
        return cell.length() >= 2 && cell.charAt(0) == '\'' && isFormulaStart(cell.charAt(1)) ? cell.substring(1) : cell;
    }

    private static boolean isFormulaStart(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    private void sep() {
        if (column >= columns) throw new IllegalStateException("more cells than the header's " + columns);
        if (column++ > 0) write(",");
    }

    private void write(String s) {
        bytes += utf8Length(s);
        try {
            out.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
