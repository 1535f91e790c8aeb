package org.lockstep.bench.images;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.lockstep.core.images.HashIndex;
import org.lockstep.core.images.PerceptualHash;

/**
 * Perceptual hashing and near-duplicate search speed, in CPU time of the one working thread (the
 * machine is shared). Hashing: generated 640×480 pictures, in memory and decoded from JPEG files.
 * Search: a {@link HashIndex} over N 64-bit hashes (one in ten a near-duplicate of another, the rest
 * random, as perceptual hashes of unrelated pictures are), queried at several radii; a linear scan
 * for comparison. Usage: {@code ImageHashBench [pictures] [hashes] [queries]} (defaults 500, 100000, 100000).
 */
public final class ImageHashBench {
    private ImageHashBench() {}

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

    public static void main(String[] args) throws IOException {
        int pictures = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int queries = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        BufferedImage[] imgs = new BufferedImage[pictures];
        for (int i = 0; i < pictures; i++) imgs[i] = picture(i, 640, 480);
        long sink = 0;
        for (int round = 0; round < 2; round++) { // the first round warms the JIT
            long c0 = mx.getCurrentThreadCpuTime();
            for (BufferedImage im : imgs) sink ^= PerceptualHash.pHash(im);
            long c1 = mx.getCurrentThreadCpuTime();
            for (BufferedImage im : imgs) sink ^= PerceptualHash.dHash(im);
            long c2 = mx.getCurrentThreadCpuTime();
            System.out.printf("round %d: pHash %,.0f images/CPU-s, dHash %,.0f images/CPU-s (640x480, in memory)%n", round,
                    pictures / ((c1 - c0) / 1e9), pictures / ((c2 - c1) / 1e9));
        }
        Path dir = Files.createTempDirectory("lockstep-imgbench");
        try {
            int files = Math.min(pictures, 200);
            for (int i = 0; i < files; i++) ImageIO.write(imgs[i], "jpg", dir.resolve(i + ".jpg").toFile());
            long c0 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < files; i++) sink ^= PerceptualHash.pHash(PerceptualHash.read(dir.resolve(i + ".jpg")));
            long c1 = mx.getCurrentThreadCpuTime();
            System.out.printf("JPEG files: read + pHash %,.0f files/CPU-s (640x480)%n", files / ((c1 - c0) / 1e9));
        } finally {
            try (var s = Files.list(dir)) {
                s.forEach(p -> p.toFile().delete());
            }
            Files.deleteIfExists(dir);
        }

        Random r = new Random(1);
        long[] h = new long[n];
        for (int i = 0; i < n; i++) {
            if (i > 0 && i % 10 == 0) {
                long c = h[r.nextInt(i)];
                for (int k = 0, f = r.nextInt(9); k < f; k++) c ^= 1L << r.nextInt(64);
                h[i] = c;
            } else h[i] = r.nextLong();
        }
        long b0 = mx.getCurrentThreadCpuTime();
        HashIndex ix = new HashIndex(h);
        long b1 = mx.getCurrentThreadCpuTime();
        System.out.printf("index: %,d hashes built in %.0f ms CPU%n", n, (b1 - b0) / 1e6);
        HashIndex.Searcher s = ix.searcher();
        long[] q = new long[queries];
        for (int i = 0; i < queries; i++) q[i] = h[r.nextInt(n)] ^ (1L << r.nextInt(64));
        for (int radius : new int[] {6, 10, 14}) {
            for (int round = 0; round < 2; round++) {
                long found = 0;
                long c0 = mx.getCurrentThreadCpuTime();
                for (long x : q) found += s.within(x, radius).size();
                long c1 = mx.getCurrentThreadCpuTime();
                if (round == 1) {
                    System.out.printf("radius %2d: %,.0f queries/CPU-s over %,d hashes (%.2f matches per query)%n", radius,
                            queries / ((c1 - c0) / 1e9), n, found / (double) queries);
                }
            }
        }
        int lq = Math.min(queries, 2000);
        long c0 = mx.getCurrentThreadCpuTime();
        long found = 0;
        for (int i = 0; i < lq; i++) {
            long x = q[i];
            for (long y : h) if (Long.bitCount(x ^ y) <= 10) found++;
        }
        long c1 = mx.getCurrentThreadCpuTime();
        System.out.printf("linear scan, radius 10: %,.0f queries/CPU-s over %,d hashes (%d found)%n", lq / ((c1 - c0) / 1e9), n, found);
        IntArrayList keep = new IntArrayList();
        keep.add((int) (sink & 1));
    }
}
