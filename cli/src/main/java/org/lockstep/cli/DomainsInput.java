package org.lockstep.cli;

import java.io.IOException;
import java.io.Reader;
import org.lockstep.core.url.UrlNormalizer;

/**
 * Reads candidate host names one per line from an untrusted feed (newly registered domains, zone
 * diffs): lines longer than {@link #MAX_LINE} are skipped whole without being held in memory;
 * {@code #} starts a comment; the first field (tab, comma, space or semicolon separated) is taken;
 * URLs are reduced to their host.
 */
final class DomainsInput {
    static final int MAX_LINE = 4096;
    private final Reader in;
    private final StringBuilder sb = new StringBuilder();
    private long line;
    private boolean tooLong;
    private boolean eof;

    DomainsInput(Reader in) {
        this.in = in;
    }

    /** Line number of the last line returned. */
    long line() {
        return line;
    }

    /** True when the last line returned was too long (its text is then empty). */
    boolean tooLong() {
        return tooLong;
    }

    /** The next raw line (null at the end). */
    String next() throws IOException {
        if (eof) return null;
        sb.setLength(0);
        tooLong = false;
        int c;
        boolean any = false;
        while ((c = in.read()) >= 0) {
            any = true;
            if (c == '\n') break;
            if (sb.length() < MAX_LINE) sb.append((char) c);
            else tooLong = true;
        }
        if (c < 0) {
            eof = true;
            if (!any) return null;
        }
        line++;
        if (tooLong) return "";
        int n = sb.length();
        if (n > 0 && sb.charAt(n - 1) == '\r') sb.setLength(n - 1);
        return sb.toString();
    }

    /** The candidate on a line, or "" for a blank or comment line. */
    static String candidate(String line) {
        String t = line;
        if (line.startsWith("\uFEFF")) t = t.substring(1);
        t = t.strip();
        if (t.isEmpty() || t.startsWith("#")) return "";
        int end = t.length();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\t' || c == ',' || c == ' ' || c == ';') {
                end = i;
                break;
            }
        }
        t = t.substring(0, end);
        if (t.contains("://")) {
            String h = UrlNormalizer.host(t);
            return h == null ? t : h;
        }
        return t;
    }
}
