package org.lockstep.io.read;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Opens one input (a file or standard input), undoes gzip (detected from its magic bytes, not its
 * name), turns UTF-16 with a byte-order mark into UTF-8, and lets the caller peek at the first bytes
 * to recognise the format.
 */
final class Source {
    static final int PEEK = 1 << 16;

    private Source() {}

    /**
     * An opened input: the decoded stream (positioned at its start, or after {@code skippedLines} leading
     * lines that were blank beyond the peek window), and its first bytes.
     */
    record Opened(String name, InputStream in, byte[] head, int headLen, long skippedLines) {
        Opened(String name, InputStream in, byte[] head, int headLen) {
            this(name, in, head, headLen, 0);
        }

        /**
         * The same input without its first {@code bytes} bytes (which hold {@code lines} complete lines):
         * reading starts at the line after them. The head is shifted, not re-read, so it is a little shorter.
         */
        Opened skip(int bytes, long lines) throws IOException {
            InputStream rest = in;
            long left = bytes;
            while (left > 0) {
                long k = rest.skip(left);
                if (k <= 0) {
                    if (rest.read() < 0) break;
                    k = 1;
                }
                left -= k;
            }
            byte[] h = java.util.Arrays.copyOfRange(head, bytes, head.length);
            return new Opened(name, rest, h, headLen - bytes, skippedLines + lines);
        }

        /** The first non-blank byte, skipping a UTF-8 BOM, or -1. */
        int firstSignificant() {
            int i = 0;
            if (headLen >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) i = 3;
            for (; i < headLen; i++) {
                int c = head[i] & 0xff;
                if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return c;
            }
            return -1;
        }

        /** Whether the first bytes look like binary rather than text. */
        boolean looksBinary() {
            int bad = 0;
            int nul = 0;
            for (int i = 0; i < headLen; i++) {
                int c = head[i] & 0xff;
                if (c == 0) nul++;
                else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != 0x0c && c != 0x1b) bad++;
            }
            return headLen > 0 && (nul > headLen / 10 + 1 || bad > headLen / 20 + 4);
        }
    }

    static Opened open(String name, InputStream raw) throws IOException {
        BufferedInputStream bin = new BufferedInputStream(raw, 1 << 16);
        bin.mark(2);
        int b0 = bin.read();
        int b1 = bin.read();
        bin.reset();
        InputStream decoded = b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(bin, 1 << 16) : bin;
        Peeked p = Peeked.of(decoded);
        java.nio.charset.Charset utf16 = utf16(p.head, p.len);
        if (utf16 == null) return pastBlank(name, p, decoded);
        InputStream utf8 = new Utf8Encoding(new InputStreamReader(p.stream(decoded), utf16));
        Peeked q = Peeked.of(utf8);
        return pastBlank(name, q, utf8);
    }

    /**
     * The input as opened; but when the whole peek window is blank (spaces, tabs, line breaks, after an
     * optional UTF-8 byte-order mark), the blank bytes are read past, counting lines, and the window is
     * taken again at the first other byte: a file that starts with any amount of blank lines is not
     * mistaken for an empty one. Memory stays bounded (skipped bytes are not kept).
     */
    private static Opened pastBlank(String name, Peeked p, InputStream rest) throws IOException {
        if (p.len < PEEK || p.error != null || !blank(p.head, bomLength(p.head, p.len), p.len)) {
            return new Opened(name, p.stream(rest), p.head, p.len);
        }
        long lines = count(p.head, 0, p.len, (byte) '\n');
        byte[] buf = new byte[PEEK];
        while (true) {
            int n = rest.read(buf, 0, buf.length);
            if (n < 0) return new Opened(name, InputStream.nullInputStream(), new byte[0], 0, lines); // only blank lines
            int i = 0;
            while (i < n && isBlank(buf[i])) i++;
            if (i < n) {
                // the line that holds the first other byte starts after the last line break before it
                int lineStart = i;
                while (lineStart > 0 && buf[lineStart - 1] != '\n') lineStart--;
                lines += count(buf, 0, lineStart, (byte) '\n');
                InputStream more = new java.io.SequenceInputStream(
                        new java.io.ByteArrayInputStream(buf, lineStart, n - lineStart), rest);
                Peeked q = Peeked.of(more);
                return new Opened(name, q.stream(more), q.head, q.len, lines);
            }
            lines += count(buf, 0, n, (byte) '\n');
        }
    }

    private static int bomLength(byte[] h, int n) {
        return n >= 3 && (h[0] & 0xff) == 0xEF && (h[1] & 0xff) == 0xBB && (h[2] & 0xff) == 0xBF ? 3 : 0;
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    private static boolean blank(byte[] h, int from, int to) {
        for (int i = from; i < to; i++) if (!isBlank(h[i])) return false;
        return true;
    }

    private static long count(byte[] b, int from, int to, byte c) {
        long n = 0;
        for (int i = from; i < to; i++) if (b[i] == c) n++;
        return n;
    }

    /** UTF-16 by its byte-order mark, or by ASCII text with every other byte NUL; else null. */
    private static java.nio.charset.Charset utf16(byte[] h, int n) {
        if (n < 2) return null;
        int b0 = h[0] & 0xff, b1 = h[1] & 0xff;
        if ((b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF)) return StandardCharsets.UTF_16; // the BOM decides
        if (n < 4) return null;
        int b2 = h[2] & 0xff, b3 = h[3] & 0xff;
        if (b0 > 0 && b0 < 0x80 && b1 == 0 && b2 > 0 && b2 < 0x80 && b3 == 0) return StandardCharsets.UTF_16LE;
        if (b0 == 0 && b1 > 0 && b1 < 0x80 && b2 == 0 && b3 > 0 && b3 < 0x80) return StandardCharsets.UTF_16BE;
        return null;
    }

    /**
     * The first bytes of a stream, read call by call (each call either returns bytes or throws, so a
     * truncated compressed stream loses nothing that was decoded), and the error that ended the peek.
     */
    private record Peeked(byte[] head, int len, IOException error) {
        static Peeked of(InputStream in) {
            byte[] head = new byte[PEEK];
            int n = 0;
            IOException err = null;
            try {
                while (n < PEEK) {
                    int r = in.read(head, n, PEEK - n);
                    if (r < 0) break;
                    n += r;
                }
            } catch (IOException e) {
                err = e; // truncated or corrupt: the reader reports it when it gets there
            }
            return new Peeked(head, n, err);
        }

        /** The peeked bytes again, then the rest of {@code rest} (or the error that stopped the peek). */
        InputStream stream(InputStream rest) {
            return new InputStream() {
                private int pos;

                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    int r = read(one, 0, 1);
                    return r < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int n) throws IOException {
                    if (n == 0) return 0;
                    if (pos < len) {
                        int k = Math.min(n, len - pos);
                        System.arraycopy(head, pos, b, off, k);
                        pos += k;
                        return k;
                    }
                    if (error != null) throw error;
                    return rest.read(b, off, n);
                }

                @Override
                public void close() throws IOException {
                    rest.close();
                }
            };
        }
    }

    static Opened open(Path file) throws IOException {
        return open(file.toString(), Files.newInputStream(file));
    }

    /** Re-encodes characters from a reader as UTF-8 bytes. */
    private static final class Utf8Encoding extends InputStream {
        private final Reader reader;
        private final char[] chars = new char[8192];
        private byte[] bytes = new byte[0];
        private int pos;

        Utf8Encoding(Reader reader) {
            this.reader = reader;
        }

        @Override
        public int read() throws IOException {
            if (pos == bytes.length && !refill()) return -1;
            return bytes[pos++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (pos == bytes.length && !refill()) return -1;
            int n = Math.min(len, bytes.length - pos);
            System.arraycopy(bytes, pos, b, off, n);
            pos += n;
            return n;
        }

        private boolean refill() throws IOException {
            int n = reader.read(chars);
            if (n < 0) return false;
            int keep = n;
            if (n > 0 && Character.isHighSurrogate(chars[n - 1])) {
                int c = reader.read();
                if (c >= 0) {
                    bytes = (new String(chars, 0, n) + (char) c).getBytes(StandardCharsets.UTF_8);
                    pos = 0;
                    return true;
                }
            }
            bytes = new String(chars, 0, keep).getBytes(StandardCharsets.UTF_8);
            pos = 0;
            return true;
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
