package org.lockstep.io.read;

import java.util.List;

/**
 * Turns the HTML of a Mastodon status or profile note into plain text, never keeping markup:
 * tags are dropped ({@code <br>} and paragraph ends become line breaks), the content of
 * {@code script} and {@code style} elements is dropped, character references are decoded, and the
 * {@code href} of every link that is not a mention or hashtag link is collected. Malformed input
 * (unclosed tags, stray {@code <}) never throws: a {@code <} that does not start a tag is text.
 */
final class Html {
    private Html() {}

    /** Plain text of {@code html}; when {@code links} is not null, shared-link hrefs are added to it. */
    static String text(String html, List<String> links) {
        if (html == null) return null;
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0) return html;
        StringBuilder out = new StringBuilder(html.length());
        int n = html.length();
        int i = 0;
        while (i < n) {
            char c = html.charAt(i);
            if (c == '<' && i + 1 < n && isTagStart(html.charAt(i + 1))) {
                int end = tagEnd(html, i + 1);
                String tag = html.substring(i + 1, end);
                i = end < n ? end + 1 : n;
                String name = tagName(tag);
                if (name.equals("br")) {
                    out.append('\n');
                } else if (name.equals("/p") && i < n) {
                    out.append("\n\n");
                } else if (name.equals("a") && links != null) {
                    String href = attr(tag, "href");
                    String cls = attr(tag, "class");
                    if (href != null && (cls == null || !(cls.contains("mention") || cls.contains("hashtag")))) {
                        links.add(decode(href));
                    }
                } else if (name.equals("script") || name.equals("style")) {
                    int close = indexOfIgnoreCase(html, "</" + name, i);
                    if (close < 0) {
                        i = n;
                    } else {
                        int e2 = html.indexOf('>', close);
                        i = e2 < 0 ? n : e2 + 1;
                    }
                }
                continue;
            }
            out.append(c);
            i++;
        }
        String s = decode(out.toString());
        // trailing paragraph breaks are markup, not text
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '\n') end--;
        return s.substring(0, end);
    }

    private static boolean isTagStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '/' || c == '!' || c == '?';
    }

    /** Index of the {@code >} closing a tag that starts at {@code from}, skipping quoted attribute values. */
    private static int tagEnd(String s, int from) {
        char quote = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i;
            }
        }
        return s.length();
    }

    private static String tagName(String tag) {
        int i = 0;
        if (i < tag.length() && tag.charAt(i) == '/') i++;
        int j = i;
        while (j < tag.length() && Character.isLetterOrDigit(tag.charAt(j))) j++;
        String name = tag.substring(i, j).toLowerCase(java.util.Locale.ROOT);
        return i == 1 ? "/" + name : name;
    }

    private static String attr(String tag, String name) {
        String lower = tag.toLowerCase(java.util.Locale.ROOT);
        int from = 0;
        while (true) {
            int k = lower.indexOf(name, from);
            if (k < 0) return null;
            from = k + name.length();
            if (k > 0 && !Character.isWhitespace(lower.charAt(k - 1))) continue;
            int j = from;
            while (j < tag.length() && tag.charAt(j) == ' ') j++;
            if (j >= tag.length() || tag.charAt(j) != '=') continue;
            j++;
            while (j < tag.length() && tag.charAt(j) == ' ') j++;
            if (j >= tag.length()) return null;
            char q = tag.charAt(j);
            if (q == '"' || q == '\'') {
                int e = tag.indexOf(q, j + 1);
                return tag.substring(j + 1, e < 0 ? tag.length() : e);
            }
            int e = j;
            while (e < tag.length() && !Character.isWhitespace(tag.charAt(e))) e++;
            return tag.substring(j, e);
        }
    }

    private static int indexOfIgnoreCase(String s, String what, int from) {
        int n = what.length();
        for (int i = from; i + n <= s.length(); i++) {
            if (s.regionMatches(true, i, what, 0, n)) return i;
        }
        return -1;
    }

    /** Decodes the character references Mastodon emits (named basics, decimal, hex). */
    static String decode(String s) {
        if (s.indexOf('&') < 0) return s;
        StringBuilder out = new StringBuilder(s.length());
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c != '&') {
                out.append(c);
                continue;
            }
            int semi = s.indexOf(';', i + 1);
            if (semi < 0 || semi - i > 10) {
                out.append(c);
                continue;
            }
            String ent = s.substring(i + 1, semi);
            int cp = -1;
            switch (ent) {
                case "amp" -> cp = '&';
                case "lt" -> cp = '<';
                case "gt" -> cp = '>';
                case "quot" -> cp = '"';
                case "apos" -> cp = '\'';
                case "nbsp" -> cp = 0xA0;
                default -> {
                    try {
                        if (ent.startsWith("#x") || ent.startsWith("#X")) cp = Integer.parseInt(ent.substring(2), 16);
                        else if (ent.startsWith("#")) cp = Integer.parseInt(ent.substring(1));
                    } catch (NumberFormatException e) {
                        cp = -1;
                    }
                }
            }
            if (cp < 0 || cp > 0x10FFFF || cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) {
                out.append(c);
                continue;
            }
            out.appendCodePoint(cp);
            i = semi;
        }
        return out.toString();
    }
}
