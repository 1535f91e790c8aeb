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
    record Opened(String name, BufferedInputStream in, byte[] head, int headLen) {
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
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(4);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            in = new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
            in.mark(4);
            b0 = in.read();
            b1 = in.read();
            in.reset();
        }
        if ((b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF)) {
            Reader r = new InputStreamReader(in, StandardCharsets.UTF_16);
            in = new BufferedInputStream(new Utf8Encoding(r), 1 << 16);
        }
        in.mark(PEEK + 1);
        byte[] head = new byte[PEEK];
        int n = 0;
        try {
            while (n < PEEK) {
                int r = in.read(head, n, PEEK - n);
                if (r < 0) break;
                n += r;
            }
        } catch (java.io.EOFException | java.util.zip.ZipException e) {
            // truncated or corrupt: the line reader reports it when it gets there
        }
        try {
            in.reset();
        } catch (IOException e) {
            throw new IOException("cannot rewind " + name, e);
        }
        return new Opened(name, in, head, n);
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
