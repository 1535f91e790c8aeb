package org.lockstep.io.out;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Writes one table as a zstd-compressed Parquet file, row by row, with the cell calls of {@link CsvWriter}:
 * the complete tables behind CSVs that are cut to what a spreadsheet opens (a storm's millions of evidence
 * rows), for pandas, R, DuckDB or Spark. Values are written as they are (no formula guard: Parquet is
 * not opened by a spreadsheet), missing values and non-finite numbers as NULL.
 *
 * <p>Rows are spooled to a typed CSV beside the target (NULL an empty unquoted field, so that NULL and the
 * empty string stay apart) and {@link #close()} has DuckDB read it with its declared column types and copy
 * it to Parquet, then removes the spool. DuckDB's CSV reader and Parquet writer run at millions of rows a
 * second where its row appender ran at tens of thousands (measured on the 80k-post storm: 2M evidence rows
 * in 47 s through the appender). A text is spooled as a number, its index in a dictionary of the column's
 * distinct texts written once beside the spool, which DuckDB turns back into the text (a storm's evidence
 * repeats the same accounts, posts, times and texts millions of times: a fifth of the spool, half of
 * DuckDB's work); once the dictionaries hold {@link #DICTIONARY_CHARS} characters, further new texts are
 * spooled as they are (quoted). Memory stays bounded (the spool is on disk, the dictionaries capped,
 * DuckDB's memory capped at 512 MB, more only for rows of tens of megabytes, with a scratch directory beside the target). Not thread-safe.
 */
public final class ParquetWriter implements Cells, Closeable {
    /** Column types. */
    public enum Type { TEXT, LONG, DOUBLE, BOOLEAN }

    /** One column. */
    public record Column(String name, Type type) {
        public Column {
            if (!name.matches("[a-z_][a-z0-9_]*")) throw new IllegalArgumentException("column names are snake_case identifiers: " + name);
        }
    }

    /** Characters the dictionaries of one writer hold at most; texts beyond are spooled as they are. */
    static final long DICTIONARY_CHARS = 32L << 20;

    private final Path target, scratch, spool;
    private final List<Column> columns;
    private final java.io.Writer out;
    /** Per text column: the index of each text in its dictionary, the dictionary's file and writer (opened on first use). */
    private final it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap<String>[] dictionary;
    private final Path[] dictionaryFile;
    private final java.io.Writer[] dictionaryOut;
    private long dictionaryChars, longestText;
    /** {@link #DICTIONARY_CHARS}; lower in tests, to see texts spooled as they are. */
    long dictionaryCap = DICTIONARY_CHARS;
    private int column;
    private boolean closed;
    private long rows;
    /** Characters of the current row and of the longest row so far (the CSV reader's buffers are sized by it). */
    private long rowChars, longestRow;

    private ParquetWriter(Path target, List<Column> columns) throws IOException {
        this.target = target;
        this.columns = List.copyOf(columns);
        this.scratch = target.resolveSibling(target.getFileName() + ".scratch");
        this.spool = target.resolveSibling(target.getFileName() + ".spool.csv");
        this.out = new java.io.BufferedWriter(new java.io.OutputStreamWriter(Files.newOutputStream(spool),
                java.nio.charset.StandardCharsets.UTF_8), 1 << 18);
        int n = this.columns.size();
        @SuppressWarnings("unchecked")
        it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap<String>[] d = new it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap[n];
        dictionary = d;
        dictionaryFile = new Path[n];
        dictionaryOut = new java.io.Writer[n];
        for (int i = 0; i < n; i++) {
            if (this.columns.get(i).type() != Type.TEXT) continue;
            dictionary[i] = new it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap<>();
            dictionary[i].defaultReturnValue(-1);
            dictionaryFile[i] = target.resolveSibling(target.getFileName() + ".dict" + i + ".csv");
        }
    }

    /** Starts writing {@code target} (replaced at {@link #close()}) with these columns. */
    public static ParquetWriter open(Path target, List<Column> columns) throws IOException {
        if (columns.isEmpty()) throw new IllegalArgumentException("no columns");
        return new ParquetWriter(target, columns);
    }

    /** Checks that the next cell may be of type {@code want} (or any type when null), before anything is written. */
    private void expect(Type want, String what) {
        if (closed) throw new IllegalStateException("the writer is closed");
        if (column >= columns.size()) throw new IllegalStateException("more cells than the " + columns.size() + " columns");
        Type t = columns.get(column).type();
        boolean ok = want == null || t == want || want == Type.LONG && t == Type.DOUBLE;
        if (!ok) throw new IllegalStateException("column " + columns.get(column).name() + " is " + t + ", not " + what);
    }

    private void write(String raw) {
        try {
            if (column > 0) out.write(',');
            out.write(raw);
            rowChars += raw.length() + 1;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + spool + ": " + e.getMessage(), e);
        }
        column++;
    }

    /**
     * A text cell; null is NULL. Spooled as two fields: the text's index in the column's dictionary, or
     * (past the dictionaries' cap) the text itself, quoted.
     */
    public ParquetWriter cell(String v) {
        if (v == null) return nullCell();
        expect(Type.TEXT, "text");
        int c = column;
        try {
            if (c > 0) out.write(',');
            int id = dictionary[c].getInt(v);
            if (id < 0 && dictionaryChars + v.length() <= dictionaryCap) {
                id = dictionary[c].size();
                dictionary[c].put(v, id);
                dictionaryChars += v.length();
                if (dictionaryOut[c] == null) {
                    dictionaryOut[c] = new java.io.BufferedWriter(new java.io.OutputStreamWriter(Files.newOutputStream(dictionaryFile[c]),
                            java.nio.charset.StandardCharsets.UTF_8), 1 << 16);
                }
                java.io.Writer d = dictionaryOut[c];
                d.write(Integer.toString(id));
                d.write(',');
                quoted(d, v);
                d.write('\n');
                // quotes doubled count twice in the worst case: the line bound stays an upper bound
                longestText = Math.max(longestText, 2L * v.length() + 16);
            }
            if (id >= 0) {
                out.write(Integer.toString(id));
                out.write(',');
                rowChars += 12;
            } else {
                out.write(',');
                quoted(out, v);
                rowChars += 2L * v.length() + 4;
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + spool + ": " + e.getMessage(), e);
        }
        column++;
        return this;
    }

    /** {@code v} in double quotes, quotes inside doubled. */
    private static void quoted(java.io.Writer w, String v) throws IOException {
        w.write('"');
        int from = 0;
        for (int q = v.indexOf('"'); q >= 0; q = v.indexOf('"', q + 1)) {
            w.write(v, from, q + 1 - from);
            w.write('"');
            from = q + 1;
        }
        w.write(v, from, v.length() - from);
        w.write('"');
    }

    /** A whole number; in a DOUBLE column it is stored as a double. */
    public ParquetWriter cell(long v) {
        expect(Type.LONG, "a number");
        write(columns.get(column).type() == Type.DOUBLE ? Numbers.of((double) v) : Long.toString(v));
        return this;
    }

    /** A number; NaN and infinities are NULL. */
    public ParquetWriter cell(double v) {
        expect(Type.DOUBLE, "a double");
        // the shortest decimal that reads back as the same double
        write(Double.isFinite(v) ? Numbers.of(v) : "");
        return this;
    }

    public ParquetWriter cell(boolean v) {
        expect(Type.BOOLEAN, "a boolean");
        write(v ? "true" : "false");
        return this;
    }

    /** NULL in any column (in a text column both of its fields empty). */
    public ParquetWriter nullCell() {
        expect(null, "");
        write(columns.get(column).type() == Type.TEXT ? "," : "");
        return this;
    }

    public ParquetWriter endRow() {
        if (column != columns.size()) throw new IllegalStateException("row has " + column + " cells, the table " + columns.size());
        try {
            out.write('\n');
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + spool + ": " + e.getMessage(), e);
        }
        column = 0;
        rows++;
        longestRow = Math.max(longestRow, rowChars);
        rowChars = 0;
        return this;
    }

    /** Rows written so far. */
    public long rows() {
        return rows;
    }

    /**
     * Writes the Parquet file and removes the spool and the scratch directory; refuses (writing nothing)
     * when the last row was left unfinished.
     */
    @Override
    public void close() throws IOException {
        if (closed) return;
        closed = true;
        try {
            out.close();
            for (java.io.Writer d : dictionaryOut) if (d != null) d.close();
            if (column != 0) throw new IllegalStateException("the last row has " + column + " of " + columns.size() + " cells: nothing written");
            // a UTF-16 char is at most 3 bytes of UTF-8 (a surrogate pair 4 for two); DuckDB's reader wants a
            // line limit above the longest row and a buffer above that, and allocates the buffer whole
            long maxLine = Math.max(2L << 20, 3 * Math.max(longestRow, longestText) + 1024);
            long buffer = Math.max(32L << 20, 2 * maxLine);
            long memory = Math.max(512L << 20, 8 * buffer);
            String sizes = "max_line_size = " + maxLine + ", buffer_size = " + buffer;
            // spool columns: c<i> for a number or boolean, k<i> (dictionary index) and t<i> (text) for a text;
            // each text column's dictionary is a one-row table holding the list of its texts in index order
            StringBuilder types = new StringBuilder("{"), select = new StringBuilder(), from = new StringBuilder(" s");
            List<String> dictionaries = new java.util.ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                Column c = columns.get(i);
                types.append(i == 0 ? "" : ", ");
                select.append(i == 0 ? "" : ", ");
                String as = " AS \"" + c.name() + '"';
                if (c.type() == Type.TEXT) {
                    types.append("'k").append(i).append("': 'BIGINT', 't").append(i).append("': 'VARCHAR'");
                    select.append("coalesce(d").append(i).append(".l[s.k").append(i).append(" + 1], s.t").append(i).append(')').append(as);
                    from.append(" CROSS JOIN d").append(i);
                    dictionaries.add("CREATE TEMP TABLE d" + i + " AS SELECT list(v ORDER BY id) AS l FROM "
                            + (dictionaryOut[i] == null ? "(SELECT NULL::BIGINT AS id, NULL::VARCHAR AS v WHERE false)"
                                    : readCsv(dictionaryFile[i], "{'id': 'BIGINT', 'v': 'VARCHAR'}", sizes)));
                    continue;
                }
                types.append("'c").append(i).append("': '").append(switch (c.type()) {
                    case TEXT -> "VARCHAR";
                    case LONG -> "BIGINT";
                    case DOUBLE -> "DOUBLE";
                    case BOOLEAN -> "BOOLEAN";
                }).append('\'');
                select.append("s.c").append(i).append(as);
            }
            types.append('}');
            try (java.sql.Connection conn = DriverManager.getConnection("jdbc:duckdb:");
                    Statement st = conn.createStatement()) {
                st.execute("SET threads = 1");
                st.execute("SET memory_limit = '" + (memory >> 20) + "MB'");
                st.execute("SET temp_directory = " + literal(scratch.toAbsolutePath().toString()));
                st.execute("SET preserve_insertion_order = true");
                for (String d : dictionaries) st.execute(d);
                // the cross joins are with one-row tables: the spool's rows keep their order
                st.execute("COPY (SELECT " + select + " FROM " + readCsv(spool, types.toString(), sizes) + from + ") TO "
                        + literal(target.toAbsolutePath().toString()) + " (FORMAT parquet, COMPRESSION zstd)");
            }
        } catch (SQLException e) {
            throw new IOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            cleanUp();
        }
    }

    /** DuckDB's reader of one spooled CSV with these column types, nothing guessed, NULL only unquoted. */
    private static String readCsv(Path file, String types, String sizes) {
        return "read_csv(" + literal(file.toAbsolutePath().toString())
                + ", header = false, delim = ',', quote = '\"', escape = '\"', new_line = '\\n',"
                + " auto_detect = false, allow_quoted_nulls = false, " + sizes + ","
                + " strict_mode = true, parallel = false, columns = " + types + ")";
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private void cleanUp() {
        for (java.io.Writer d : dictionaryOut) {
            try {
                if (d != null) d.close();
            } catch (IOException ignored) {
                // closed already, or the disk is gone: the file is removed below
            }
        }
        try {
            Files.deleteIfExists(spool);
            for (Path d : dictionaryFile) if (d != null) Files.deleteIfExists(d);
        } catch (IOException ignored) {
            // a leftover spool is removed with the temporaries of the next run
        }
        if (Files.exists(scratch)) {
            try (java.util.stream.Stream<Path> s = Files.walk(scratch)) {
                for (Path p : (Iterable<Path>) s.sorted(java.util.Comparator.reverseOrder())::iterator) Files.deleteIfExists(p);
            } catch (IOException | RuntimeException ignored) {
                // a leftover scratch directory is removed with the temporaries of the next run
            }
        }
    }
}
