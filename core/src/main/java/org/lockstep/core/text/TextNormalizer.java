package org.lockstep.core.text;

/**
 * Reduces a post text to the words that carry its message, so that copies compare equal: lower case,
 * no URLs, no @mentions, no leading "RT", hashtags as plain words, every run of other characters
 * (punctuation, emoji, spaces) as one space. Pure, allocation-light, never throws.
 */
public final class TextNormalizer {
    private TextNormalizer() {}

    /** The normalised text, possibly empty; null for null. */
    public static String normalize(String text) {
        if (text == null) return null;
        int n = text.length();
        StringBuilder sb = new StringBuilder(n);
        int i = 0;
        boolean space = true;
        while (i < n) {
            int c = text.codePointAt(i);
            if ((c == 'h' || c == 'H') && startsWithUrl(text, i)) {
                i = skipToken(text, i);
                continue;
            }
            if (c == '@' && (i == 0 || !Character.isLetterOrDigit(text.codePointBefore(i)))) {
                i = skipToken(text, i + 1);
                continue;
            }
            if (Character.isLetterOrDigit(c)) {
                sb.appendCodePoint(Character.toLowerCase(c));
                space = false;
            } else if (!space) {
                sb.append(' ');
                space = true;
            }
            i += Character.charCount(c);
        }
        int len = sb.length();
        if (len > 0 && sb.charAt(len - 1) == ' ') sb.setLength(len - 1);
        if (sb.length() >= 3 && sb.charAt(0) == 'r' && sb.charAt(1) == 't' && sb.charAt(2) == ' ') sb.delete(0, 3);
        return sb.toString();
    }

    private static boolean startsWithUrl(String s, int i) {
        return s.regionMatches(true, i, "http://", 0, 7) || s.regionMatches(true, i, "https://", 0, 8);
    }

    private static int skipToken(String s, int i) {
        int n = s.length();
        while (i < n && !Character.isWhitespace(s.charAt(i))) i++;
        return i;
    }
}
