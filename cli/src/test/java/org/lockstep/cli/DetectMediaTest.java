package org.lockstep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code detect --media DIR}: six accounts post the same meme three times, within seconds of each other,
 * each under a file of its own (rescaled, re-encoded: a different media id every time), while 30 other
 * accounts post pictures of their own all day. Without the files, no two posts share a media id and
 * co-image has nothing to pair; with them, the perceptual hashes make the six copies one object and the
 * six accounts one group of 15 pairs, and nobody else.
 */
class DetectMediaTest {
    private static final ObjectMapper M = new ObjectMapper();
    private static final DateTimeFormatter TWITTER = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    static BufferedImage picture(long seed, int w, int h) {
        Random r = new Random(seed);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
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

    private static String tweet(String id, String account, long ms, String mediaName) {
        ObjectNode t = M.createObjectNode();
        t.put("id_str", id).put("created_at", TWITTER.format(Instant.ofEpochMilli(ms))).put("text", "look " + id);
        t.putObject("user").put("id_str", account).put("screen_name", "h" + account);
        ObjectNode e = t.putObject("entities");
        e.putArray("hashtags");
        e.putArray("urls");
        e.putArray("media").addObject().put("media_url_https", "https://pbs.twimg.com/media/" + mediaName + ".jpg").put("type", "photo");
        return t.toString();
    }

    @Test
    void localMediaMakeCopiesOfOneMemeOneObject(@TempDir Path dir) throws Exception {
        Path media = Files.createDirectories(dir.resolve("media"));
        BufferedImage meme = picture(1, 320, 240);
        StringBuilder posts = new StringBuilder();
        long t0 = Instant.parse("2017-05-05T08:00:00Z").toEpochMilli();
        int id = 0;
        for (int round = 0; round < 3; round++) {
            for (int a = 0; a < 6; a++) {
                String name = "m" + round + "x" + a;
                double f = 0.7 + 0.1 * ((a + round) % 4);
                BufferedImage copy = new BufferedImage((int) (320 * f), (int) (240 * f), BufferedImage.TYPE_INT_RGB);
                Graphics2D g = copy.createGraphics();
                g.drawImage(meme, 0, 0, copy.getWidth(), copy.getHeight(), null);
                g.dispose();
                ImageIO.write(copy, a % 2 == 0 ? "png" : "jpg", media.resolve(name + (a % 2 == 0 ? ".png" : ".jpg")).toFile());
                posts.append(tweet("p" + id++, "op" + a, t0 + round * 3 * 3_600_000L + a * 7_000L, name)).append('\n');
            }
        }
        Random r = new Random(5);
        for (int k = 0; k < 90; k++) {
            String name = "own" + k;
            ImageIO.write(picture(100 + k, 160, 120), "png", media.resolve(name + ".png").toFile());
            posts.append(tweet("q" + id++, "org" + (k % 30), t0 + (long) (r.nextDouble() * 12 * 3_600_000L), name)).append('\n');
        }
        Files.writeString(media.resolve("broken.png"), "not a picture");
        posts.append(tweet("b" + id++, "org0", t0 + 5_000, "broken")).append('\n');
        Path in = dir.resolve("posts.jsonl");
        Files.writeString(in, posts);

        DetectCommandTest.Run without = DetectCommandTest.run("detect", in.toString(), "--signals", "co-image", "--out", dir.resolve("a").toString());
        assertEquals(0, without.code, without.err);
        JsonNode sa = M.readTree(dir.resolve("a/summary.json").toFile());
        assertEquals(0, sa.get("edges").asInt(), "every media id is different: nothing to pair");

        DetectCommandTest.Run with = DetectCommandTest.run("detect", in.toString(), "--signals", "co-image", "--media", media.toString(),
                "--out", dir.resolve("b").toString());
        assertEquals(0, with.code, with.err);
        assertTrue(with.err.contains("media: 108 of 109 hashed from files in --media (1 unreadable)"), with.err);
        JsonNode sb = M.readTree(dir.resolve("b/summary.json").toFile());
        assertEquals(6, sb.get("accounts").asInt(), sb.toString());
        assertEquals(15, sb.get("edges").asInt(), sb.toString());
        for (var row : DetectCommandTest.readCsv(dir.resolve("b/accounts.csv"))) {
            assertTrue(row.get("account_id").startsWith("op"), "only the six operators: " + row);
        }

        DetectCommandTest.Run notAFolder = DetectCommandTest.run("detect", in.toString(), "--media", dir.resolve("nope").toString(),
                "--out", dir.resolve("c").toString());
        assertEquals(Main.USAGE, notAFolder.code);
        assertTrue(notAFolder.err.contains("--media: not a folder"), notAFolder.err);
    }
}
