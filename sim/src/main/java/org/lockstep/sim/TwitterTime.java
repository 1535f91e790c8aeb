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
    /** Direct-mapped cache of day prefixes and year suffixes: ten years of days fit without clashes. */
    private final long[] cachedDay = new long[4096];
    private final String[] dayPrefixes = new String[4096];
    private final String[] yearSuffixes = new String[4096];

    TwitterTime() {
        java.util.Arrays.fill(cachedDay, Long.MIN_VALUE);
    }

    String format(long ms) {
        long sec = Math.floorDiv(ms, 1000);
        long day = Math.floorDiv(sec, 86400);
        int slot = (int) (day & 4095);
        if (cachedDay[slot] != day) {
            ZonedDateTime z = Instant.ofEpochSecond(day * 86400).atZone(ZoneOffset.UTC);
            dayPrefixes[slot] = DAY.format(z);
            yearSuffixes[slot] = " +0000 " + z.getYear();
            cachedDay[slot] = day;
        }
        String dayPrefix = dayPrefixes[slot], yearSuffix = yearSuffixes[slot];
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
