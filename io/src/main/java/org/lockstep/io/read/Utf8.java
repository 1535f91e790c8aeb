package org.lockstep.io.read;

/** Fast UTF-8 checks over byte ranges (RFC 3629: no overlongs, no surrogates, at most U+10FFFF). */
final class Utf8 {
    private Utf8() {}

    static boolean isAscii(byte[] b, int off, int len) {
        for (int i = off, end = off + len; i < end; i++) if (b[i] < 0) return false;
        return true;
    }

    static boolean isValid(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end) {
            int c = b[i] & 0xff;
            if (c < 0x80) {
                i++;
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
