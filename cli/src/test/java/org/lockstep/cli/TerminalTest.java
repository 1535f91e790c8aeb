package org.lockstep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TerminalTest {
    @Test
    void controlSequencesAndBidiOverridesBecomeVisible() {
        // ESC [ 31 m would turn the terminal red; U+009B is the one-byte CSI; U+202E reverses text
        assertEquals("\\u001b[31mevil", Terminal.safe("\u001b[31mevil"));
        assertEquals("a\\u009b2Jb", Terminal.safe("a\u009b2Jb"));
        assertEquals("gpj.\\u202eexe", Terminal.safe("gpj.\u202eexe"));
        assertEquals("x\\u000ay", Terminal.safe("x\ny"));
    }

    @Test
    void ordinaryTextIsUntouchedAndLongTextCut() {
        String s = "#MacronLeaks café @user — ok";
        assertSame(s, Terminal.safe(s));
        String longText = "a".repeat(1000);
        String cut = Terminal.safe(longText);
        assertEquals(Terminal.MAX + 1, cut.length());
        assertTrue(cut.endsWith("…"));
        assertEquals("", Terminal.safe(null));
    }
}
