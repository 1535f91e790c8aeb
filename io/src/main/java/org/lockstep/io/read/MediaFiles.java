package org.lockstep.io.read;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.lockstep.core.images.PerceptualHash;
import org.lockstep.core.model.PostTable;

/**
 * The posts' media found in a local folder (media downloaded with the posts), hashed: for each media id of a
 * table, the file named by the id or by the file name of its URL (with or without its extension), anywhere
 * under the folder, and its 64-bit DCT perceptual hash ({@link PerceptualHash#pHash}). Ids that are already
 * 16-hex-digit hashes (a source that gives them) are taken as they are. A file that is not a readable
 * picture (broken, hostile, another format) is counted, not hashed; nothing outside the folder is opened
 * (names come from the posts, which an adversary writes: only files found by walking the folder are used).
 */
public final class MediaFiles {
    private MediaFiles() {}

    /**
     * Hashes per media id of a table, with what was found.
     *
     * @param hash per media id, meaningful where {@code known}
     * @param fromFiles media ids hashed from a file; {@code given}: ids that were hashes already
     * @param unreadable files found that were no readable picture
     */
    public record Hashes(long[] hash, boolean[] known, int fromFiles, int given, int unreadable) {}

    /** Hashes the media of {@code t} found under {@code dir}. */
    public static Hashes hash(PostTable t, Path dir) throws IOException {
        Map<String, Path> files = filesByName(dir);
        int n = t.mediaIds().size();
        long[] hash = new long[n];
        boolean[] known = new boolean[n];
        int fromFiles = 0, given = 0, unreadable = 0;
        for (int m = 0; m < n; m++) {
            String key = t.mediaIds().get(m);
            if (key.length() == 16 && key.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
                hash[m] = Long.parseUnsignedLong(key, 16);
                known[m] = true;
                given++;
                continue;
            }
            String base = baseName(key);
            Path f = files.get(base);
            if (f == null) f = files.get(key);
            if (f == null && base.lastIndexOf('.') > 0) f = files.get(base.substring(0, base.lastIndexOf('.'))); // saved as another format
            if (f == null) continue;
            Long h = hashOf(f);
            if (h == null) {
                unreadable++;
                continue;
            }
            hash[m] = h;
            known[m] = true;
            fromFiles++;
        }
        return new Hashes(hash, known, fromFiles, given, unreadable);
    }

    /** The perceptual hash of a picture file, or null when it is no readable picture. */
    public static Long hashOf(Path f) {
        try {
            java.awt.image.BufferedImage img = PerceptualHash.read(f);
            return img == null ? null : PerceptualHash.pHash(img);
        } catch (IOException | RuntimeException e) {
            return null; // a broken or hostile file is no picture
        }
    }

    /** Every regular file under {@code dir} by its file name and by its name without the extension (first in path order wins). */
    public static Map<String, Path> filesByName(Path dir) throws IOException {
        Map<String, Path> out = new HashMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(Files::isRegularFile).sorted().forEach(f -> {
                String name = f.getFileName().toString();
                out.putIfAbsent(name, f);
                int dot = name.lastIndexOf('.');
                if (dot > 0) out.putIfAbsent(name.substring(0, dot), f);
            });
        }
        return out;
    }

    /** The last path segment of a URL or path, without query or fragment. */
    public static String baseName(String s) {
        String x = s;
        int q = x.indexOf('?');
        if (q >= 0) x = x.substring(0, q);
        int h = x.indexOf('#');
        if (h >= 0) x = x.substring(0, h);
        int slash = Math.max(x.lastIndexOf('/'), x.lastIndexOf('\\'));
        return x.substring(slash + 1);
    }
}
