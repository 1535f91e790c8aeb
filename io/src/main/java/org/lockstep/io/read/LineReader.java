package org.lockstep.io.read;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a byte stream into lines (LF or CRLF) with 1-based line numbers, without ever holding more
 * than {@code maxLineBytes} of one line: a longer line is skipped and flagged, and the next line is
 * read normally. Strips a UTF-8 byte-order mark, checks UTF-8 validity and NUL bytes per line, and
 * turns an early end of a compressed stream into {@link #truncated()} instead of an exception.
 */
final class LineReader implements Closeable {
    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private boolean eof;
    private byte[] line = new byte[4096];
    private int len;
    private long lineNo;
    private long lineBytes;
    private boolean tooLong;
    private boolean truncated;
    private String truncation;
    private String text;
    /** Index of the current line's first non-ASCII byte ({@link #len} if none), or -1 before it is needed. */
    private int firstNonAscii;

    LineReader(InputStream in, int maxLineBytes) {
        this(in, maxLineBytes, 0);
    }

    /** A reader whose first line is line {@code linesBefore + 1} (lines already skipped by the caller). */
    LineReader(InputStream in, int maxLineBytes, long linesBefore) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
        this.lineNo = linesBefore;
        this.firstLine = linesBefore + 1;
    }

    private final long firstLine;

    /** Advances to the next line; false at the end of input (or of a truncated stream). */
    boolean next() throws IOException {
        if (eof) return false;
        len = 0;
        lineBytes = 0;
        tooLong = false;
        text = null;
        firstNonAscii = -1;
        boolean any = false;
        while (true) {
            if (pos == limit && !fill()) {
                if (!any) {
                    eof = true;
                    return false;
                }
                if (truncated) {
                    // the half line that a broken stream left us is not a record
                    eof = true;
                    return false;
                }
                break;
            }
            any = true;
            int start = pos;
            int nl = Utf8.indexOf(buf, pos, limit, (byte) '\n');
            int end = nl < 0 ? limit : nl;
            append(start, end - start);
            pos = nl < 0 ? limit : nl + 1;
            if (nl >= 0) break;
        }
        lineNo++;
        if (!tooLong && len > 0 && line[len - 1] == '\r') len--;
        if (lineNo == firstLine && !tooLong && len >= 3 && (line[0] & 0xff) == 0xEF && (line[1] & 0xff) == 0xBB
                && (line[2] & 0xff) == 0xBF) {
            System.arraycopy(line, 3, line, 0, len - 3);
            len -= 3;
        }
        return true;
    }

    private void append(int start, int n) {
        lineBytes += n;
        if (tooLong) return;
        if (len + n > maxLineBytes) {
            tooLong = true;
            len = 0;
            if (line.length > (1 << 20)) line = new byte[4096];
            return;
        }
        if (len + n > line.length) line = Arrays.copyOf(line, Math.max(len + n, Math.min(maxLineBytes, line.length * 2)));
        System.arraycopy(buf, start, line, len, n);
        len += n;
    }

    private boolean fill() throws IOException {
        if (truncated) return false;
        try {
            int n = in.read(buf, 0, buf.length);
            if (n <= 0) return false;
            pos = 0;
            limit = n;
            return true;
        } catch (EOFException e) {
            truncated = true;
            truncation = "input ends early (truncated compressed stream): " + e.getMessage();
            return false;
        } catch (java.util.zip.ZipException e) {
            truncated = true;
            truncation = "corrupt compressed stream: " + e.getMessage();
            return false;
        }
    }

    long lineNumber() { return lineNo; }
    int maxLineBytes() { return maxLineBytes; }
    /** Whether the current line was longer than the limit; its bytes are then gone. */
    boolean tooLong() { return tooLong; }
    /** Length in bytes of the current line, also when it was too long. */
    long lineBytes() { return lineBytes; }
    byte[] bytes() { return line; }
    int length() { return len; }
    /** Whether the stream ended early; {@link #truncation()} says how. */
    boolean truncated() { return truncated; }
    String truncation() { return truncation; }

    boolean isBlank() {
        for (int i = 0; i < len; i++) {
            byte b = line[i];
            if (b != ' ' && b != '\t' && b != '\r') return false;
        }
        return true;
    }

    boolean hasNul() {
        return Utf8.indexOf(line, 0, len, (byte) 0) >= 0;
    }

    /** Index of the first non-ASCII byte of the current line, or its length; found once per line. */
    private int firstNonAscii() {
        if (firstNonAscii < 0) firstNonAscii = Utf8.firstNonAscii(line, 0, len);
        return firstNonAscii;
    }

    boolean validUtf8() {
        int i = firstNonAscii();
        // the bytes before i are ASCII, so no sequence starts before it
        return i == len || Utf8.isValid(line, i, len - i);
    }

    /** The line as text; invalid UTF-8 sequences become U+FFFD. */
    String text() {
        if (text == null) {
            text = firstNonAscii() == len ? new String(line, 0, len, StandardCharsets.ISO_8859_1)
                    : new String(line, 0, len, StandardCharsets.UTF_8);
        }
        return text;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
