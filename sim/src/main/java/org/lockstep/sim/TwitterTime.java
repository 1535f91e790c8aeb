package org.lockstep.sim;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Formats epoch milliseconds as Twitter v1.1 {@code created_at} ("Fri May 05 18:04:11 +0000 2017").
 * The day part is cached, so formatting a stream of nearby times costs a few divisions.
 */
final class TwitterTime {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE MMM dd", Locale.ROOT);
    private final char[] buf = new char[30];
    private long cachedDay = Long.MIN_VALUE;
    private String dayPrefix;
    private String yearSuffix;

    String format(long ms) {
        long sec = Math.floorDiv(ms, 1000);
        long day = Math.floorDiv(sec, 86400);
        if (day != cachedDay) {
            ZonedDateTime z = Instant.ofEpochSecond(day * 86400).atZone(ZoneOffset.UTC);
            dayPrefix = DAY.format(z);
            yearSuffix = " +0000 " + z.getYear();
            cachedDay = day;
        }
        int s = (int) (sec - day * 86400);
        int h = s / 3600, m = (s / 60) % 60, x = s % 60;
        int n = 0;
        for (int i = 0; i < dayPrefix.length(); i++) buf[n++] = dayPrefix.charAt(i);
        buf[n++] = ' ';
        buf[n++] = (char) ('0' + h / 10); buf[n++] = (char) ('0' + h % 10); buf[n++] = ':';
        buf[n++] = (char) ('0' + m / 10); buf[n++] = (char) ('0' + m % 10); buf[n++] = ':';
        buf[n++] = (char) ('0' + x / 10); buf[n++] = (char) ('0' + x % 10);
        for (int i = 0; i < yearSuffix.length(); i++) buf[n++] = yearSuffix.charAt(i);
        return new String(buf, 0, n);
    }
}
