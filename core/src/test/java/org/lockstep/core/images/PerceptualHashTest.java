package org.lockstep.core.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.TextLayout;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;

/** Perceptual hashes of generated pictures: transformed copies stay near, different pictures stay far. */
class PerceptualHashTest {
    /** A picture: a two-colour gradient and a dozen random shapes. */
    static BufferedImage picture(long seed, int w, int h) {
        Random r = new Random(seed);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(r.nextInt(0xffffff)), w * r.nextFloat(), h, new Color(r.nextInt(0xffffff))));
        g.fillRect(0, 0, w, h);
        for (int i = 0; i < 12; i++) {
            g.setColor(new Color(r.nextInt(0xffffff)));
            int x = r.nextInt(w), y = r.nextInt(h), a = w / 8 + r.nextInt(w / 3), b = h / 8 + r.nextInt(h / 3);
            if (r.nextBoolean()) g.fillOval(x - a / 2, y - b / 2, a, b);
            else g.fillRect(x - a / 2, y - b / 2, a, b);
        }
        g.dispose();
        return img;
    }

    static BufferedImage scale(BufferedImage src, double f) {
        int w = (int) Math.round(src.getWidth() * f), h = (int) Math.round(src.getHeight() * f);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    static BufferedImage jpeg(BufferedImage src, float quality) throws IOException {
        ImageWriter wr = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam p = wr.getDefaultWriteParam();
        p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        p.setCompressionQuality(quality);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            wr.setOutput(out);
            wr.write(null, new IIOImage(src, null, null), p);
        }
        wr.dispose();
        return ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
    }

    static BufferedImage crop(BufferedImage src, double share) {
        int dx = (int) (src.getWidth() * share), dy = (int) (src.getHeight() * share);
        return src.getSubimage(dx, dy, src.getWidth() - 2 * dx, src.getHeight() - 2 * dy);
    }

    /** Meme captions: white outlined capitals at the top and bottom (a bar of blocks when no font renders). */
    static BufferedImage caption(BufferedImage src, String top, String bottom) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(src, 0, 0, null);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int size = src.getHeight() / 11;
        Font f = new Font(Font.SANS_SERIF, Font.BOLD, size);
        int i = 0;
        for (String s : List.of(top, bottom)) {
            int y = i++ == 0 ? size + size / 4 : src.getHeight() - size / 3;
            try {
                TextLayout tl = new TextLayout(s, f, g.getFontRenderContext());
                java.awt.Shape shape = tl.getOutline(java.awt.geom.AffineTransform.getTranslateInstance(
                        (src.getWidth() - tl.getAdvance()) / 2, y));
                g.setColor(Color.BLACK);
                g.setStroke(new BasicStroke(size / 8f));
                g.draw(shape);
                g.setColor(Color.WHITE);
                g.fill(shape);
            } catch (RuntimeException | Error noFont) {
                g.setColor(Color.WHITE);
                for (int k = 0; k < s.length(); k++) g.fillRect(src.getWidth() / 10 + k * size * 2 / 3, y - size, size / 2, size);
            }
        }
        g.dispose();
        return out;
    }

    @Test
    void transformedCopiesStayWithinTheThreshold() throws IOException {
        for (long seed = 1; seed <= 10; seed++) {
            BufferedImage a = picture(seed, 640, 480);
            long p = PerceptualHash.pHash(a), d = PerceptualHash.dHash(a);
            List<BufferedImage> copies = List.of(scale(a, 0.5), scale(a, 1.6), jpeg(a, 0.3f), crop(a, 0.02),
                    caption(a, "WHEN THE LEAKS DROP", "AT 20H ON #MACRONLEAKS"), jpeg(caption(scale(a, 0.7), "TOP TEXT", "BOTTOM TEXT"), 0.5f),
                    crop(a, 0.03));
            String[] names = {"half", "x1.6", "jpeg q30", "crop 2%", "caption", "scaled+caption+jpeg", "crop 3%"};
            for (int k = 0; k < copies.size(); k++) {
                int dp = PerceptualHash.distance(p, PerceptualHash.pHash(copies.get(k)));
                assertTrue(dp <= PerceptualHash.PHASH_NEAR, "seed " + seed + " " + names[k] + ": pHash distance " + dp);
                if (k != 6) { // dHash moves more with crops: 2 % only
                    int dd = PerceptualHash.distance(d, PerceptualHash.dHash(copies.get(k)));
                    assertTrue(dd <= PerceptualHash.DHASH_NEAR, "seed " + seed + " " + names[k] + ": dHash distance " + dd);
                }
            }
        }
    }

    @Test
    void differentPicturesAreBeyondIt() {
        List<Long> ph = new ArrayList<>(), dh = new ArrayList<>();
        for (long seed = 100; seed < 160; seed++) {
            BufferedImage a = picture(seed, 320, 240);
            ph.add(PerceptualHash.pHash(a));
            dh.add(PerceptualHash.dHash(a));
        }
        int minP = 64, minD = 64;
        for (int i = 0; i < ph.size(); i++) {
            for (int j = i + 1; j < ph.size(); j++) {
                minP = Math.min(minP, PerceptualHash.distance(ph.get(i), ph.get(j)));
                minD = Math.min(minD, PerceptualHash.distance(dh.get(i), dh.get(j)));
            }
        }
        assertTrue(minP > PerceptualHash.PHASH_NEAR, "closest different pair at pHash " + minP);
        assertTrue(minD > PerceptualHash.DHASH_NEAR, "closest different pair at dHash " + minD);
    }

    @Test
    void aFlatImageHashesWithoutError() {
        BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_ARGB);
        assertEquals(0L, PerceptualHash.pHash(img)); // all coefficients equal the median: no bit set
        assertEquals(0L, PerceptualHash.dHash(img));
    }

    @Test
    void indexFindsExactlyWhatAScanFinds() {
        Random r = new Random(7);
        long[] h = new long[20_000];
        for (int i = 0; i < h.length; i++) {
            // clusters of near-duplicates around 500 centres, plus noise
            long c = new Random(i % 500).nextLong();
            int flips = r.nextInt(12);
            for (int k = 0; k < flips; k++) c ^= 1L << r.nextInt(64);
            h[i] = i % 7 == 0 ? r.nextLong() : c;
        }
        HashIndex ix = new HashIndex(h);
        HashIndex.Searcher s = ix.searcher();
        for (int radius : new int[] {0, 3, 4, 7, 10, 12, 15, 20}) {
            for (int q = 0; q < 200; q++) {
                long query = h[r.nextInt(h.length)] ^ (1L << r.nextInt(64));
                IntArrayList got = s.within(query, radius);
                int[] a = got.toIntArray();
                java.util.Arrays.sort(a);
                int[] want = java.util.stream.IntStream.range(0, h.length).filter(i -> Long.bitCount(h[i] ^ query) <= radius).toArray();
                assertEquals(java.util.Arrays.toString(want), java.util.Arrays.toString(a), "radius " + radius);
            }
        }
    }

    @Test
    void clustersAreMemeTemplates() {
        long base1 = 0x0123456789abcdefL, base2 = 0xfedcba9876543210L;
        long[] h = {base1, base1 ^ 0b101, base2, base1 ^ (0b11L << 40), base2 ^ (1L << 63), 0x5555555555555555L};
        int[] c = new HashIndex(h).clusters(PerceptualHash.PHASH_NEAR);
        assertEquals(List.of(0, 0, 2, 0, 2, 5), java.util.Arrays.stream(c).boxed().toList());
    }
}
