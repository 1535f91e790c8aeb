package org.lockstep.io.chat;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Rejected chat records as JSON lines: {@code file}, {@code line}, {@code reason}, {@code raw} (cut at 1 MiB). */
final class ChatQuarantine implements Closeable {
    private static final int MAX_RAW = 1 << 20;
    private final JsonGenerator gen;

    ChatQuarantine(Path path) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        gen = new JsonFactory().createGenerator(Files.newOutputStream(path), JsonEncoding.UTF8);
        gen.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
    }

    void add(String file, long line, String reason, String raw) {
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
        gen.writeRaw('\n');
        gen.close();
    }
}
