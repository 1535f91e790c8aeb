package org.lockstep.io.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Recognises a file again across runs, wherever it lies: SHA-256 of the whole content for files up to
 * {@link #FULL_LIMIT}, and of the size, first and last {@link #SAMPLE} bytes for larger ones (so that
 * a 20 GB archive is not read twice; an edit in the middle of such a file that keeps its size is not
 * noticed, which the documentation says).
 */
final class Fingerprint {
    static final long FULL_LIMIT = 256L << 20;
    static final int SAMPLE = 8 << 20;

    private Fingerprint() {}

    static String of(Path p) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long size = Files.size(p);
        if (size <= FULL_LIMIT) {
            byte[] buf = new byte[1 << 16];
            try (InputStream in = Files.newInputStream(p)) {
                int n;
                while ((n = in.read(buf)) > 0) md.update(buf, 0, n);
            }
            return "sha256:" + HexFormat.of().formatHex(md.digest());
        }
        md.update(ByteBuffer.allocate(8).putLong(0, size));
        try (FileChannel ch = FileChannel.open(p)) {
            ByteBuffer b = ByteBuffer.allocate(SAMPLE);
            read(ch, b, 0);
            md.update(b.flip());
            b.clear();
            read(ch, b, size - SAMPLE);
            md.update(b.flip());
        }
        return "sha256-sampled:" + HexFormat.of().formatHex(md.digest());
    }

    private static void read(FileChannel ch, ByteBuffer b, long pos) throws IOException {
        while (b.hasRemaining()) {
            int n = ch.read(b, pos);
            if (n < 0) break;
            pos += n;
        }
    }
}
