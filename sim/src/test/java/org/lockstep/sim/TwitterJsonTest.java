package org.lockstep.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every line is a plausible Twitter v1.1 tweet whose parts agree with each other. */
class TwitterJsonTest {
    private static final DateTimeFormatter CREATED =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String[] TWEET_FIELDS = {"created_at", "id", "id_str", "full_text", "lang", "source", "user",
        "entities", "in_reply_to_status_id_str", "in_reply_to_user_id_str", "in_reply_to_screen_name", "is_quote_status"};
    private static final String[] USER_FIELDS = {"id", "id_str", "screen_name", "name", "description", "location",
        "created_at", "followers_count", "friends_count", "statuses_count", "default_profile", "default_profile_image",
        "verified", "lang"};

    @Test
    void everyLineIsATweetWithTheRequiredFields() {
        SimRun run = SimRun.election();
        List<JsonNode> tweets = run.tweets();
        assertEquals(30_000, tweets.size());
        assertEquals(30_000, run.result.posts());
        for (JsonNode t : tweets) {
            checkTweet(t);
            if (t.has("retweeted_status")) checkTweet(t.get("retweeted_status"));
            if (t.has("quoted_status")) checkTweet(t.get("quoted_status"));
        }
    }

    private static void checkTweet(JsonNode t) {
        for (String f : TWEET_FIELDS) assertTrue(t.has(f), () -> "missing " + f + " in " + t);
        for (String f : USER_FIELDS) assertTrue(t.get("user").has(f), () -> "missing user." + f);
        assertTrue(t.get("user").get("lang").isNull());
        assertTrue(t.get("id").isNumber());
        assertEquals(t.get("id").asText(), t.get("id_str").asText());
        assertEquals(t.get("user").get("id").asText(), t.get("user").get("id_str").asText());
        // created_at is the id's time truncated to the second
        long ms = SimRun.timeOf(t);
        assertEquals(CREATED.format(Instant.ofEpochMilli(ms - Math.floorMod(ms, 1000))), t.get("created_at").asText());
        Instant.from(CREATED.parse(t.get("user").get("created_at").asText()));
        // entity indices point at the entity in the text (code points)
        String text = t.get("full_text").asText();
        int[] cps = text.codePoints().toArray();
        JsonNode e = t.get("entities");
        for (JsonNode h : e.get("hashtags")) {
            assertEquals("#" + h.get("text").asText(), sub(cps, h.get("indices")), text);
        }
        for (JsonNode m : e.get("user_mentions")) {
            assertEquals("@" + m.get("screen_name").asText(), sub(cps, m.get("indices")), text);
            assertNotNull(m.get("id_str").asText());
        }
        for (JsonNode u : e.get("urls")) {
            String shortUrl = u.get("url").asText();
            assertTrue(shortUrl.matches("https://t\\.co/[0-9A-Za-z]{10}"), shortUrl);
            assertEquals(shortUrl, sub(cps, u.get("indices")));
            assertTrue(u.get("expanded_url").asText().startsWith("http"));
            assertFalse(u.get("display_url").asText().startsWith("http"));
        }
    }

    private static String sub(int[] cps, JsonNode idx) {
        int a = idx.get(0).asInt(), b = idx.get(1).asInt();
        return new String(cps, a, b - a);
    }

    @Test
    void idsIncreaseWithTimeAndReferencesPointBackwards() {
        List<JsonNode> tweets = SimRun.election().tweets();
        Map<String, JsonNode> byId = new HashMap<>();
        long prev = Long.MIN_VALUE;
        int retweets = 0, quotes = 0, replies = 0;
        for (JsonNode t : tweets) {
            long id = t.get("id").asLong();
            assertTrue(id > prev, "ids must increase strictly");
            prev = id;
            if (t.has("retweeted_status")) {
                retweets++;
                JsonNode o = t.get("retweeted_status");
                assertEquals("RT @" + o.get("user").get("screen_name").asText() + ": " + o.get("full_text").asText(),
                        t.get("full_text").asText());
                assertEquals(o.get("lang").asText(), t.get("lang").asText());
                JsonNode seen = byId.get(o.get("id_str").asText());
                assertNotNull(seen, "a retweet nests a post written earlier");
                assertEquals(seen.get("full_text").asText(), o.get("full_text").asText(), "nested copy equals the original");
            }
            if (t.get("is_quote_status").asBoolean()) {
                quotes++;
                String q = t.get("quoted_status_id_str").asText();
                assertEquals(q, t.get("quoted_status").get("id_str").asText());
                assertTrue(byId.containsKey(q));
                boolean linked = false;
                for (JsonNode u : t.get("entities").get("urls")) linked |= u.get("expanded_url").asText().endsWith("/status/" + q);
                assertTrue(linked, "a quote links to the quoted post");
            }
            if (!t.get("in_reply_to_status_id_str").isNull()) {
                replies++;
                JsonNode target = byId.get(t.get("in_reply_to_status_id_str").asText());
                assertNotNull(target, "replies answer earlier posts");
                assertEquals(target.get("user").get("screen_name").asText(), t.get("in_reply_to_screen_name").asText());
                assertEquals(target.get("user").get("id_str").asText(), t.get("in_reply_to_user_id_str").asText());
            }
            byId.put(t.get("id_str").asText(), t);
        }
        assertEquals(tweets.size(), byId.size(), "post ids are unique");
        // the mix the generator aims at (organic: ~42% retweets, 12% replies, 6% quotes)
        assertTrue(retweets > tweets.size() * 0.3 && retweets < tweets.size() * 0.6, "retweets " + retweets);
        assertTrue(replies > tweets.size() * 0.05, "replies " + replies);
        assertTrue(quotes > tweets.size() * 0.02, "quotes " + quotes);
    }

    @Test
    void timesStayInsideTheScenario() {
        SimRun run = SimRun.election();
        long start = run.labels().get("start_ms").asLong(), end = run.labels().get("end_ms").asLong();
        assertEquals(Instant.parse("2017-05-05T00:00:00Z").toEpochMilli(), start);
        assertEquals(start + 3 * 86_400_000L, end);
        for (JsonNode t : run.tweets()) {
            long ms = SimRun.timeOf(t);
            assertTrue(ms >= start && ms < end);
        }
    }
}
