package org.lockstep.io.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11: reading failures say which file, what happened in plain words, and never "null". */
class ReadMessagesTest {
    @TempDir Path dir;

    @Test
    void aMissingFileIsNamedWithItsCause() throws IOException {
        Path f = dir.resolve("nosuch.csv");
        Fixtures.Result r = Fixtures.read(f);
        Problem p = r.report().problems().get(0);
        assertEquals(f.toString(), p.file());
        assertEquals("cannot read file: no such file or directory", p.reason());
        assertFalse(p.toString().contains("null"), p.toString());
    }

    @Test
    void aDirectoryGivenAsFileOrAnUnreadableFileSaysWhy() throws IOException {
        Path f = dir.resolve("secret.csv");
        Files.writeString(f, "x");
        assertTrue(f.toFile().setReadable(false));
        Fixtures.Result r = Fixtures.read(f);
        if (Files.isReadable(f)) return; // running as root: permissions do not apply
        assertEquals("cannot read file: permission denied", r.report().problems().get(0).reason());
    }

    @Test
    void aGzipBombOfOneJsonStringIsNotCalledABadCsvHeader() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(b)) {
            gz.write('"');
            byte[] a = new byte[1 << 20];
            java.util.Arrays.fill(a, (byte) 'A');
            for (int i = 0; i < 24; i++) gz.write(a);
            gz.write("\"\n".getBytes(StandardCharsets.US_ASCII));
        }
        Path f = dir.resolve("bomb.json.gz");
        Files.write(f, b.toByteArray());
        Fixtures.Result r = Fixtures.read(f);
        List<String> problems = r.problems();
        assertEquals(1, r.report().filesFailed());
        assertEquals("1 FILE_FAILED the first line (25,165,826 bytes, starting '\"AAAAAAAAAAAAAAAAAAAAAAA…') is longer than the line"
                + " limit of 16,777,216 bytes: it is neither a CSV header nor a JSON object or array, so nothing in this"
                + " file can be read", problems.get(0));
    }

    @Test
    void errorsDescribeCausesInPlainWords() {
        assertEquals("disk full (no space left on the device)",
                Errors.describe(new IOException("write failed", new IOException("No space left on device"))));
        assertEquals("no such file or directory", Errors.describe(new java.nio.file.NoSuchFileException("/x")));
        assertEquals("permission denied", Errors.describe(new java.nio.file.AccessDeniedException("/x")));
        assertEquals("null pointer exception", Errors.describe(new NullPointerException()));
        assertEquals("unknown error", Errors.describe(null));
    }
}
