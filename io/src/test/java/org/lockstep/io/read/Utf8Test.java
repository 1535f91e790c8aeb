package org.lockstep.io.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The word-at-a-time scans agree with byte-by-byte definitions at every offset. */
class Utf8Test {
    @Test
    void indexOfFindsTheFirstTargetAtEveryPosition() {
        for (int len = 0; len < 40; len++) {
            for (int at = -1; at < len; at++) {
                byte[] b = new byte[len + 3];
                java.util.Arrays.fill(b, (byte) 'x');
                if (at >= 0) b[at + 1] = '\n';
                if (at >= 0 && at + 2 < len + 1) b[at + 2] = '\n'; // a second one after it must not win
                assertEquals(at < 0 ? -1 : at + 1, Utf8.indexOf(b, 1, len + 1, (byte) '\n'), "len " + len + " at " + at);
            }
        }
        byte[] high = {(byte) 0x8A, (byte) 0x0A, 0, 0, 0, 0, 0, 0, 0};
        assertEquals(1, Utf8.indexOf(high, 0, high.length, (byte) '\n'), "0x8A is not a newline");
    }

    @Test
    void validityMatchesTheJdkDecoderOnRandomInput() {
        Random rnd = new Random(11);
        int invalid = 0;
        for (int k = 0; k < 20000; k++) {
            byte[] b = new byte[rnd.nextInt(30)];
            for (int i = 0; i < b.length; i++) {
                int r = rnd.nextInt(10);
                b[i] = (byte) (r < 6 ? 'a' + rnd.nextInt(26) : rnd.nextInt(256));
            }
            boolean jdk = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(b), java.nio.CharBuffer.allocate(64), true)
                    .isUnderflow() && strict(b);
            assertEquals(jdk, Utf8.isValid(b, 0, b.length), java.util.HexFormat.of().formatHex(b));
            if (!jdk) invalid++;
        }
        assertTrue(invalid > 1000, "the random input exercises invalid sequences: " + invalid);
        assertTrue(Utf8.isValid("Grüße 🗳️ ok".getBytes(StandardCharsets.UTF_8), 0, 17));
        assertFalse(Utf8.isValid(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, 0, 3), "an encoded surrogate");
        assertFalse(Utf8.isValid(new byte[] {(byte) 0xC0, (byte) 0xAF}, 0, 2), "an overlong slash");
    }

    /** Whether a full round trip through the JDK decoder keeps the bytes (it rejects the same sequences). */
    private static boolean strict(byte[] b) {
        String s = new String(b, StandardCharsets.UTF_8);
        return java.util.Arrays.equals(b, s.getBytes(StandardCharsets.UTF_8));
    }
}
