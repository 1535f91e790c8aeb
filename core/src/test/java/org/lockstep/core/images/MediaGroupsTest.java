package org.lockstep.core.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Media ids that are pHashes within the radius share a group; anything else stands alone. */
class MediaGroupsTest {
    @Test
    void nearHashesShareAGroupOthersDoNot() {
        String a = "f0f0f0f0f0f0f0f0";
        String a3 = "f0f0f0f0f0f0f0f7";          // 3 bits from a (0 -> 7)
        String far = "0f0f0f0f0f0f0f0f";         // 64 bits from a
        String url = "https://img.example/meme.jpg";
        String notHex = "f0f0f0f0f0f0f0fz";
        List<String> ids = List.of(a, url, a3, far, notHex);
        int[] g = MediaGroups.of(ids::get, ids.size(), MediaGroups.RADIUS);
        assertEquals(0, g[0]);
        assertEquals(0, g[2], "3 bits apart: one picture");
        assertEquals(1, g[1], "a URL is its own object");
        assertEquals(3, g[3], "64 bits apart: another picture");
        assertEquals(4, g[4], "not 16 hex digits: not a hash");
        assertNotEquals(g[0], g[3]);
        // at radius 2 the two near copies are apart
        assertEquals(2, MediaGroups.of(ids::get, ids.size(), 2)[2]);
    }
}
