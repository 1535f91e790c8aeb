package org.lockstep.sim;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The coordination network toolkit's CSV: {@code message_id,user_id,username,repost_id,reply_id,
 * message,timestamp,urls} with Unix-second timestamps and space-separated expanded URLs;
 * RFC 4180 quoting where a field needs it. Encodes UTF-8 itself into a byte buffer (no Writer,
 * no per-number strings): this format exists for 10-million-post runs.
 */
final class CsvPostWriter implements PostWriter {
    static final String HEADER = "message_id,user_id,username,repost_id,reply_id,message,timestamp,urls";
    private final OutputStream out;
    private final Accounts acc;
    private final byte[] buf = new byte[1 << 16];
    private int n;

    CsvPostWriter(OutputStream out, Accounts acc) throws IOException {
        this.out = out;
        this.acc = acc;
        ascii(HEADER);
        put('\n');
    }

    @Override
    public void write(Tweet t) throws IOException {
        if (n > buf.length - 8192) drain();
        number(t.id);
        put(',');
        number(acc.id[t.author]);
        put(',');
        text(acc.handle[t.author]);
        put(',');
        if (t.kind == Tweet.RETWEET) number(t.inner.id);
        put(',');
        if (t.replyToId >= 0) number(t.replyToId);
        put(',');
        field(t.text);
        put(',');
        number(Math.floorDiv(t.timeMs, 1000));
        put(',');
        boolean quote = false;
        for (int i = 0; i < t.nUrls && !quote; i++) quote = needsQuotes(t.urlExpanded[i]);
        if (quote) put('"');
        for (int i = 0; i < t.nUrls; i++) {
            if (i > 0) put(' ');
            if (quote) quoted(t.urlExpanded[i]); else text(t.urlExpanded[i]);
        }
        if (quote) put('"');
        put('\n');
    }

    private static boolean needsQuotes(CharSequence s) {
        for (int i = 0, len = s.length(); i < len; i++) {
            char c = s.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') return true;
        }
        return false;
    }

    private void field(CharSequence s) throws IOException {
        if (!needsQuotes(s)) {
            text(s);
            return;
        }
        put('"');
        quoted(s);
        put('"');
    }

    private void quoted(CharSequence s) throws IOException {
        for (int i = 0, len = s.length(); i < len; i++) {
            char c = s.charAt(i);
            if (c == '"') put('"');
            i = utf8(s, i, len);
        }
    }

    private void text(CharSequence s) throws IOException {
        for (int i = 0, len = s.length(); i < len; i++) i = utf8(s, i, len);
    }

    /** Encodes the character at {@code i} (a surrogate pair takes two); returns the last index used. */
    private int utf8(CharSequence s, int i, int len) throws IOException {
        if (n > buf.length - 4) drain();
        char c = s.charAt(i);
        byte[] b = buf;
        if (c < 0x80) {
            b[n++] = (byte) c;
        } else if (c < 0x800) {
            b[n++] = (byte) (0xC0 | (c >> 6));
            b[n++] = (byte) (0x80 | (c & 0x3F));
        } else if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(s.charAt(i + 1))) {
            int cp = Character.toCodePoint(c, s.charAt(++i));
            b[n++] = (byte) (0xF0 | (cp >> 18));
            b[n++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
            b[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
            b[n++] = (byte) (0x80 | (cp & 0x3F));
        } else if (Character.isSurrogate(c)) {
            b[n++] = '?';
        } else {
            b[n++] = (byte) (0xE0 | (c >> 12));
            b[n++] = (byte) (0x80 | ((c >> 6) & 0x3F));
            b[n++] = (byte) (0x80 | (c & 0x3F));
        }
        return i;
    }

    private void ascii(String s) throws IOException {
        for (int i = 0; i < s.length(); i++) put(s.charAt(i));
    }

    private void number(long v) throws IOException {
        if (n > buf.length - 24) drain();
        if (v < 0) {
            buf[n++] = '-';
            if (v == Long.MIN_VALUE) {
                ascii("9223372036854775808");
                return;
            }
            v = -v;
        }
        int start = n;
        do {
            buf[n++] = (byte) ('0' + (int) (v % 10));
            v /= 10;
        } while (v != 0);
        for (int i = start, j = n - 1; i < j; i++, j--) {
            byte x = buf[i];
            buf[i] = buf[j];
            buf[j] = x;
        }
    }

    private void put(char c) throws IOException {
        if (n == buf.length) drain();
        buf[n++] = (byte) c;
    }

    private void drain() throws IOException {
        out.write(buf, 0, n);
        n = 0;
    }

    @Override
    public void finish() throws IOException {
        drain();
        out.flush();
    }
}
