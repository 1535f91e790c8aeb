package org.lockstep.io.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lockstep.core.model.Post;
import org.lockstep.core.model.PostKind;

class ReadersSmokeTest {
    @TempDir Path dir;

    static final String V1_RETWEET = "{\"created_at\":\"Fri May 05 18:04:11 +0000 2017\",\"id\":860000000000000001,"
            + "\"id_str\":\"860000000000000001\",\"text\":\"RT @seed: leak #MacronLeaks\",\"lang\":\"en\","
            + "\"user\":{\"id_str\":\"42\",\"screen_name\":\"amp1\",\"created_at\":\"Thu May 04 10:00:00 +0000 2017\",\"followers_count\":3},"
            + "\"retweeted_status\":{\"created_at\":\"Fri May 05 18:00:00 +0000 2017\",\"id_str\":\"860000000000000000\","
            + "\"text\":\"leak #MacronLeaks https://t.co/x\",\"user\":{\"id_str\":\"7\",\"screen_name\":\"seed\"},"
            + "\"entities\":{\"hashtags\":[{\"text\":\"MacronLeaks\"}],\"urls\":[{\"url\":\"https://t.co/x\",\"expanded_url\":\"https://leaks.example.org/a?utm_source=tw\"}],\"user_mentions\":[]}},"
            + "\"entities\":{\"hashtags\":[{\"text\":\"MacronLeaks\"}],\"urls\":[],\"user_mentions\":[{\"screen_name\":\"seed\"}]}}";

    private List<Post> read(ReadReport[] rep, String... files) throws IOException {
        List<Post> posts = new ArrayList<>();
        rep[0] = Readers.read(List.of(files), ReadOptions.defaults(), posts::add, p -> {});
        return posts;
    }

    @Test
    void twitterV1RetweetKeepsOriginalEntitiesAndAuthor() throws IOException {
        Path f = dir.resolve("a.jsonl");
        Files.writeString(f, V1_RETWEET + "\n");
        ReadReport[] rep = new ReadReport[1];
        List<Post> posts = read(rep, f.toString());
        assertEquals(1, posts.size());
        Post p = posts.get(0);
        assertEquals(PostKind.REPOST, p.kind());
        assertEquals("860000000000000000", p.repostOf().postId());
        assertEquals("7", p.repostOf().accountId());
        assertEquals(List.of("https://leaks.example.org/a?utm_source=tw"), p.urls());
        assertEquals(1494007451000L, p.timeMs()); // 2017-05-05T18:04:11Z (date -u -d @1494007451)
        assertEquals(3, p.account().followers());
    }

    @Test
    void badLinesCostNoGoodLineAndAreReportedWithLineNumbers() throws IOException {
        Path f = dir.resolve("b.jsonl.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(f))) {
            o.write(("\uFEFF" + V1_RETWEET + "\r\n{broken\n{\"hello\":1}\n\n" + V1_RETWEET.replace("860000000000000001", "2")
                    + "\n").getBytes(StandardCharsets.UTF_8));
        }
        ReadReport[] rep = new ReadReport[1];
        List<Post> posts = read(rep, f.toString());
        assertEquals(2, posts.size());
        assertEquals(2, rep[0].rejected());
        assertEquals(2, rep[0].problems().get(0).line());
        assertEquals(3, rep[0].problems().get(1).line());
        assertTrue(rep[0].problems().get(1).reason().contains("not a post"));
    }

    @Test
    void truncatedGzipKeepsTheCompleteLines() throws IOException {
        Path whole = dir.resolve("w.gz");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 2000; i++) sb.append(V1_RETWEET.replace("860000000000000001", String.valueOf(1000 + i))).append('\n');
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(whole))) {
            o.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        }
        byte[] all = Files.readAllBytes(whole);
        Path cut = dir.resolve("cut.gz");
        Files.write(cut, java.util.Arrays.copyOf(all, all.length / 2));
        ReadReport[] rep = new ReadReport[1];
        List<Post> posts = read(rep, cut.toString());
        assertTrue(posts.size() > 0 && posts.size() < 2000, "some but not all posts: " + posts.size());
        assertEquals(1, rep[0].rejected());
        assertTrue(rep[0].problems().get(0).reason().contains("truncated"));
    }

    @Test
    void realCooRTweetSampleIsReadWhole() throws IOException {
        Path shared = Path.of(System.getProperty("lockstep.shared", "../../shared"));
        Path f = shared.resolve("data/coortweet/russian_coord_tweets.csv.gz");
        Assumptions.assumeTrue(Files.exists(f), "skipped: " + f + " absent (needs ../shared beside the project)");
        ReadReport[] rep = new ReadReport[1];
        List<Post> posts = read(rep, f.toString());
        // README: 35,125 rows; every row is a share, none rejected
        assertEquals(35125, rep[0].records());
        assertEquals(0, rep[0].rejected());
        assertEquals(35125, posts.size());
        assertNotNull(posts.get(0).repostOf());
    }

    @Test
    void aFailingSinkStopsReadingInsteadOfCountingARejectedRecord() throws IOException {
        Path f = dir.resolve("s.jsonl");
        Files.writeString(f, V1_RETWEET + "\n" + V1_RETWEET.replace("860000000000000001", "5") + "\n");
        IllegalArgumentException thrown = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Readers.read(List.of(f.toString()), ReadOptions.defaults(), p -> {
                    throw new IllegalArgumentException("disk full");
                }, p -> {}));
        assertEquals("disk full", thrown.getMessage());
    }

    @Test
    void quarantineIsEmptyWhenNothingWasRejected() throws IOException {
        Path f = dir.resolve("ok.jsonl");
        Files.writeString(f, V1_RETWEET + "\n");
        Path q = dir.resolve("q.jsonl");
        Readers.read(List.of(f.toString()), ReadOptions.defaults().withQuarantine(q), p -> {}, p -> {});
        assertEquals(0, Files.size(q));
    }
}
