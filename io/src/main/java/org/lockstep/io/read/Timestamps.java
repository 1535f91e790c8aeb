package org.lockstep.io.read;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;

/**
 * Parses the timestamp formats real exports use into UTC epoch milliseconds: Unix seconds or
 * milliseconds (by magnitude, with fractions), ISO 8601 with or without zone or 'T', Twitter v1.1
 * ({@code Wed Oct 10 20:19:24 +0000 2018}), RFC 1123, and US {@code M/d/yyyy H:mm[:ss]} (the IRA CSV).
 * Times without a zone are taken as UTC. Dates that do not exist (30 February) and times before
 * 1990 or more than a day in the future are rejected: they cannot be posts.
 */
public final class Timestamps {
    /** 1990-01-01T00:00:00Z. */
    static final long MIN_MS = 631_152_000_000L;

    private static final DateTimeFormatter TWITTER = DateTimeFormatter
            .ofPattern("EEE MMM dd HH:mm:ss Z uuuu", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter US = new DateTimeFormatterBuilder()
            .appendPattern("M/d/uuuu H:mm").optionalStart().appendPattern(":ss").optionalEnd()
            .toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter ISO_LOCAL_SPACE = new DateTimeFormatterBuilder()
            .parseCaseInsensitive().append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(' ')
            .append(DateTimeFormatter.ISO_LOCAL_TIME).optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendLiteral(' ').appendPattern("X").optionalEnd()
            .optionalStart().appendLiteral(" UTC").optionalEnd()
            .toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

    private Timestamps() {}

    /**
     * @return epoch milliseconds
     * @throws IllegalArgumentException with a reason when the text is no valid, possible timestamp
     */
    public static long parse(String s) {
        if (s == null) throw new IllegalArgumentException("missing timestamp");
        String t = s.strip();
        if (t.isEmpty()) throw new IllegalArgumentException("empty timestamp");
        if (t.length() > 64) throw new IllegalArgumentException("timestamp too long");
        long ms;
        char c0 = t.charAt(0);
        if ((c0 >= '0' && c0 <= '9' || c0 == '-') && isNumber(t)) {
            ms = fromNumber(t);
            if (ms < MIN_MS || ms > System.currentTimeMillis() + 86_400_000L) {
                throw new IllegalArgumentException("impossible timestamp '" + clip(t) + "' (" + numberReading(t, ms) + ")");
            }
        } else {
            ms = fromText(t);
        }
        return check(ms, t);
    }

    /** Epoch seconds or milliseconds, told apart by magnitude (seconds until year 33658). */
    static long fromNumber(String t) {
        long exact = plainInteger(t);
        if (exact != Long.MIN_VALUE) {
            // what the double arithmetic below gives for an integer of at most 15 digits, exactly
            return Math.abs(exact) >= 100_000_000_000L ? exact : exact * 1000;
        }
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("unparseable timestamp '" + clip(t) + "'");
        }
        if (Double.isNaN(v) || Double.isInfinite(v)) throw new IllegalArgumentException("impossible timestamp '" + clip(t) + "'");
        double abs = Math.abs(v);
        if (abs >= 1e11) return Math.round(v); // milliseconds
        return Math.round(v * 1000.0);
    }

    /**
     * The value of {@code t} when it is a plain decimal integer ({@code -} then 1 to 15 digits, leading
     * zeros allowed), else {@link Long#MIN_VALUE}. Such a number is below 2<sup>53</sup>, so it is exact
     * as a double, and so are its rounding and its product with 1000: the fast path of {@link #fromNumber}
     * agrees with the general one.
     */
    static long plainInteger(String t) {
        int n = t.length();
        int i = n > 0 && t.charAt(0) == '-' ? 1 : 0;
        if (n == i || n - i > 15) return Long.MIN_VALUE;
        long v = 0;
        for (; i < n; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') return Long.MIN_VALUE;
            v = v * 10 + (c - '0');
        }
        return t.charAt(0) == '-' ? -v : v;
    }

    private static long fromText(String t) {
        int digits = 0;
        while (digits < t.length() && Character.isDigit(t.charAt(digits))) digits++;
        if (digits > 4 && digits < t.length() && t.charAt(digits) == '-') {
            throw new IllegalArgumentException("impossible timestamp '" + clip(t) + "' (year " + clip(t.substring(0, digits), 12)
                    + ", in the future)");
        }
        try {
            if (t.length() >= 10 && t.charAt(4) == '-') {
                String u = t;
                if (u.length() > 10 && (u.charAt(10) == 'T' || u.charAt(10) == 't')) {
                    if (u.endsWith("Z") || u.endsWith("z") || hasOffset(u)) {
                        return OffsetDateTime.parse(u.replace('t', 'T').replace('z', 'Z'), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                                .toInstant().toEpochMilli();
                    }
                    return LocalDateTime.parse(u, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
                }
                if (u.length() == 10) return LocalDate.parse(u).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
                var parsed = ISO_LOCAL_SPACE.parseBest(u, OffsetDateTime::from, LocalDateTime::from);
                if (parsed instanceof OffsetDateTime o) return o.toInstant().toEpochMilli();
                return ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC).toEpochMilli();
            }
            if (t.indexOf('/') > 0) {
                return LocalDateTime.parse(t, US).toInstant(ZoneOffset.UTC).toEpochMilli();
            }
            if (t.length() > 20 && Character.isLetter(t.charAt(0))) {
                if (t.indexOf(',') == 3) {
                    return ZonedDateTime.parse(t, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
                }
                return ZonedDateTime.parse(t, TWITTER).toInstant().toEpochMilli();
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("unparseable or impossible timestamp '" + clip(t) + "'");
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("impossible timestamp '" + clip(t) + "'");
        }
        throw new IllegalArgumentException("unparseable timestamp '" + clip(t) + "'");
    }

    /**
     * How a number out of range was read, in words: "as Unix milliseconds, 1978-01-12T..., before 1990"; and,
     * when it was taken as milliseconds by its magnitude, what it would be as seconds (year 10000 is not
     * "before 1990").
     */
    private static String numberReading(String t, long ms) {
        boolean asMillis;
        long exact = plainInteger(t);
        if (exact != Long.MIN_VALUE) asMillis = Math.abs(exact) >= 100_000_000_000L;
        else asMillis = Math.abs(Double.parseDouble(t)) >= 1e11;
        String when = ms < MIN_MS ? "before 1990" : "in the future";
        String out = "read as Unix " + (asMillis ? "milliseconds" : "seconds") + ": " + date(ms) + ", " + when;
        if (asMillis) {
            double sec = Double.parseDouble(t);
            if (Math.abs(sec) < 3.0e14) out += "; as seconds it would be " + date(Math.round(sec * 1000)) + ", "
                    + (sec * 1000 < MIN_MS ? "before 1990" : "in the future");
        }
        return out;
    }

    private static String date(long ms) {
        try {
            java.time.LocalDate d = Instant.ofEpochMilli(ms).atZone(ZoneOffset.UTC).toLocalDate();
            return d.getYear() > 9999 ? "year " + d.getYear() : d.toString();
        } catch (DateTimeException | ArithmeticException e) {
            return "beyond any calendar";
        }
    }

    private static long check(long ms, String t) {
        if (ms < MIN_MS) throw new IllegalArgumentException("impossible timestamp '" + clip(t) + "' (before 1990)");
        long max = System.currentTimeMillis() + 86_400_000L;
        if (ms > max) throw new IllegalArgumentException("impossible timestamp '" + clip(t) + "' (in the future)");
        return ms;
    }

    private static boolean hasOffset(String u) {
        int tpos = u.indexOf('T');
        int plus = Math.max(u.lastIndexOf('+'), u.lastIndexOf('-'));
        return plus > tpos;
    }

    private static boolean isNumber(String t) {
        boolean digit = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') digit = true;
            else if (!(c == '.' || (c == '-' && i == 0) || c == 'e' || c == 'E' || c == '+')) return false;
        }
        return digit;
    }

    static String clip(String s) {
        return clip(s, 40);
    }

    /** {@code s} cut at {@code max} characters, control characters shown as '?': safe in a one-line message. */
    static String clip(String s, int max) {
        String c = s.length() > max ? s.substring(0, max) + "…" : s;
        StringBuilder sb = new StringBuilder(c.length());
        for (int i = 0; i < c.length(); i++) {
            char ch = c.charAt(i);
            sb.append(Character.isISOControl(ch) ? '?' : ch);
        }
        return sb.toString();
    }

    /** ISO 8601 UTC text of epoch milliseconds, e.g. {@code 2017-05-05T18:04:11.000Z}. */
    public static String iso(long ms) {
        return Instant.ofEpochMilli(ms).toString();
    }
}
