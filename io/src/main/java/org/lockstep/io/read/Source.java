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

    /** An opened input: the decoded stream (positioned at its start) and its first bytes. */
    record Opened(String name, InputStream in, byte[] head, int headLen) {
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
        if (utf16 == null) return new Opened(name, p.stream(decoded), p.head, p.len);
        InputStream utf8 = new Utf8Encoding(new InputStreamReader(p.stream(decoded), utf16));
        Peeked q = Peeked.of(utf8);
        return new Opened(name, q.stream(utf8), q.head, q.len);
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
