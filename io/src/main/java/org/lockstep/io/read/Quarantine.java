package org.lockstep.io.read;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps rejected records for later inspection: one JSON object per line with {@code file}, {@code line},
 * {@code reason} and {@code raw} (the record's text, cut at 1 MiB with {@code raw_truncated}).
 */
final class Quarantine implements Closeable {
    private static final int MAX_RAW = 1 << 20;
    private final JsonGenerator gen;
    private long written;

    Quarantine(Path path) throws IOException {
        this(path, false);
    }

    /** A quarantine file, emptied first unless {@code append}. */
    Quarantine(Path path, boolean append) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        java.io.OutputStream out = append ? Files.newOutputStream(path, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND) : Files.newOutputStream(path);
        gen = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
        gen.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
    }

    void add(String file, long line, String reason, String raw) {
        written++;
        try {
            gen.writeStartObject();
            gen.writeStringField("file", file);
            gen.writeNumberField("line", line);
            gen.writeStringField("reason", reason);
            if (raw != null) {
                boolean cut = raw.length() > MAX_RAW;
                gen.writeStringField("raw", cut ? raw.substring(0, MAX_RAW) : raw);
                if (cut) gen.writeBooleanField("raw_truncated", true);
            }
            gen.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        if (written > 0) gen.writeRaw('\n');
        gen.close();
    }
}
