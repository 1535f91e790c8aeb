package org.lockstep.io.out;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Parquet writer against DuckDB reading the file back: every value comes back as written, whatever an
 * adversary put in a text cell (quotes, separators, line breaks of every kind, a formula, a NUL, text longer
 * than a CSV reader's default line limit), NULL stays distinct from the empty string, non-finite numbers are
 * NULL, the row order is kept, and nothing is left beside the file.
 */
class ParquetWriterTest {
    private static final List<ParquetWriter.Column> COLUMNS = List.of(
            new ParquetWriter.Column("id", ParquetWriter.Type.LONG),
            new ParquetWriter.Column("text", ParquetWriter.Type.TEXT),
            new ParquetWriter.Column("score", ParquetWriter.Type.DOUBLE),
            new ParquetWriter.Column("kept", ParquetWriter.Type.BOOLEAN));

    @Test
    void everyValueComesBackAsWritten(@TempDir Path dir) throws Exception {
        String longText = "x".repeat(3_000_000) + ",\"\n" + "y".repeat(10);
        List<String> texts = List.of("plain", "", "with \"quotes\", and, commas", "line\nbreak", "cr\r\nlf\rcr",
                "=HYPERLINK(\"http://evil\")", "tab\tand ; semicolon", "émoji 🗳️ and Ελληνικά", "nul\u0000inside",
                "\"", "\"\"", ",", "\n", "NULL", "null", "\\N", longText);
        Path file = dir.resolve("t.parquet");
        List<Object[]> want = new ArrayList<>();
        try (ParquetWriter w = ParquetWriter.open(file, COLUMNS)) {
            long id = Long.MIN_VALUE;
            for (String t : texts) {
                double score = want.size() % 3 == 0 ? 1e-300 * want.size() : 1.0 / 3 + want.size();
                w.cell(id).cell(t).cell(score).cell(want.size() % 2 == 0);
                want.add(new Object[] {id, t, score, want.size() % 2 == 0});
                id = id == Long.MIN_VALUE ? Long.MAX_VALUE : id - 1;
                w.endRow();
            }
            // NULLs in every column, and non-finite numbers as NULL
            w.nullCell().nullCell().cell(Double.NaN).nullCell().endRow();
            w.cell(7).cell((String) null).cell(Double.POSITIVE_INFINITY).cell(true).endRow();
            assertEquals(texts.size() + 2, w.rows());
        }
        assertTrue(Files.exists(file));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "nothing but the Parquet file is left");
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT id, text, score, kept FROM '" + file + "'")) {
            for (Object[] row : want) {
                assertTrue(rs.next());
                assertEquals((long) row[0], rs.getLong(1));
                assertEquals(row[1], rs.getString(2), "text of row " + row[0]);
                assertFalse(rs.wasNull(), "an empty string is not NULL");
                assertEquals((double) row[2], rs.getDouble(3), 0.0, "doubles round-trip exactly");
                assertEquals(row[3], rs.getBoolean(4));
            }
            assertTrue(rs.next());
            rs.getLong(1);
            assertTrue(rs.wasNull());
            assertNull(rs.getString(2));
            rs.getDouble(3);
            assertTrue(rs.wasNull(), "NaN is NULL");
            rs.getBoolean(4);
            assertTrue(rs.wasNull());
            assertTrue(rs.next());
            assertEquals(7, rs.getLong(1));
            assertNull(rs.getString(2));
            rs.getDouble(3);
            assertTrue(rs.wasNull(), "infinity is NULL");
            assertFalse(rs.next());
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM '" + file + "')")) {
            List<String> types = new ArrayList<>();
            while (rs.next()) types.add(rs.getString(1) + " " + rs.getString(2));
            assertEquals(List.of("id BIGINT", "text VARCHAR", "score DOUBLE", "kept BOOLEAN"), types);
        }
    }

    @Test
    void misuseIsRefusedAndAnEmptyTableIsAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("empty.parquet");
        try (ParquetWriter w = ParquetWriter.open(file, COLUMNS)) {
            assertThrows(IllegalStateException.class, () -> w.cell("not a number"));
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM '" + file + "'")) {
            assertTrue(rs.next());
            assertEquals(0, rs.getLong(1));
        }
        Path other = dir.resolve("short.parquet");
        try (ParquetWriter w = ParquetWriter.open(other, COLUMNS)) {
            w.cell(1).cell("a");
            assertThrows(IllegalStateException.class, w::endRow, "a row with too few cells");
        } catch (java.io.IOException | IllegalStateException expected) {
            // closing a writer whose last row was left half-written may fail; it must not write a wrong file
        }
        assertThrows(IllegalArgumentException.class, () -> new ParquetWriter.Column("Bad Name", ParquetWriter.Type.TEXT));
    }
}
