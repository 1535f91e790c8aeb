package org.lockstep.io.chat;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import org.lockstep.io.read.Timestamps;

/**
 * Chat times: zone-less ISO local times ({@code 2017-05-05T20:00:00}, {@code 2017-05-05 20:00}) are
 * wall-clock times in the chat's zone; everything else (offsets, epoch seconds or milliseconds, the
 * formats of {@link Timestamps}) is read by {@link Timestamps#parse}.
 */
final class ChatTimes {
    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd().append(DateTimeFormatter.ISO_LOCAL_TIME)
            .toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

    private ChatTimes() {}

    static long parse(String s, ZoneId zone) {
        if (s == null || s.isBlank()) throw new BadRecord("missing time");
        String t = s.strip();
        if (t.length() > 64) throw new BadRecord("time too long");
        try {
            LocalDateTime l = LocalDateTime.parse(t, LOCAL);
            long ms = l.atZone(zone).toInstant().toEpochMilli();
            return Timestamps.parse(Long.toString(ms)); // the same plausibility checks as posts
        } catch (DateTimeParseException e) {
            // not a local time: try the other formats
        } catch (DateTimeException | IllegalArgumentException e) {
            throw new BadRecord("bad time '" + clip(t) + "': " + e.getMessage());
        }
        try {
            return Timestamps.parse(t);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new BadRecord("bad time '" + clip(t) + "': " + e.getMessage());
        }
    }

    static String clip(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
