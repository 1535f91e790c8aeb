package org.lockstep.io.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a report full of hostile text in a real headless Chromium: the page renders, nothing from the
 * data becomes an element or runs, and the network drawing is painted in the group colours. Skipped
 * when /usr/bin/chromium is absent (Debian: apt-get install chromium).
 */
class ChromiumReportTest {
    static final Path CHROMIUM = Path.of(System.getProperty("lockstep.chromium", "/usr/bin/chromium"));

    static String run(Path profile, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("chromium timed out");
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    /** Renders {@code html} and returns its DOM after load, and a screenshot. */
    static String dumpDom(Path dir, Path html) throws Exception {
        return run(dir.resolve("profile-dom"), "--virtual-time-budget=3000", "--dump-dom", html.toUri().toString());
    }

    static BufferedImage screenshot(Path dir, Path html, Path png, int w, int h) throws Exception {
        run(dir.resolve("profile-png"), "--hide-scrollbars", "--window-size=" + w + "," + h, "--screenshot=" + png, html.toUri().toString());
        assertTrue(Files.size(png) > 1000, "screenshot written");
        return ImageIO.read(png.toFile());
    }

    @Test
    void hostileReportRendersAsText(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "skipped: no Chromium at " + CHROMIUM + " (apt-get install chromium)");
        Path html = dir.resolve("report.html");
        Hostile.report().write(html);
        String dom = dumpDom(dir, html);
        assertTrue(dom.contains("<svg"), "page rendered: " + dom.substring(0, Math.min(300, dom.length())));
        assertFalse(dom.contains("<title>PWNED"), "no handler ran (it would have set the title)");
        assertTrue(dom.contains("<title>Report &lt;script&gt;alert(1)&lt;/script&gt;</title>"), "title untouched, shown as text");
        assertEquals(0, count(dom, "<img"), "no <img> element created from data");
        assertEquals(0, count(dom, "<script"), "no <script> element");
        assertEquals(1, count(dom, "<style"), "only our stylesheet");
        assertTrue(dom.contains("&lt;img src=x onerror=\"document.title='PWNED'\"&gt;"), "payload visible as text");
        assertTrue(dom.contains("rtl[U+202E]gnp.exe"));

        Path png = dir.resolve("report.png");
        BufferedImage img = screenshot(dir, html, png, 1100, 1400);
        Path keep = Path.of("target", "report-hostile.png");
        Files.copy(png, keep, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        // the drawing is painted: pixels in the first two group colours exist (nodes of groups 0 and 1)
        assertTrue(hasColor(img, 0x1f77b4), "group colour 1 painted");
        assertTrue(hasColor(img, 0xff7f0e), "group colour 2 painted");
    }

    static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) n++;
        return n;
    }

    static boolean hasColor(BufferedImage img, int rgb) {
        int hits = 0;
        for (int y = 0; y < img.getHeight(); y += 1)
            for (int x = 0; x < img.getWidth(); x += 1) {
                int p = img.getRGB(x, y) & 0xffffff;
                if (Math.abs((p >> 16) - (rgb >> 16)) <= 6 && Math.abs((p >> 8 & 0xff) - (rgb >> 8 & 0xff)) <= 6
                        && Math.abs((p & 0xff) - (rgb & 0xff)) <= 6) hits++;
            }
        return hits >= 10;
    }
}
