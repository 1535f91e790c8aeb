package org.lockstep.io.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small helpers for CSV layouts: column lookup, list cells, hashtags and mentions from text. */
final class CsvText {
    private static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_&])[#＃]([\\p{L}\\p{N}_]{1,139})");
    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}_])@([A-Za-z0-9_]{1,30})");
    private static final Pattern LIST_SEPARATORS = Pattern.compile("[,;| ]+");
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+", Pattern.CASE_INSENSITIVE);

    private CsvText() {}

    static int index(List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).strip().equalsIgnoreCase(name)) return i;
        }
        return -1;
    }

    static String cell(List<String> f, int i) {
        if (i < 0 || i >= f.size()) return null;
        String s = f.get(i);
        return s == null || s.isEmpty() ? null : s;
    }

    /**
     * A list cell as exports write them: {@code [a, 'b']}, {@code a|b}, {@code a b} or {@code a,b}.
     */
    static List<String> list(String cell) {
        if (cell == null) return List.of();
        String s = cell.strip();
        if (s.startsWith("[") && s.endsWith("]")) s = s.substring(1, s.length() - 1);
        if (s.isEmpty()) return List.of();
        List<String> out = new ArrayList<>(2);
        // the parts between runs of LIST_SEPARATORS, without regex
        int n = s.length();
        int i = 0;
        while (i < n) {
            while (i < n && listSeparator(s.charAt(i))) i++;
            int j = i;
            while (j < n && !listSeparator(s.charAt(j))) j++;
            if (j > i) addListPart(out, s.substring(i, j));
            i = j;
        }
        return out;
    }

    private static boolean listSeparator(char c) {
        return c == ',' || c == ';' || c == '|' || c == ' ';
    }

    private static void addListPart(List<String> out, String part) {
        String p = part.strip();
        if (p.length() >= 2 && (p.charAt(0) == '\'' || p.charAt(0) == '"') && p.charAt(p.length() - 1) == p.charAt(0)) {
            p = p.substring(1, p.length() - 1);
        }
        if (!p.isEmpty()) out.add(p);
    }

    /** {@link #list} with the regex split, kept to test the scanner against. */
    static List<String> listByRegex(String cell) {
        if (cell == null) return List.of();
        String s = cell.strip();
        if (s.startsWith("[") && s.endsWith("]")) s = s.substring(1, s.length() - 1);
        if (s.isEmpty()) return List.of();
        List<String> out = new ArrayList<>();
        for (String part : LIST_SEPARATORS.split(s)) addListPart(out, part);
        return out;
    }

    /**
     * Hashtags in text, lower-cased: {@code #} or {@code ＃} not after a letter, digit, {@code _} or
     * {@code &}, then 1 to 139 letters, digits or {@code _} (the same as {@link #HASHTAG}, without regex).
     */
    static List<String> hashtags(String text) {
        if (text == null || text.indexOf('#') < 0 && text.indexOf('\uFF03') < 0) return List.of();
        List<String> out = null;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c != '#' && c != '\uFF03') continue;
            if (i > 0 && (word(text.charAt(i - 1)) || text.charAt(i - 1) == '&')) continue;
            int j = i + 1;
            int count = 0;
            while (j < n && count < 139) {
                int cp = text.codePointAt(j);
                if (!word(cp)) break;
                j += Character.charCount(cp);
                count++;
            }
            if (count == 0) continue;
            if (out == null) out = new ArrayList<>(2);
            out.add(text.substring(i + 1, j).toLowerCase(Locale.ROOT));
            i = j - 1;
        }
        return out == null ? List.of() : out;
    }

    /** Mentions: {@code @} not after a letter, digit or {@code _}, then 1 to 30 of {@code [A-Za-z0-9_]}. */
    static List<String> mentions(String text) {
        if (text == null || text.indexOf('@') < 0) return List.of();
        List<String> out = null;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            if (text.charAt(i) != '@') continue;
            if (i > 0 && word(text.charAt(i - 1))) continue;
            int j = i + 1;
            while (j < n && j - i - 1 < 30 && handleChar(text.charAt(j))) j++;
            if (j == i + 1) continue;
            if (out == null) out = new ArrayList<>(2);
            out.add(text.substring(i + 1, j));
            i = j - 1;
        }
        return out == null ? List.of() : out;
    }

    /** {@code [\p{L}\p{N}_]}. */
    private static boolean word(int cp) {
        if (cp < 0x80) return cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || cp >= '0' && cp <= '9' || cp == '_';
        if (Character.isLetter(cp)) return true;
        int t = Character.getType(cp);
        return t == Character.DECIMAL_DIGIT_NUMBER || t == Character.LETTER_NUMBER || t == Character.OTHER_NUMBER;
    }

    private static boolean handleChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    /** The regex definitions, kept to test the scanners against. */
    static List<String> hashtagsByRegex(String text) {
        return find(HASHTAG, text, true);
    }

    static List<String> mentionsByRegex(String text) {
        return find(MENTION, text, false);
    }

    /**
     * URLs in text, as {@link #URL} finds them ({@code http://} or {@code https://} in any case, then
     * characters other than whitespace, {@code <>"}), without trailing punctuation.
     */
    static List<String> urls(String text) {
        if (text == null || text.indexOf("http") < 0 && text.indexOf("HTTP") < 0) return List.of();
        List<String> out = new ArrayList<>(2);
        int n = text.length();
        int i = 0;
        while (i + 7 < n) {
            char c = text.charAt(i);
            if ((c | 0x20) != 'h' || !regionIgnoreCase(text, i + 1, "ttp")) {
                i++;
                continue;
            }
            int j = i + 4;
            if (j < n && (text.charAt(j) | 0x20) == 's' && text.startsWith("://", j + 1)) j += 4;
            else if (text.startsWith("://", j)) j += 3;
            else {
                i++;
                continue;
            }
            int end = j;
            while (end < n && urlChar(text.charAt(end))) end++;
            if (end == j) {
                i++;
                continue;
            }
            addUrl(out, text.substring(i, end));
            i = end;
        }
        return out;
    }

    /** Whether {@code text} has {@code lower} (lower-case ASCII letters) at {@code at}, in any case. */
    private static boolean regionIgnoreCase(String text, int at, String lower) {
        if (at + lower.length() > text.length()) return false;
        for (int k = 0; k < lower.length(); k++) {
            if ((text.charAt(at + k) | 0x20) != lower.charAt(k)) return false;
        }
        return true;
    }

    /** {@code [^\s<>"]}, with {@code \s} as Java regex has it: space, tab, newline, vertical tab, form feed, return. */
    private static boolean urlChar(char c) {
        return c != ' ' && c != '\t' && c != '\n' && c != '\u000B' && c != '\f' && c != '\r'
                && c != '<' && c != '>' && c != '"';
    }

    private static void addUrl(List<String> out, String u) {
        while (!u.isEmpty() && ".,;:!?)]}'".indexOf(u.charAt(u.length() - 1)) >= 0) u = u.substring(0, u.length() - 1);
        out.add(u);
    }

    /** {@link #urls} with the regex, kept to test the scanner against. */
    static List<String> urlsByRegex(String text) {
        if (text == null || text.indexOf("http") < 0 && text.indexOf("HTTP") < 0) return List.of();
        List<String> out = new ArrayList<>(2);
        Matcher m = URL.matcher(text);
        while (m.find()) addUrl(out, m.group());
        return out;
    }

    private static List<String> find(Pattern p, String text, boolean lower) {
        if (text == null || text.isEmpty()) return List.of();
        List<String> out = null;
        Matcher m = p.matcher(text);
        while (m.find()) {
            if (out == null) out = new ArrayList<>(2);
            out.add(lower ? m.group(1).toLowerCase(Locale.ROOT) : m.group(1));
        }
        return out == null ? List.of() : out;
    }
}
