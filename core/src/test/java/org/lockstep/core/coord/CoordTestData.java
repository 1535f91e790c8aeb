package org.lockstep.core.coord;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Locates ../shared/data and parses CooRTweet's 4-column CSV with plain test code. */
final class CoordTestData {
    private CoordTestData() {}

    static Path shared(String relative) {
        String root = System.getProperty("lockstep.shared");
        assumeTrue(root != null, "system property lockstep.shared not set: skipping test on ../shared data");
        Path p = Path.of(root).resolve(relative);
        assumeTrue(Files.isReadable(p), "missing " + p + ": skipping test on ../shared data");
        return p;
    }

    /** object_id,account_id,content_id,timestamp_share (Unix seconds) as generic actions. */
    static Actions russian() throws IOException {
        Path p = shared("data/coortweet/russian_coord_tweets.csv.gz");
        Actions.GenericBuilder b = Actions.generic();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(p)), StandardCharsets.UTF_8))) {
            String line = r.readLine();
            if (!line.startsWith("object_id,account_id,content_id,timestamp_share")) throw new IOException(line);
            while ((line = r.readLine()) != null) {
                String[] f = line.split(",", -1);
                b.add(f[0], f[1], f[2], Long.parseLong(f[3]) * 1000);
            }
        }
        return b.build();
    }
}
