package org.lockstep.io.read;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Fast UTF-8 checks over byte ranges (RFC 3629: no overlongs, no surrogates, at most U+10FFFF).
 * ASCII runs, most of any post, are skipped eight bytes at a time.
 */
final class Utf8 {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    private Utf8() {}

    /** Index of the first byte at or after {@code off} with the high bit set, or {@code off + len}. */
    static int firstNonAscii(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        while (i + 8 <= end) {
            if (((long) LONGS.get(b, i) & HIGH_BITS) != 0) break;
            i += 8;
        }
        while (i < end && b[i] >= 0) i++;
        return i;
    }

    /** Index of the first {@code target} byte in {@code [from, to)}, or -1; eight bytes at a time. */
    static int indexOf(byte[] b, int from, int to, byte target) {
        long pattern = 0x0101010101010101L * (target & 0xff);
        int i = from;
        while (i + 8 <= to) {
            long w = (long) LONGS.get(b, i) ^ pattern;
            long t = (w - 0x0101010101010101L) & ~w & HIGH_BITS;
            if (t != 0) return i + (Long.numberOfTrailingZeros(t) >>> 3);
            i += 8;
        }
        for (; i < to; i++) if (b[i] == target) return i;
        return -1;
    }

    static boolean isAscii(byte[] b, int off, int len) {
        return firstNonAscii(b, off, len) == off + len;
    }

    static boolean isValid(byte[] b, int off, int len) {
        int end = off + len;
        int i = firstNonAscii(b, off, len);
        while (i < end) {
            int c = b[i] & 0xff;
            if (c < 0x80) {
                i = firstNonAscii(b, i, end - i);
                continue;
            }
            int n;
            int min;
            if (c >= 0xC2 && c <= 0xDF) { n = 1; min = 0x80; }
            else if (c >= 0xE0 && c <= 0xEF) { n = 2; min = 0x800; }
            else if (c >= 0xF0 && c <= 0xF4) { n = 3; min = 0x10000; }
            else return false;
            if (i + n >= end) return false;
            int cp = c & (0x3F >> n);
            for (int k = 1; k <= n; k++) {
                int cc = b[i + k] & 0xff;
                if ((cc & 0xC0) != 0x80) return false;
                cp = (cp << 6) | (cc & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
            i += n + 1;
        }
        return true;
    }
}
