package org.lockstep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lockstep plans} end to end on a small Discord export and Twitter JSON posts. */
class PlansCommandTest {
    private static final ObjectMapper M = new ObjectMapper();
    private static final DateTimeFormatter TW = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ROOT).withZone(ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static String tweet(String id, String user, long ms, String tag) {
        ObjectNode t = M.createObjectNode();
        t.put("id_str", id);
        t.put("created_at", TW.format(Instant.ofEpochMilli(ms)));
        t.put("text", "#" + tag + " <b>x</b>");
        ObjectNode u = t.putObject("user");
        u.put("id_str", "u" + user);
        u.put("screen_name", user);
        ObjectNode e = t.putObject("entities");
        e.putArray("hashtags").addObject().put("text", tag);
        e.putArray("urls");
        e.putArray("user_mentions");
        return t.toString();
    }

    private static ObjectNode message(ArrayNode ms, String id, String iso, String author, String content) {
        ObjectNode m = ms.addObject();
        m.put("id", id);
        m.put("type", "Default");
        m.put("timestamp", iso);
        m.put("content", content);
        ObjectNode a = m.putObject("author");
        a.put("id", "id-" + author);
        a.put("name", author);
        m.putArray("attachments");
        return m;
    }

    @Test
    void linksAChatToThePostsAndEscapesEverything() throws Exception {
        long call = Instant.parse("2017-05-05T15:50:00Z").toEpochMilli();
        long at = Instant.parse("2017-05-05T19:30:00Z").toEpochMilli();
        List<String> posts = new ArrayList<>();
        int id = 1;
        for (int d = 1; d <= 7; d++) posts.add(tweet(Integer.toString(id++), "organic" + d, call - d * 86_400_000L, "MacronGate"));
        for (int i = 0; i < 12; i++) posts.add(tweet(Integer.toString(id++), "=cmd" + i, at + i * 45_000L, "MacronGate"));
        for (int i = 0; i < 20; i++) posts.add(tweet(Integer.toString(id++), "noise" + i, call - i * 3_600_000L, "Other"));
        long second = Instant.parse("2017-05-06T10:10:00Z").toEpochMilli();
        for (int i = 0; i < 6; i++) posts.add(tweet(Integer.toString(id++), "=cmd" + i, second + i * 30_000L, "Second"));
        Path p = dir.resolve("posts.jsonl");
        Files.write(p, posts, StandardCharsets.UTF_8);

        ObjectNode export = M.createObjectNode();
        export.putObject("guild").put("id", "1").put("name", "g");
        export.putObject("channel").put("id", "2").put("name", "raids");
        ArrayNode ms = export.putArray("messages");
        message(ms, "10", "2017-05-05T15:50:00+00:00", "<script>alert(1)</script>", "ce soir 21h30 tous sur #MacronGate <img src=x onerror=alert(2)>");
        message(ms, "11", "2017-05-05T15:51:00+00:00", "kek", "demain 18h #NeverUsed go");
        message(ms, "12", "2017-05-05T15:52:00+00:00", "kek", "my new account is @noise3");
        message(ms, "13", "2017-05-06T10:00:00+00:00", "kek", "dans 10 min #Second go");
        Path groups = dir.resolve("accounts.csv");
        Files.writeString(groups, "account_id,group\nu=cmd0,4\nu=cmd1,4\nnoise1,9\n");
        Path chat = dir.resolve("chat.json");
        M.writeValue(chat.toFile(), export);

        Path out = dir.resolve("out");
        assertEquals(Main.OK, Main.run("plans", "--chat", chat.toString(), "--tz", "Europe/Paris", p.toString(), "--out", out.toString(),
                "--groups", groups.toString()));
        JsonNode doc = M.readTree(out.resolve("plans.json").toFile());
        JsonNode calls = doc.get("calls");
        assertEquals(3, calls.size());
        assertEquals(6, doc.get("network").size());
        assertEquals("u=cmd0", doc.get("network").get(0).get("account_id").asText());
        assertEquals(4, doc.get("network").get(0).get("coordination_group").asInt());
        assertTrue(doc.get("network").get(2).get("coordination_group").isNull());
        assertEquals(2, doc.get("summary").get("network_in_coordination_groups").asInt());
        assertTrue(calls.get(2).get("executed").asBoolean());
        assertEquals("2017-05-06T10:10:00Z", calls.get(2).get("scheduled_for").asText());
        JsonNode c = calls.get(0);
        assertEquals("10", c.get("message_id").asText());
        assertEquals("<script>alert(1)</script>", c.get("author").asText());
        assertEquals("2017-05-05T15:50:00Z", c.get("at").asText());
        assertEquals("2017-05-05T19:30:00Z", c.get("scheduled_for").asText());
        assertTrue(c.get("executed").asBoolean());
        assertEquals(12, c.get("adopters").size());
        assertEquals("=cmd0", c.get("adopters").get(0).get("handle").asText());
        assertEquals(0, c.get("adopters").get(0).get("lag_s").asLong());
        assertEquals(45, c.get("adopters").get(1).get("lag_s").asLong());
        assertEquals("2017-05-05T19:30:45Z", c.get("adopters").get(1).get("first_post_at").asText());
        assertTrue(c.get("p_value").asDouble() < 1e-6);
        assertTrue(c.get("lift").asDouble() > 10);
        JsonNode never = calls.get(1);
        assertFalse(never.get("executed").asBoolean());
        assertEquals(0, never.get("adopters").size());
        assertEquals(1, doc.get("revealed").size());
        assertEquals("unoise3", doc.get("revealed").get(0).get("account_id").asText());

        String adopters = Files.readString(out.resolve("adopters.csv"));
        assertTrue(adopters.contains(",'=cmd0,"), "formula-guarded handle: " + adopters.lines().skip(1).findFirst().orElse(""));
        String html = Files.readString(out.resolve("report.html"));
        assertFalse(html.contains("<script>alert"), "chat text is escaped");
        assertFalse(html.contains("<img src=x"), "chat text is escaped");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertEquals(Main.USAGE, Main.run("plans", "--chat", chat.toString(), "--tz", "Mars/Olympus", p.toString(), "--out", out.toString()));
    }

    private static java.awt.image.BufferedImage picture(long seed, String caption) {
        java.util.Random r = new java.util.Random(seed);
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(400, 300, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setPaint(new java.awt.GradientPaint(0, 0, new java.awt.Color(r.nextInt(0xffffff)), 400, 300, new java.awt.Color(r.nextInt(0xffffff))));
        g.fillRect(0, 0, 400, 300);
        for (int i = 0; i < 10; i++) {
            g.setColor(new java.awt.Color(r.nextInt(0xffffff)));
            g.fillOval(r.nextInt(400) - 40, r.nextInt(300) - 40, 60 + r.nextInt(120), 60 + r.nextInt(120));
        }
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(20, 10, 8 * caption.length(), 22); // a caption bar (no font needed)
        g.dispose();
        return img;
    }

    @Test
    void matchesAMemeByPerceptualHash() throws Exception {
        long at = Instant.parse("2017-05-05T18:00:00Z").toEpochMilli();
        Path chatDir = Files.createDirectories(dir.resolve("export"));
        javax.imageio.ImageIO.write(picture(3, "ON Y VA"), "png", chatDir.resolve("meme.png").toFile());
        Path media = Files.createDirectories(dir.resolve("media"));
        javax.imageio.ImageIO.write(picture(3, "LES LEAKS DE MACRON"), "jpg", media.resolve("ABC.jpg").toFile());
        javax.imageio.ImageIO.write(picture(4, "AUTRE"), "jpg", media.resolve("XYZ.jpg").toFile());
        List<String> posts = new ArrayList<>();
        for (int i = 0; i < 6; i++) posts.add(withMedia(tweet("m" + i, "op" + i, at + i * 60_000L, "Rien"), "ABC"));
        for (int i = 0; i < 4; i++) posts.add(withMedia(tweet("x" + i, "org" + i, at - i * 86_400_000L - 3_600_000L, "Rien"), "XYZ"));
        Path p = dir.resolve("posts.jsonl");
        Files.write(p, posts, StandardCharsets.UTF_8);
        ObjectNode export = M.createObjectNode();
        export.putObject("guild").put("id", "1").put("name", "g");
        export.putObject("channel").put("id", "2").put("name", "raids");
        ArrayNode ms = export.putArray("messages");
        ObjectNode m = message(ms, "20", "2017-05-05T16:00:00+00:00", "kek", "postez ce meme à 20h");
        m.putArray("attachments").addObject().put("fileName", "meme.png").put("url", "attachments/meme.png");
        message(ms, "21", "2017-05-05T16:01:00+00:00", "kek", "postez aussi celui-ci à 20h").putArray("attachments").addObject()
                .put("fileName", "../../../etc/passwd");
        Path chat = chatDir.resolve("chat.json");
        M.writeValue(chat.toFile(), export);
        Path out = dir.resolve("out-media");
        assertEquals(Main.OK, Main.run("plans", "--chat", chat.toString(), "--tz", "Europe/Paris", "--media", media.toString(),
                p.toString(), "--out", out.toString()));
        JsonNode calls = M.readTree(out.resolve("plans.json").toFile()).get("calls");
        assertEquals(2, calls.size());
        // the run owns its folder: every file listed in the manifest (templates.csv too), no staging left behind
        JsonNode manifest = M.readTree(out.resolve(".lockstep-manifest.json").toFile());
        java.util.Set<String> listed = new java.util.HashSet<>();
        for (JsonNode f : manifest.path("files")) listed.add(f.path("path").asText());
        assertTrue(listed.containsAll(java.util.List.of("plans.json", "calls.csv", "report.html", "templates.csv")), listed.toString());
        try (var files = java.nio.file.Files.list(out)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith(".lockstep-tmp")), "staging removed");
        }
        JsonNode c = calls.get(0);
        assertEquals("2017-05-05T18:00:00Z", c.get("scheduled_for").asText());
        assertTrue(c.get("executed").asBoolean(), c.toString());
        assertEquals(6, c.get("adopters").size());
        assertEquals("op0", c.get("adopters").get(0).get("handle").asText());
        List<List<String>> templates = Csv.parse(Files.readString(out.resolve("templates.csv")));
        assertEquals(2, templates.size(), templates.toString()); // header + the meme with its re-captioned copy; XYZ is another picture
        assertEquals(List.of("1", "2", "1", "6"), templates.get(1).subList(0, 4));
        assertTrue(templates.get(1).get(4).contains("chat:meme.png") && templates.get(1).get(4).contains("ABC.jpg"));
        JsonNode escape = calls.get(1);
        assertFalse(escape.get("executed").asBoolean());
        assertTrue(escape.get("untested").isTextual(), "an attachment outside the export folder is not read");
    }

    private static String withMedia(String tweetJson, String name) throws Exception {
        ObjectNode t = (ObjectNode) M.readTree(tweetJson);
        ((ObjectNode) t.get("entities")).putArray("media").addObject().put("media_url_https", "https://pbs.twimg.com/media/" + name + ".jpg")
                .put("type", "photo");
        return t.toString();
    }
}
