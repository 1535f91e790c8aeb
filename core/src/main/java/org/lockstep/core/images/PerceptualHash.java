package org.lockstep.core.images;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * 64-bit perceptual hashes of images, compared by Hamming distance ({@link Long#bitCount} of the XOR).
 *
 * <p><b>pHash</b> (the DCT hash of Zauner, "Implementation and Benchmarking of Perceptual Image Hash
 * Functions", 2010, as in the pHash library): luma, a 7×7 mean filter, area-average down to 32×32,
 * the 2-D DCT-II, the 8×8 lowest frequencies without the DC row and column, one bit per coefficient
 * above their median. It survives rescaling, recompression, small crops and captions (the low
 * frequencies barely move) and separates different pictures. <b>dHash</b> (difference hash, Krawetz
 * 2013): luma area-averaged to 9×8, one bit per horizontally adjacent pair, left brighter than right;
 * cheaper, a little more sensitive to crops.
 *
 * <p>Thresholds measured on generated images (docs/plans.md, 60 pictures × 8 transformations and
 * 4,950 pairs of different pictures): rescaled and recompressed copies stay within 4 bits of pHash,
 * captioned ones within 12, 3 % crops within 14; different pictures were 18 or more apart (median 32).
 * So pHash distance at most {@link #PHASH_NEAR} is a near-duplicate. dHash: copies within 11 (crops of
 * 2 % within 9, of 3 % up to 14), different pictures 15 or more: {@link #DHASH_NEAR}. pHash always sets
 * 32 bits (a median split), so its distances are even.
 */
public final class PerceptualHash {
    /** Hamming distance up to which two pHashes are taken as the same picture (documented in docs/plans.md). */
    public static final int PHASH_NEAR = 14;
    /** The same for dHash. */
    public static final int DHASH_NEAR = 12;

    private static final int N = 32;
    private static final double[][] DCT = new double[8 + 1][N];

    static {
        // rows 0..8 of the orthonormal DCT-II matrix of size 32 (only these are needed)
        for (int u = 0; u <= 8; u++) {
            double a = u == 0 ? Math.sqrt(1.0 / N) : Math.sqrt(2.0 / N);
            for (int x = 0; x < N; x++) DCT[u][x] = a * Math.cos((2 * x + 1) * u * Math.PI / (2.0 * N));
        }
    }

    private PerceptualHash() {}

    /** Largest image read, in pixels: a small file can declare a huge canvas (a decompression bomb). */
    public static final long MAX_PIXELS = 64L << 20;

    /**
     * Reads an image file (PNG, JPEG, GIF, BMP: what javax.imageio reads); null when it is no image
     * or declares more than {@link #MAX_PIXELS} pixels (checked from the header, before decoding).
     */
    public static BufferedImage read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); javax.imageio.stream.ImageInputStream iis = ImageIO.createImageInputStream(in)) {
            if (iis == null) return null;
            java.util.Iterator<javax.imageio.ImageReader> it = ImageIO.getImageReaders(iis);
            if (!it.hasNext()) return null;
            javax.imageio.ImageReader r = it.next();
            try {
                r.setInput(iis, true, true);
                if ((long) r.getWidth(0) * r.getHeight(0) > MAX_PIXELS) return null;
                return r.read(0);
            } finally {
                r.dispose();
            }
        }
    }

    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /** The DCT perceptual hash. */
    public static long pHash(BufferedImage img) {
        int w = img.getWidth(), h = img.getHeight();
        double[] g = luma(img);
        g = mean7(g, w, h);
        double[] s = resize(g, w, h, N, N);
        // 2-D DCT restricted to frequencies 0..8 in both directions: C * S * C^T
        double[][] tmp = new double[9][N];
        for (int u = 0; u <= 8; u++) {
            for (int x = 0; x < N; x++) {
                double acc = 0;
                for (int y = 0; y < N; y++) acc += DCT[u][y] * s[y * N + x];
                tmp[u][x] = acc;
            }
        }
        double[] c = new double[64];
        for (int u = 1; u <= 8; u++) {
            for (int v = 1; v <= 8; v++) {
                double acc = 0;
                for (int x = 0; x < N; x++) acc += tmp[u][x] * DCT[v][x];
                c[(u - 1) * 8 + (v - 1)] = acc;
            }
        }
        double[] sorted = c.clone();
        java.util.Arrays.sort(sorted);
        double median = (sorted[31] + sorted[32]) / 2;
        double eps = 1e-9 * (1 + Math.abs(sorted[0]) + Math.abs(sorted[63])); // rounding noise of a flat image sets no bit
        long bits = 0;
        for (int i = 0; i < 64; i++) if (c[i] > median + eps) bits |= 1L << i;
        return bits;
    }

    /** The difference hash. */
    public static long dHash(BufferedImage img) {
        int w = img.getWidth(), h = img.getHeight();
        double[] s = resize(luma(img), w, h, 9, 8);
        long bits = 0;
        int k = 0;
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++, k++) if (s[y * 9 + x] > s[y * 9 + x + 1] + 1e-9) bits |= 1L << k; // equal areas set no bit
        }
        return bits;
    }

    /** Rec. 601 luma of every pixel, row-major; transparent pixels count as white. */
    static double[] luma(BufferedImage img) {
        int w = img.getWidth(), h = img.getHeight();
        double[] g = new double[w * h];
        java.awt.image.WritableRaster ras = img.getRaster();
        boolean plain = ras.getParent() == null && ras.getSampleModelTranslateX() == 0 && ras.getSampleModelTranslateY() == 0;
        int type = img.getType();
        if (plain && (type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_INT_ARGB)
                && ras.getDataBuffer() instanceof java.awt.image.DataBufferInt db && db.getNumBanks() == 1
                && ras.getSampleModel() instanceof java.awt.image.SinglePixelPackedSampleModel sm) {
            // the pixels as stored: no per-pixel colour-model call (getRGB is 10x slower)
            int[] d = db.getData();
            int stride = sm.getScanlineStride(), off = db.getOffset();
            boolean alpha = type == BufferedImage.TYPE_INT_ARGB;
            for (int y = 0; y < h; y++) {
                for (int x = 0, i = off + y * stride; x < w; x++, i++) g[y * w + x] = luma(d[i], alpha);
            }
            return g;
        }
        if (plain && type == BufferedImage.TYPE_3BYTE_BGR && ras.getDataBuffer() instanceof java.awt.image.DataBufferByte db
                && db.getNumBanks() == 1 && ras.getSampleModel() instanceof java.awt.image.ComponentSampleModel sm && sm.getPixelStride() == 3) {
            byte[] d = db.getData();
            int[] bo = sm.getBandOffsets(); // R, G, B
            int stride = sm.getScanlineStride(), off = db.getOffset();
            for (int y = 0; y < h; y++) {
                for (int x = 0, i = off + y * stride; x < w; x++, i += 3) {
                    g[y * w + x] = 0.299 * (d[i + bo[0]] & 0xff) + 0.587 * (d[i + bo[1]] & 0xff) + 0.114 * (d[i + bo[2]] & 0xff);
                }
            }
            return g;
        }
        int[] px = img.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < px.length; i++) g[i] = luma(px[i], true);
        return g;
    }

    private static double luma(int p, boolean alpha) {
        double a = alpha ? ((p >>> 24) & 0xff) / 255.0 : 1.0;
        double y = 0.299 * ((p >> 16) & 0xff) + 0.587 * ((p >> 8) & 0xff) + 0.114 * (p & 0xff);
        return a * y + (1 - a) * 255;
    }

    /** A 7×7 box mean (clamped at the borders), with a summed-area table. */
    static double[] mean7(double[] g, int w, int h) {
        double[] sat = new double[(w + 1) * (h + 1)];
        for (int y = 0; y < h; y++) {
            double row = 0;
            for (int x = 0; x < w; x++) {
                row += g[y * w + x];
                sat[(y + 1) * (w + 1) + x + 1] = sat[y * (w + 1) + x + 1] + row;
            }
        }
        double[] out = new double[w * h];
        for (int y = 0; y < h; y++) {
            int y0 = Math.max(0, y - 3), y1 = Math.min(h, y + 4);
            for (int x = 0; x < w; x++) {
                int x0 = Math.max(0, x - 3), x1 = Math.min(w, x + 4);
                double s = sat[y1 * (w + 1) + x1] - sat[y0 * (w + 1) + x1] - sat[y1 * (w + 1) + x0] + sat[y0 * (w + 1) + x0];
                out[y * w + x] = s / ((y1 - y0) * (x1 - x0));
            }
        }
        return out;
    }

    /**
     * Area-average resampling to {@code tw × th}: each target pixel is the mean of the source area it
     * covers, computed separably (rows, then columns) with precomputed overlap weights.
     */
    static double[] resize(double[] g, int w, int h, int tw, int th) {
        Weights wx = weights(w, tw), wy = weights(h, th);
        double[] rows = new double[h * tw];
        for (int y = 0; y < h; y++) {
            int base = y * w;
            for (int t = 0; t < tw; t++) {
                double acc = 0;
                for (int k = wx.start[t]; k < wx.start[t + 1]; k++) acc += wx.weight[k] * g[base + wx.index[k]];
                rows[y * tw + t] = acc;
            }
        }
        double[] out = new double[tw * th];
        for (int t = 0; t < th; t++) {
            for (int k = wy.start[t]; k < wy.start[t + 1]; k++) {
                double wgt = wy.weight[k];
                int r = wy.index[k] * tw;
                for (int x = 0; x < tw; x++) out[t * tw + x] += wgt * rows[r + x];
            }
        }
        return out;
    }

    /** For each target cell, the source cells it overlaps and their share of its area (shares add up to 1). */
    private record Weights(int[] start, int[] index, double[] weight) {}

    private static Weights weights(int n, int tn) {
        double scale = (double) n / tn;
        int[] start = new int[tn + 1];
        it.unimi.dsi.fastutil.ints.IntArrayList idx = new it.unimi.dsi.fastutil.ints.IntArrayList();
        it.unimi.dsi.fastutil.doubles.DoubleArrayList wt = new it.unimi.dsi.fastutil.doubles.DoubleArrayList();
        for (int t = 0; t < tn; t++) {
            double f0 = t * scale, f1 = (t + 1) * scale;
            for (int i = (int) f0; i < Math.min(n, (int) Math.ceil(f1)); i++) {
                double ov = Math.min(f1, i + 1) - Math.max(f0, i);
                if (ov <= 0) continue;
                idx.add(i);
                wt.add(ov / scale);
            }
            start[t + 1] = idx.size();
        }
        return new Weights(start, idx.toIntArray(), wt.toDoubleArray());
    }
}
