package org.lockstep.io.chat;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.lockstep.core.plans.ChatMessage;
import org.lockstep.io.read.Problem;

/**
 * Reads chat exports (files or directories, plain or gzip) into {@link ChatMessage}s: DiscordChatExporter
 * JSON, Telegram Desktop JSON and mapped CSV, told apart by content. Bad input follows the post
 * readers' rules: every bad record is reported with file, line and reason, counted, skipped and (with a
 * quarantine file) kept raw; one bad record never costs a good one; a file that cannot be read at all
 * is reported and the others are still read. Service messages (joins, pins) are counted as skipped.
 */
public final class ChatReaders {
    /** Messages in time order (stable), and the report. */
    public record Loaded(List<ChatMessage> messages, ChatReadReport report) {}

    private ChatReaders() {}

    public static Loaded read(List<Path> inputs, ChatReadOptions options, Consumer<Problem> listener) throws IOException {
        ChatReadReport report = new ChatReadReport(listener);
        List<ChatMessage> out = new ArrayList<>();
        ChatQuarantine q = options.quarantine() == null ? null : new ChatQuarantine(options.quarantine());
        try {
            Sink sink = new Sink(options, report, q, out);
            for (Path p : expand(inputs)) readFile(p, sink);
        } finally {
            if (q != null) q.close();
        }
        out.sort(Comparator.comparingLong(ChatMessage::timeMs));
        return new Loaded(List.copyOf(out), report);
    }

    private static List<Path> expand(List<Path> inputs) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(Files::isRegularFile).sorted().forEach(files::add);
                }
            } else files.add(p);
        }
        return files;
    }

    private static void readFile(Path p, Sink sink) {
        String name = p.toString();
        sink.report.file();
        try (InputStream raw = Files.newInputStream(p)) {
            BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
            in.mark(2);
            int b0 = in.read(), b1 = in.read();
            in.reset();
            InputStream decoded = b0 == 0x1f && b1 == 0x8b ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in;
            ChatFormat f = sink.options.format() != null ? sink.options.format() : detect(decoded);
            if (f == null) {
                sink.fileFailed(name, 0, "not a chat export this reader knows (DiscordChatExporter JSON, Telegram JSON, CSV with a header)");
                return;
            }
            if (f == ChatFormat.CSV) {
                BufferedReader r = new BufferedReader(new InputStreamReader(decoded, StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)));
                ChatCsv.read(name, r, sink);
            } else {
                ChatJson.read(name, decoded, f, sink);
            }
        } catch (IOException | UncheckedIOException e) {
            sink.fileFailed(name, 0, "cannot read: " + e.getMessage());
        }
    }

    /** The format of a stream from its first 64 KiB (the stream is reset), or null. */
    static ChatFormat detect(InputStream in) throws IOException {
        int n = 1 << 16;
        in.mark(n);
        byte[] head = in.readNBytes(n);
        in.reset();
        String s = new String(head, StandardCharsets.UTF_8);
        int i = 0;
        if (s.startsWith("\uFEFF")) i = 1;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        if (i >= s.length()) return null;
        if (s.charAt(i) == '{') {
            if (s.contains("\"guild\"") && s.contains("\"channel\"")) return ChatFormat.DISCORD;
            if (s.contains("\"date_unixtime\"") || s.contains("\"from_id\"") || s.contains("\"chats\"")
                    || s.contains("\"text_entities\"") || (s.contains("\"messages\"") && s.contains("\"date\""))) return ChatFormat.TELEGRAM;
            return null;
        }
        for (int k = 0; k < Math.min(head.length, 4096); k++) if (head[k] == 0) return null; // binary
        return ChatFormat.CSV;
    }
}
