package org.lockstep.sim;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Twitter API v1.1 JSON (extended mode: {@code full_text}), one post per line. Retweets nest the
 * original in {@code retweeted_status}, quotes nest it in {@code quoted_status}, as the API does.
 */
final class JsonPostWriter implements PostWriter {
    private static final String DEFAULT_AVATAR =
            "https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png";
    private final JsonGenerator g;
    private final Accounts acc;
    private final TwitterTime clock = new TwitterTime();

    JsonPostWriter(OutputStream out, Accounts acc) throws IOException {
        JsonFactory f = new JsonFactory();
        f.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        this.g = f.createGenerator(out, JsonEncoding.UTF8);
        g.setRootValueSeparator(null);
        this.acc = acc;
    }

    @Override
    public void write(Tweet t) throws IOException {
        tweet(t, true);
        g.writeRaw('\n');
    }

    @Override
    public void finish() throws IOException {
        g.flush();
    }

    private void tweet(Tweet t, boolean top) throws IOException {
        JsonGenerator g = this.g;
        g.writeStartObject();
        g.writeStringField("created_at", clock.format(t.timeMs));
        g.writeNumberField("id", t.id);
        g.writeStringField("id_str", Long.toString(t.id));
        g.writeStringField("full_text", t.text.toString());
        g.writeBooleanField("truncated", false);
        g.writeArrayFieldStart("display_text_range");
        g.writeNumber(0);
        g.writeNumber(t.cp);
        g.writeEndArray();
        entities(t);
        g.writeStringField("source", Lexicon.source(t.source));
        if (t.replyToId >= 0) {
            g.writeNumberField("in_reply_to_status_id", t.replyToId);
            g.writeStringField("in_reply_to_status_id_str", Long.toString(t.replyToId));
            long uid = acc.id[t.replyToAuthor];
            g.writeNumberField("in_reply_to_user_id", uid);
            g.writeStringField("in_reply_to_user_id_str", Long.toString(uid));
            g.writeStringField("in_reply_to_screen_name", acc.handle[t.replyToAuthor]);
        } else {
            g.writeNullField("in_reply_to_status_id");
            g.writeNullField("in_reply_to_status_id_str");
            g.writeNullField("in_reply_to_user_id");
            g.writeNullField("in_reply_to_user_id_str");
            g.writeNullField("in_reply_to_screen_name");
        }
        user(t.author);
        g.writeNullField("geo");
        g.writeNullField("coordinates");
        g.writeNullField("place");
        g.writeNullField("contributors");
        boolean quote = t.kind == Tweet.QUOTE;
        g.writeBooleanField("is_quote_status", quote);
        if (quote) {
            g.writeNumberField("quoted_status_id", t.inner.id);
            g.writeStringField("quoted_status_id_str", Long.toString(t.inner.id));
            g.writeFieldName("quoted_status");
            tweet(t.inner, false);
        }
        if (t.kind == Tweet.RETWEET) {
            g.writeFieldName("retweeted_status");
            tweet(t.inner, false);
        }
        g.writeNumberField("retweet_count", 0);
        g.writeNumberField("favorite_count", 0);
        g.writeBooleanField("favorited", false);
        g.writeBooleanField("retweeted", false);
        if (t.nUrls > 0) g.writeBooleanField("possibly_sensitive", false);
        g.writeStringField("lang", t.lang);
        g.writeEndObject();
    }

    private void entities(Tweet t) throws IOException {
        JsonGenerator g = this.g;
        g.writeObjectFieldStart("entities");
        g.writeArrayFieldStart("hashtags");
        for (int i = 0; i < t.nTags; i++) {
            g.writeStartObject();
            g.writeStringField("text", t.tag[i]);
            indices(t.tagStart[i], t.tagEnd[i]);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("symbols");
        g.writeEndArray();
        g.writeArrayFieldStart("user_mentions");
        for (int i = 0; i < t.nMentions; i++) {
            int a = t.mention[i];
            g.writeStartObject();
            g.writeStringField("screen_name", acc.handle[a]);
            g.writeStringField("name", acc.name[a]);
            g.writeNumberField("id", acc.id[a]);
            g.writeStringField("id_str", Long.toString(acc.id[a]));
            indices(t.mentionStart[i], t.mentionEnd[i]);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("urls");
        for (int i = 0; i < t.nUrls; i++) {
            g.writeStartObject();
            g.writeStringField("url", t.urlShort[i]);
            g.writeStringField("expanded_url", t.urlExpanded[i]);
            g.writeStringField("display_url", t.urlDisplay[i]);
            indices(t.urlStart[i], t.urlEnd[i]);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void indices(int a, int b) throws IOException {
        g.writeArrayFieldStart("indices");
        g.writeNumber(a);
        g.writeNumber(b);
        g.writeEndArray();
    }

    private void user(int a) throws IOException {
        JsonGenerator g = this.g;
        Accounts acc = this.acc;
        int region = acc.region[a];
        g.writeObjectFieldStart("user");
        g.writeNumberField("id", acc.id[a]);
        g.writeStringField("id_str", Long.toString(acc.id[a]));
        g.writeStringField("name", acc.name[a]);
        g.writeStringField("screen_name", acc.handle[a]);
        g.writeStringField("location", Lexicon.PLACES[region][acc.place[a]]);
        g.writeStringField("description", Lexicon.BIO[region][acc.bio[a]]);
        g.writeNullField("url");
        g.writeBooleanField("protected", false);
        g.writeNumberField("followers_count", acc.followers[a]);
        g.writeNumberField("friends_count", acc.friends[a]);
        g.writeNumberField("listed_count", acc.followers[a] / 60);
        g.writeStringField("created_at", clock.format(acc.createdMs[a]));
        g.writeNumberField("favourites_count", acc.baseStatuses[a] / 2);
        g.writeBooleanField("geo_enabled", false);
        g.writeBooleanField("verified", acc.verified[a]);
        g.writeNumberField("statuses_count", acc.baseStatuses[a] + acc.posts[a]);
        g.writeNullField("lang");
        g.writeBooleanField("default_profile", acc.defaultProfile[a]);
        g.writeBooleanField("default_profile_image", acc.defaultImage[a]);
        g.writeStringField("profile_image_url_https", acc.defaultImage[a] ? DEFAULT_AVATAR
                : "https://pbs.twimg.com/profile_images/" + (acc.id[a] % 1_000_000_007L) + "/avatar_normal.jpg");
        g.writeEndObject();
    }
}
