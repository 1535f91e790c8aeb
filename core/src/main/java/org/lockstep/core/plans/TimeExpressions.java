package org.lockstep.core.plans;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the times a chat message sets for an action, in English and French, and resolves them to
 * instants against the message's own time and the chat's time zone. The grammar (docs/plans.md):
 *
 * <pre>
 * mention  := relative | now | datetime | clock
 * relative := ("in" | "dans") (N unit | N "h" MM | ("an"|"one"|"une") ("hour"|"heure"))
 *             unit: s, sec, seconds, m, min, mins, minutes, mn, h, hr, hrs, hour(s), heure(s)
 * now      := "now" | "right now" | "maintenant" | "tout de suite"
 * datetime := YYYY-MM-DD (" " | "T") H:MM [zone]
 * clock    := [day] [prep] (H ":" MM [ampm] | H "h" MM [ampm] | H ampm | H "h" | H) [zone]
 *   day   := today | tonight | this morning|afternoon|evening | tomorrow [morning|afternoon|evening|night]
 *          | day after tomorrow | aujourd'hui | ce matin | cet après-midi | ce soir | cette nuit
 *          | demain [matin|après-midi|soir] | après-demain
 *   prep  := at | à | a | vers | around | dès | @
 *   zone  := UTC | GMT | Z | CET | CEST | Paris | WET | WEST | BST | EST | EDT | PST | PDT | UTC±H | ±HH[:]MM
 *            (letter abbreviations other than UTC, GMT and Paris count only in capitals: French "est" is "is")
 * </pre>
 *
 * <p>Resolution: a relative time is the message time plus the duration (a duration, so it is the
 * same across a daylight-saving change). A clock time is a wall-clock time on a date in a zone: the
 * zone written after it, else the chat's zone. Named European zones (CET, CEST, Paris) mean the
 * civil time of Europe/Paris, with its daylight-saving rule, because writers say "CET" all year; UK
 * names mean Europe/London, US ones America/New_York and America/Los_Angeles. The date is the
 * message's date in that zone, plus the day word's offset (tomorrow +1, day after tomorrow +2); with
 * no day word anywhere in the message, a clock time already past at the message's time means the next
 * day. "tonight", "this evening", "ce soir" and "cette nuit" turn hours 1–11 without am/pm into
 * evening hours. A wall-clock time in a spring-forward gap is moved later by the gap's length and one
 * in an autumn overlap takes the earlier offset ({@link ZonedDateTime#of} semantics).
 *
 * <p>Guards against false positives: a bare hour ({@code at 9}) counts only with a preposition and
 * a day word somewhere in the message; a French {@code 18h} only with a preposition or a day word;
 * a clock followed by more digits or letters is no clock. URLs, hashtags and handles should be blanked
 * out by the caller (see {@link CallExtractor}).
 */
public final class TimeExpressions {
    /** A time found in a message: where, the text, the resolved instant and which rule gave it. */
    public record Mention(int start, int end, String text, long atMs, String rule) {}

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

    private static final String DAY = "(?<day>day after tomorrow|apr[eè]s[- ]demain|aujourd['’]hui|today|tonight|tonite"
            + "|this (?:morning|afternoon|evening)|tomorrow(?: (?:morning|afternoon|evening|night))?"
            + "|demain(?: (?:matin|apr[eè]s[- ]midi|soir))?|ce (?:matin|soir)|cet apr[eè]s[- ]midi|cette nuit)";
    private static final String ZONE = "(?<zone>utc[+-]\\d{1,2}|gmt[+-]\\d{1,2}|[+-]\\d{2}:?\\d{2}|utc|gmt|z|cest|cet|paris"
            + "|west|wet|bst|edt|est|pdt|pst)";
    private static final Pattern DAY_WORD = Pattern.compile("(?<![\\w'’-])" + DAY + "(?![\\w-])", FLAGS);
    private static final Pattern CLOCK = Pattern.compile(
            "(?<![\\w:/.,'’-])(?:" + DAY + "\\s*,?\\s*)?(?:(?<prep>at|à|a|vers|around|dès|@)\\s*)?"
            + "(?:(?<h1>\\d{1,2})\\s*(?<sep>[:h])\\s*(?<m1>\\d{2})(?:\\s*(?<ap1>am|pm|a\\.m\\.|p\\.m\\.))?"
            + "|(?<h2>\\d{1,2})\\s*(?<ap2>am|pm|a\\.m\\.|p\\.m\\.)"
            + "|(?<h3>\\d{1,2})\\s*h"
            + "|(?<h4>\\d{1,2}))"
            + "(?![\\w:/]|[.,]\\d)(?:\\s*" + ZONE + "(?![\\w:+-]))?", FLAGS);
    private static final Pattern DATETIME = Pattern.compile(
            "(?<![\\w-])(?<date>\\d{4}-\\d{2}-\\d{2})[ tT](?<h>\\d{1,2}):(?<m>\\d{2})(?::\\d{2})?(?![\\w:])(?:\\s*" + ZONE + "(?![\\w:+-]))?",
            FLAGS);
    private static final Pattern RELATIVE = Pattern.compile(
            "(?<![\\w-])(?:in|dans)\\s+(?:(?<n>\\d{1,4})\\s*(?<unit>seconds?|secondes?|secs?|s|minutes?|mins?|mn|m|hours?|hrs?|heures?|h)(?:\\s*(?<mm>\\d{2}))?"
            + "|(?<one>an|one|une)\\s+(?<unit1>hour|heure)|(?<half>half an hour|une demi[- ]heure))(?![\\w])", FLAGS);
    private static final Pattern NOW = Pattern.compile("(?<![\\w-])(?:right now|now|maintenant|tout de suite)(?![\\w-])", FLAGS);

    private TimeExpressions() {}

    /**
     * The times in {@code text}, in text order, resolved against {@code messageMs} and {@code zone}
     * (the chat's zone, for times written without one). Overlapping matches keep the first.
     */
    public static List<Mention> find(String text, long messageMs, ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        List<Mention> out = new ArrayList<>();
        if (text == null || text.isEmpty()) return out;
        Instant msg = Instant.ofEpochMilli(messageMs);
        Matcher dw = DAY_WORD.matcher(text);
        String messageDay = dw.find() ? dw.group("day") : null;
        boolean[] used = new boolean[text.length()];

        Matcher r = RELATIVE.matcher(text);
        while (r.find()) {
            long ms;
            if (r.group("half") != null) ms = 1_800_000L;
            else if (r.group("one") != null) ms = 3_600_000L;
            else {
                long n = Long.parseLong(r.group("n"));
                String u = r.group("unit").toLowerCase(Locale.ROOT);
                long unit = u.startsWith("s") ? 1_000L : u.startsWith("m") ? 60_000L : 3_600_000L;
                ms = n * unit;
                if (r.group("mm") != null) {
                    if (unit != 3_600_000L) continue; // "in 5 m 30" is no time
                    int mm = Integer.parseInt(r.group("mm"));
                    if (mm > 59) continue;
                    ms += mm * 60_000L;
                }
            }
            add(out, used, r.start(), r.end(), text, messageMs + ms, "relative");
        }
        Matcher n = NOW.matcher(text);
        while (n.find()) add(out, used, n.start(), n.end(), text, messageMs, "now");
        Matcher d = DATETIME.matcher(text);
        while (d.find()) {
            try {
                LocalDate date = LocalDate.parse(d.group("date"));
                int h = Integer.parseInt(d.group("h"));
                int m = Integer.parseInt(d.group("m"));
                if (h > 23 || m > 59) continue;
                String zn = d.group("zone");
                ZoneId z = zn != null && (zn.equals(zn.toUpperCase(Locale.ROOT)) || zn.equalsIgnoreCase("utc")
                        || zn.equalsIgnoreCase("gmt")) ? zoneOf(zn) : zone;
                if (z == null) continue;
                long at = ZonedDateTime.of(LocalDateTime.of(date, LocalTime.of(h, m)), z).toInstant().toEpochMilli();
                add(out, used, d.start(), d.end(), text, at, "datetime");
            } catch (DateTimeException | NumberFormatException e) {
                // not a date: no time
            }
        }
        Matcher c = CLOCK.matcher(text);
        while (c.find()) {
            Long at = clock(c, messageDay, msg, zone);
            if (at != null) add(out, used, c.start(), c.end(), text, at, "clock");
        }
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }

    private static void add(List<Mention> out, boolean[] used, int s, int e, String text, long at, String rule) {
        for (int i = s; i < e; i++) if (used[i]) return;
        for (int i = s; i < e; i++) used[i] = true;
        out.add(new Mention(s, e, text.substring(s, e).strip(), at, rule));
    }

    /** The instant of one clock match, or null when it is no time by the grammar's guards. */
    private static Long clock(Matcher c, String messageDay, Instant msg, ZoneId chatZone) {
        String ownDay = c.group("day");
        String day = ownDay != null ? ownDay : messageDay;
        boolean prep = c.group("prep") != null;
        int h;
        int m = 0;
        String ap = null;
        if (c.group("h1") != null) {
            h = Integer.parseInt(c.group("h1"));
            m = Integer.parseInt(c.group("m1"));
            ap = c.group("ap1");
            // "18h30" is French and clear; "18:30" is clear
        } else if (c.group("h2") != null) {
            h = Integer.parseInt(c.group("h2"));
            ap = c.group("ap2");
        } else if (c.group("h3") != null) {
            h = Integer.parseInt(c.group("h3"));
            if (!prep && ownDay == null && messageDay == null) return null;
        } else {
            h = Integer.parseInt(c.group("h4"));
            if (!prep || day == null) return null;
            String p = c.group("prep").toLowerCase(Locale.ROOT);
            if (p.equals("a")) return null; // "a 9" is too often an article and a number
        }
        if (m > 59) return null;
        if (ap != null) {
            if (h < 1 || h > 12) return null;
            boolean pm = ap.toLowerCase(Locale.ROOT).startsWith("p");
            h = h % 12 + (pm ? 12 : 0);
        } else {
            if (h > 23) return null;
            if (h >= 1 && h <= 11 && day != null && evening(day)) h += 12;
        }
        ZoneId zone = chatZone;
        String zn = c.group("zone");
        if (zn != null && (zn.chars().anyMatch(ch -> !Character.isLetter(ch)) || zn.equals(zn.toUpperCase(Locale.ROOT))
                || zn.equalsIgnoreCase("utc") || zn.equalsIgnoreCase("gmt") || zn.equalsIgnoreCase("paris"))) {
            zone = zoneOf(zn);
            if (zone == null) return null;
        }
        LocalDate date = msg.atZone(zone).toLocalDate().plusDays(day == null ? 0 : dayOffset(day));
        long at = ZonedDateTime.of(LocalDateTime.of(date, LocalTime.of(h, m)), zone).toInstant().toEpochMilli();
        if (day == null && at < msg.toEpochMilli()) {
            at = ZonedDateTime.of(LocalDateTime.of(date.plusDays(1), LocalTime.of(h, m)), zone).toInstant().toEpochMilli();
        }
        return at;
    }

    private static boolean evening(String day) {
        String d = day.toLowerCase(Locale.ROOT);
        return d.startsWith("tonight") || d.startsWith("tonite") || d.endsWith("evening") || d.endsWith("soir")
                || d.endsWith("nuit") || d.endsWith("night");
    }

    private static int dayOffset(String day) {
        String d = day.toLowerCase(Locale.ROOT);
        if (d.startsWith("day after") || d.startsWith("apr")) return 2;
        if (d.startsWith("tomorrow") || d.startsWith("demain")) return 1;
        return 0;
    }

    /** The zone a written zone name means, or null when it is none this grammar knows. */
    static ZoneId zoneOf(String z) {
        String s = z.toLowerCase(Locale.ROOT).replace(" ", "");
        switch (s) {
            case "utc", "gmt", "z": return ZoneOffset.UTC;
            case "cet", "cest", "paris": return ZoneId.of("Europe/Paris");
            case "wet", "west", "bst": return ZoneId.of("Europe/London");
            case "et", "est", "edt": return ZoneId.of("America/New_York");
            case "pt", "pst", "pdt": return ZoneId.of("America/Los_Angeles");
            default: break;
        }
        try {
            if (s.startsWith("utc") || s.startsWith("gmt")) {
                int h = Integer.parseInt(s.substring(3));
                return h < -18 || h > 18 ? null : ZoneOffset.ofHours(h);
            }
            String t = s.indexOf(':') >= 0 ? s : s.substring(0, 3) + ":" + s.substring(3);
            return ZoneOffset.of(t);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
