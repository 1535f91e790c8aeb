package org.lockstep.io.out;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Writes one table as a zstd-compressed Parquet file, row by row, with the cell calls of {@link CsvWriter}:
 * the complete tables behind CSVs that are cut to what a spreadsheet opens (a storm's millions of evidence
 * rows), for pandas, R, DuckDB or Spark. Values are written as they are (no formula guard: Parquet is
 * not opened by a spreadsheet), missing values and non-finite numbers as NULL.
 *
 * <p>Rows go through DuckDB's appender into an in-memory table (no write-ahead log) whose memory is capped
 * at 512 MB; beyond that DuckDB spills to a scratch directory beside the target, so memory stays bounded
 * however many rows. {@link #close()} copies the table to Parquet and removes the scratch. Not thread-safe.
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

    private final Path target, scratch;
    private final List<Column> columns;
    private final DuckDBConnection conn;
    private final DuckDBAppender appender;
    private int column;
    private boolean inRow, closed;
    private long rows;

    private ParquetWriter(Path target, List<Column> columns) throws IOException {
        this.target = target;
        this.columns = List.copyOf(columns);
        this.scratch = target.resolveSibling(target.getFileName() + ".scratch");
        try {
            conn = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
            StringBuilder ddl = new StringBuilder("CREATE TABLE t (");
            for (int i = 0; i < columns.size(); i++) {
                Column c = columns.get(i);
                ddl.append(i == 0 ? "" : ", ").append('"').append(c.name()).append("\" ").append(switch (c.type()) {
                    case TEXT -> "VARCHAR";
                    case LONG -> "BIGINT";
                    case DOUBLE -> "DOUBLE";
                    case BOOLEAN -> "BOOLEAN";
                });
            }
            try (Statement st = conn.createStatement()) {
                st.execute("SET threads = 1");
                st.execute("SET memory_limit = '512MB'");
                st.execute("SET temp_directory = '" + scratch.toAbsolutePath().toString().replace("'", "''") + "'");
                st.execute("SET preserve_insertion_order = true");
                st.execute(ddl.append(')').toString());
            }
            appender = conn.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "t");
        } catch (SQLException e) {
            cleanUp();
            throw new IOException("cannot start the Parquet writer for " + target + ": " + e.getMessage(), e);
        }
    }

    /** Starts writing {@code target} (replaced at {@link #close()}) with these columns. */
    public static ParquetWriter open(Path target, List<Column> columns) throws IOException {
        if (columns.isEmpty()) throw new IllegalArgumentException("no columns");
        return new ParquetWriter(target, columns);
    }

    private Type next() throws SQLException {
        if (column >= columns.size()) throw new IllegalStateException("more cells than the " + columns.size() + " columns");
        if (!inRow) {
            appender.beginRow();
            inRow = true;
        }
        return columns.get(column++).type();
    }

    /** A text cell; null is NULL. */
    public ParquetWriter cell(String v) {
        if (v == null) return nullCell();
        try {
            Type t = next();
            if (t != Type.TEXT) throw new IllegalStateException("column " + columns.get(column - 1).name() + " is " + t + ", not text");
            appender.append(v);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** A whole number; in a DOUBLE column it is stored as a double. */
    public ParquetWriter cell(long v) {
        try {
            Type t = next();
            if (t == Type.DOUBLE) appender.append((double) v);
            else if (t == Type.LONG) appender.append(v);
            else throw new IllegalStateException("column " + columns.get(column - 1).name() + " is " + t + ", not a number");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** A number; NaN and infinities are NULL. */
    public ParquetWriter cell(double v) {
        try {
            Type t = next();
            if (t != Type.DOUBLE) throw new IllegalStateException("column " + columns.get(column - 1).name() + " is " + t + ", not a double");
            if (Double.isFinite(v)) appender.append(v);
            else appender.append((Double) null);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    public ParquetWriter cell(boolean v) {
        try {
            Type t = next();
            if (t != Type.BOOLEAN) throw new IllegalStateException("column " + columns.get(column - 1).name() + " is " + t + ", not a boolean");
            appender.append(v);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** NULL in any column. */
    public ParquetWriter nullCell() {
        try {
            Type t = next();
            switch (t) {
                case TEXT -> appender.append((String) null);
                case LONG -> appender.append((Long) null);
                case DOUBLE -> appender.append((Double) null);
                case BOOLEAN -> appender.append((Boolean) null);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    public ParquetWriter endRow() {
        if (column != columns.size()) throw new IllegalStateException("row has " + column + " cells, the table " + columns.size());
        try {
            appender.endRow();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        column = 0;
        inRow = false;
        rows++;
        return this;
    }

    /** Rows written so far. */
    public long rows() {
        return rows;
    }

    /** Writes the Parquet file and removes the scratch database. */
    @Override
    public void close() throws IOException {
        if (closed) return;
        closed = true;
        try {
            appender.close();
            try (Statement st = conn.createStatement()) {
                st.execute("COPY t TO '" + target.toAbsolutePath().toString().replace("'", "''") + "' (FORMAT parquet, COMPRESSION zstd)");
            }
        } catch (SQLException e) {
            throw new IOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            cleanUp();
        }
    }

    private void cleanUp() {
        try {
            if (conn != null) conn.close();
        } catch (SQLException ignored) {
            // closing a scratch database: nothing to keep
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
