package org.lockstep.io.chat;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * How to read chat exports.
 *
 * @param format     a forced format, or null to detect it from each file's content
 * @param zone       the zone of times written without one (Telegram's {@code date} when
 *                   {@code date_unixtime} is missing, zone-less CSV times)
 * @param csvMapping the CSV columns, or null to guess them from the header
 * @param maxErrors  stop once more records than this were rejected (-1: never)
 * @param quarantine where rejected raw records go as JSON lines, or null
 */
public record ChatReadOptions(ChatFormat format, ZoneId zone, ChatCsvMapping csvMapping, long maxErrors, Path quarantine) {
    public ChatReadOptions {
        Objects.requireNonNull(zone, "zone");
        if (maxErrors < -1) throw new IllegalArgumentException("maxErrors must be -1 or more");
    }

    public static ChatReadOptions defaults() {
        return new ChatReadOptions(null, ZoneOffset.UTC, null, -1, null);
    }

    public ChatReadOptions withZone(ZoneId z) { return new ChatReadOptions(format, z, csvMapping, maxErrors, quarantine); }
    public ChatReadOptions withFormat(ChatFormat f) { return new ChatReadOptions(f, zone, csvMapping, maxErrors, quarantine); }
    public ChatReadOptions withCsvMapping(ChatCsvMapping m) { return new ChatReadOptions(format, zone, m, maxErrors, quarantine); }
    public ChatReadOptions withMaxErrors(long n) { return new ChatReadOptions(format, zone, csvMapping, n, quarantine); }
    public ChatReadOptions withQuarantine(Path p) { return new ChatReadOptions(format, zone, csvMapping, maxErrors, p); }
}
